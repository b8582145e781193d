package org.fairkd.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairkd.fairness.FairnessException;

/**
 * A predictions table as a Spark {@link Dataset}: a CSV file with a header (every column read as
 * text), a Parquet file, or a directory of either. A directory's files are read in name order and
 * concatenated, so that the rows' order (which fixes the order of the bootstrap's atoms) does not
 * depend on how Spark splits and packs the files.
 */
final class PredictionTable {
  private PredictionTable() {}

  /**
   * Fails unless {@code path} is an existing file or directory. A URI ({@code hdfs://…}, {@code
   * s3a://…}) is refused: the command line takes a file path (a {@link Path} turns {@code
   * hdfs://nn/x} into {@code hdfs:/nn/x}) and hashes the input files on the driver for provenance,
   * so the table must be where the driver and every executor see it at the same path (e.g. a shared
   * mount).
   */
  static void check(Path path) {
    String text = path.toString();
    if (text.matches("^[A-Za-z][A-Za-z0-9+.-]+:/.*")) {
      throw new FairnessException(
          "--predictions "
              + text
              + ": URIs (hdfs://, s3a://, ...) are not supported; give a path that the driver and"
              + " every executor see (e.g. a shared mount)");
    }
    if (!Files.exists(path)) {
      throw new FairnessException("--predictions " + path + ": no such file or directory");
    }
  }

  /** The table at {@code path}, a file or directory (see {@link #check}). */
  static Dataset<Row> read(SparkSession spark, Path path) {
    check(path);
    String text = path.toString();
    if (Files.isRegularFile(path)) {
      return read(spark, List.of(text), parquet(text));
    }
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(path)) {
      s.filter(Files::isRegularFile)
          .map(Path::toString)
          .filter(f -> f.endsWith(".parquet") || f.endsWith(".csv"))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new FairnessException(
          "--predictions " + path + ": cannot list (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) {
      throw new FairnessException("--predictions " + path + ": no .parquet or .csv files");
    }
    boolean parquet = parquet(files.get(0));
    if (files.stream().anyMatch(f -> parquet(f) != parquet)) {
      throw new FairnessException("--predictions " + path + ": mixes .parquet and .csv files");
    }
    return read(spark, files, parquet);
  }

  private static boolean parquet(String file) {
    return file.endsWith(".parquet") || file.endsWith(".parq");
  }

  private static Dataset<Row> read(SparkSession spark, List<String> files, boolean parquet) {
    Dataset<Row> out = null;
    for (String f : files) {
      Dataset<Row> one =
          parquet
              ? spark.read().parquet(f)
              : spark.read().option("header", "true").option("mode", "FAILFAST").csv(f);
      out = out == null ? one : out.unionByName(one);
    }
    return out;
  }

  /** Fails unless every column is present, naming the first missing one and the columns. */
  static void requireColumns(Dataset<Row> table, Path path, List<String> columns) {
    List<String> have = Arrays.asList(table.columns());
    for (String c : columns) {
      if (!have.contains(c)) {
        throw new FairnessException(
            path.getFileName()
                + ": no column '"
                + c
                + "' (columns: "
                + String.join(", ", have)
                + ")");
      }
    }
  }
}
