package org.fairkd.fairness.cells;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.Correction;
import org.fairkd.fairness.report.FairnessReport;

/**
 * An engine that reads a predictions table where it lies (a CSV or Parquet file or directory),
 * aggregates it into {@link FineCells} and hands them to {@link
 * org.fairkd.fairness.engine.CellAnalyzer}: the same statistics as the row engine without holding
 * the rows. Implementations are found with {@link java.util.ServiceLoader} (the Spark module's
 * {@code SparkTableEngine}); nothing in fairkd depends on one at compile time.
 */
public interface TableEngine {
  /** The engine's name on the command line ({@code --engine NAME}). */
  String name();

  /** Reads, aggregates and analyses the table. */
  Result analyze(Request request);

  /**
   * What to analyse.
   *
   * @param table a CSV file with a header, a Parquet file, or a directory of either
   * @param master where to run (e.g. {@code local[*]}, {@code spark://host:7077}, {@code yarn}), or
   *     null for the engine's default
   * @param label label column
   * @param favorable the favourable label value, or null for 1/0, true/false, yes/no
   * @param score primary model's score column (probability of the favourable outcome)
   * @param comparedScore compared model's score column, or null
   * @param groups protected-attribute columns (hard groups; "", NA and ? are missing)
   * @param references reference group per attribute (others: the largest group)
   * @param splitColumn a column restricting the rows, or null for all rows
   * @param splitValue the value of {@code splitColumn} whose rows are analysed
   * @param threshold decision threshold on scores
   * @param bootstrap bootstrap replicates
   * @param ciLevel confidence level
   * @param minSliceSize minimum slice size
   * @param seed bootstrap seed
   * @param correction multiple-testing correction
   * @param weights row weight column (numbers &gt;= 0), or null for unit weights
   * @param softGroups soft protected attributes (after the hard {@code groups})
   * @param counted columns whose values are counted over the analysed rows when the table has them
   *     (e.g. the evidence column of a race/ethnicity proxy); may be empty
   */
  record Request(
      Path table,
      String master,
      String label,
      String favorable,
      String score,
      String comparedScore,
      List<String> groups,
      Map<String, String> references,
      String splitColumn,
      String splitValue,
      double threshold,
      int bootstrap,
      double ciLevel,
      int minSliceSize,
      long seed,
      Correction correction,
      String weights,
      List<SoftAttribute> softGroups,
      List<String> counted) {}

  /**
   * A soft protected attribute: one probability column per group ("", NA and ? blank: a row with
   * every column blank has no membership; probabilities in [0, 1] summing to at most 1).
   *
   * @param name attribute name
   * @param groups group names, in the order given
   * @param columns the probability column of each group
   */
  record SoftAttribute(String name, List<String> groups, List<String> columns) {}

  /**
   * The analysis and what an audit reports beside it.
   *
   * @param report the fairness report (rows analysed and per-attribute missing rows in {@code
   *     data()})
   * @param rowsRead rows in the table before the split restriction
   * @param splitApplied true when the table has the split column (its rows were restricted)
   * @param groups per attribute its groups (sorted distinct values)
   * @param aucTieBound largest bound on an AUC's distance from the exact one (0: all exact)
   * @param reliability [model][attribute][group][calibration bin] {count, Σ score, Σ favourable}
   * @param seconds wall-clock seconds of reading and aggregating, then of the statistics
   * @param counts per {@link Request#counted} column the table has, the analysed rows per value
   *     (stripped; a missing value, null, "", NA or ?, as "")
   */
  record Result(
      FairnessReport report,
      long rowsRead,
      boolean splitApplied,
      Map<String, List<String>> groups,
      double aucTieBound,
      double[][][][][] reliability,
      double[] seconds,
      Map<String, Map<String, Long>> counts) {}
}
