package org.fairkd.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.cells.PairedAucSums;
import org.fairkd.fairness.cells.TableEngine;
import org.fairkd.fairness.engine.CellAnalyzer;
import org.fairkd.fairness.engine.WeightedRows;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.slices.RowMembership;

/**
 * The Spark engine with row weights or soft membership: the Poisson row bootstrap needs each row's
 * global index. Pass 1 counts every partition's analysed rows and learns the hard groups; the
 * driver turns the counts into each partition's first index (offsets: as {@code zipWithIndex} does,
 * without materialising an index per row). Pass 2 sums every partition's rows, each with its index,
 * into fairness's {@link WeightedRows} (per-slice sums, Poisson replicate tallies, accounting),
 * merged on the driver; pass 3, with a compared model, the paired AUC sums. The partitions are the
 * same in every pass (one RDD), and the rows are in input order, so a row's index — and with it its
 * bootstrap draws — does not depend on how Spark partitions the table.
 */
final class WeightedPasses {
  private WeightedPasses() {}

  /** Pass 1 of a partition: analysed rows and each hard attribute's distinct values. */
  record Census(int partition, long rows, long read, List<TreeSet<String>> values)
      implements java.io.Serializable {}

  static TableEngine.Result run(
      TableEngine.Request r,
      JavaRDD<Row> rows,
      RowCodec codec,
      int models,
      boolean splitApplied,
      long t0,
      Map<String, Map<String, Long>> counts) {
    String file = r.table().getFileName().toString();
    int hard = r.groups().size();
    List<Census> census =
        rows.mapPartitions(
                (Iterator<Row> it) -> {
                  List<TreeSet<String>> values = new ArrayList<>();
                  List<Map<String, Integer>> dict = new ArrayList<>();
                  for (int a = 0; a < hard; a++) {
                    dict.add(new HashMap<>());
                  }
                  int[] c = new int[hard];
                  long n = 0;
                  long read = 0;
                  while (it.hasNext()) {
                    Row row = it.next();
                    read++;
                    if (codec.selected(row)) {
                      n++;
                      codec.codes(row, dict, c);
                    }
                  }
                  for (Map<String, Integer> d : dict) {
                    values.add(new TreeSet<>(d.keySet()));
                  }
                  return Collections.singletonList(
                          new Census(TaskContext.getPartitionId(), n, read, values))
                      .iterator();
                })
            .collect();
    int parts = rows.getNumPartitions();
    long[] offset = new long[parts];
    long total = 0;
    long read = 0;
    List<TreeSet<String>> values = new ArrayList<>();
    for (int a = 0; a < hard; a++) {
      values.add(new TreeSet<>());
    }
    long[] count = new long[parts];
    for (Census c : census) {
      count[c.partition()] = c.rows();
      read += c.read();
      for (int a = 0; a < hard; a++) {
        values.get(a).addAll(c.values().get(a));
      }
    }
    for (int p = 0; p < parts; p++) {
      offset[p] = total;
      total += count[p];
    }
    if (total == 0) {
      throw new FairnessException(
          file
              + (splitApplied
                  ? ": no rows with split '" + r.splitValue() + "' (use --split all for every row)"
                  : ": no rows"));
    }
    List<String> names = new ArrayList<>(r.groups());
    List<List<String>> groups = new ArrayList<>();
    Map<String, List<String>> levels = new LinkedHashMap<>();
    for (int a = 0; a < hard; a++) {
      groups.add(List.copyOf(values.get(a)));
    }
    boolean[] soft = new boolean[hard + r.softGroups().size()];
    for (TableEngine.SoftAttribute s : r.softGroups()) {
      soft[names.size()] = true;
      names.add(s.name());
      groups.add(s.groups());
    }
    for (int a = 0; a < names.size(); a++) {
      levels.put(names.get(a), groups.get(a));
    }
    double threshold = r.threshold();
    int replicates = r.bootstrap();
    long seed = r.seed();
    // built in each partition: a WeightedRows' empty sums would make the task binary large
    SerializableSupplier<WeightedRows> fresh =
        () ->
            new WeightedRows(
                names,
                groups,
                soft,
                models,
                threshold,
                SparkTableEngine.RESOLUTION,
                replicates,
                seed);
    List<Map<String, Integer>> codes = new ArrayList<>();
    for (int a = 0; a < hard; a++) {
      Map<String, Integer> d = new HashMap<>();
      for (int g = 0; g < groups.get(a).size(); g++) {
        d.put(groups.get(a).get(g), g);
      }
      codes.add(d);
    }
    int softCount = r.softGroups().size();
    int[] widths = r.softGroups().stream().mapToInt(s -> s.groups().size()).toArray();
    WeightedRows all =
        rows.mapPartitions(
                (Iterator<Row> it) -> {
                  WeightedRows w = fresh.get();
                  long index = offset[TaskContext.getPartitionId()];
                  Member m = new Member(hard, softCount, widths);
                  while (it.hasNext()) {
                    Row row = it.next();
                    if (codec.selected(row)) {
                      m.read(codec, row, codes);
                      w.add(
                          index++,
                          codec.label(row),
                          codec.score(row, 0),
                          models > 1 ? codec.score(row, 1) : 0,
                          codec.weight(row),
                          m);
                    }
                  }
                  return Collections.singletonList(w).iterator();
                })
            .treeReduce(WeightedRows::merge);
    FairnessInput settings = SparkTableEngine.settings(r, levels, all, r.weights() != null);
    CellAnalyzer analyzer =
        new CellAnalyzer(
            settings, all.sums(), all.tally(), all.accounting(), MetricRegistry.current());
    long t1 = System.nanoTime();
    PairedAucSums paired = null;
    if (models > 1) {
      PairedAucSums empty = analyzer.pairedAucSums();
      paired =
          rows.mapPartitions(
                  (Iterator<Row> it) -> {
                    PairedAucSums p = empty.empty();
                    WeightedRows placement = fresh.get();
                    Member m = new Member(hard, softCount, widths);
                    while (it.hasNext()) {
                      Row row = it.next();
                      if (codec.selected(row)) {
                        m.read(codec, row, codes);
                        placement.addPaired(
                            p,
                            codec.label(row),
                            codec.score(row, 0),
                            codec.score(row, 1),
                            codec.weight(row),
                            m);
                      }
                    }
                    return Collections.singletonList(p).iterator();
                  })
              .treeReduce(PairedAucSums::merge);
    }
    long t2 = System.nanoTime();
    FairnessReport report = analyzer.run(paired);
    double[][][][][] reliability = new double[models][names.size()][][][];
    for (int m = 0; m < models; m++) {
      for (int a = 0; a < names.size(); a++) {
        reliability[m][a] = new double[groups.get(a).size()][][];
        for (int g = 0; g < groups.get(a).size(); g++) {
          reliability[m][a][g] = all.sums().reliability(m, all.groupSlice(a, g));
        }
      }
    }
    long t3 = System.nanoTime();
    return new TableEngine.Result(
        report,
        read,
        splitApplied,
        levels,
        analyzer.aucTieBound(),
        reliability,
        new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9},
        counts);
  }

  /** A supplier Spark can ship to its tasks. */
  @FunctionalInterface
  interface SerializableSupplier<T> extends java.util.function.Supplier<T>, java.io.Serializable {}

  /** A row's group codes and probabilities, read from a Spark row (reused across rows). */
  private static final class Member implements RowMembership {
    private final int hard;
    private final int[] codes;
    private final double[][] probabilities;

    Member(int hard, int soft, int[] widths) {
      this.hard = hard;
      this.codes = new int[hard];
      this.probabilities = new double[soft][];
      for (int a = 0; a < soft; a++) {
        probabilities[a] = new double[widths[a]];
      }
    }

    void read(RowCodec codec, Row row, List<Map<String, Integer>> dict) {
      codec.codes(row, dict, codes);
      codec.probabilities(row, probabilities);
    }

    @Override
    public int code(int a) {
      return codes[a];
    }

    @Override
    public double probability(int a, int g) {
      return probabilities[a - hard][g];
    }
  }
}
