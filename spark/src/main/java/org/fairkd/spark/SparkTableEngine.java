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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.cells.FineCells;
import org.fairkd.fairness.cells.FineCellsBuilder;
import org.fairkd.fairness.cells.PairedAucSums;
import org.fairkd.fairness.cells.TableEngine;
import org.fairkd.fairness.engine.CellAnalyzer;
import org.fairkd.fairness.engine.WeightedRows;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.slices.SliceSpace;

/**
 * The Spark engine: two passes over the table. The first sums every partition's rows into one
 * {@link FineCellsBuilder} per combination of group values (so the groups are learnt in the same
 * pass) and merges them on the driver; the second, with a compared model, sums the paired AUC
 * differences ({@link PairedAucSums}). The statistics are then fairness's {@link CellAnalyzer}, the
 * same code as the local engine's.
 */
public final class SparkTableEngine implements TableEngine {
  /** Score histogram bins on [0, 1]: AUC resolution 2⁻¹⁴ (exact when a bin holds one score). */
  public static final int RESOLUTION = 1 << 14;

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Result analyze(Request r) {
    try {
      PredictionTable.check(r.table()); // before Spark starts
      return run(SparkSessions.get(r.master()), r);
    } catch (Exception e) { // Spark (Scala) throws checked exceptions undeclared
      throw SparkSessions.userError(e);
    }
  }

  /** One partition's first-pass sums: a builder per group-value combination, and rows read. */
  record Partial(Map<List<String>, FineCellsBuilder> byGroups, long rowsRead)
      implements java.io.Serializable {
    Partial merge(Partial o) {
      Map<List<String>, FineCellsBuilder> m = new HashMap<>(byGroups);
      o.byGroups.forEach((k, v) -> m.merge(k, v, FineCellsBuilder::merge));
      return new Partial(m, rowsRead + o.rowsRead);
    }
  }

  private static Result run(SparkSession spark, Request r) {
    long t0 = System.nanoTime();
    Dataset<Row> table = PredictionTable.read(spark, r.table());
    List<String> scores = new ArrayList<>(List.of(r.score()));
    if (r.comparedScore() != null) {
      scores.add(r.comparedScore());
    }
    String split =
        r.splitColumn() != null && List.of(table.columns()).contains(r.splitColumn())
            ? r.splitColumn()
            : null;
    boolean weighted = r.weights() != null || !r.softGroups().isEmpty();
    List<String> cols =
        RowCodec.columns(r.label(), scores, split, r.groups(), r.weights(), r.softGroups());
    PredictionTable.requireColumns(table, r.table(), cols);
    List<Column> projection = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      boolean score = i >= RowCodec.SCORE && i < RowCodec.SCORE + scores.size();
      projection.add(functions.col(cols.get(i)).cast(score ? "double" : "string"));
    }
    JavaRDD<Row> rows = table.select(projection.toArray(new Column[0])).javaRDD();
    String file = r.table().getFileName().toString();
    RowCodec codec =
        new RowCodec(
            file,
            r.favorable(),
            scores,
            split != null ? r.splitValue() : null,
            r.groups().size(),
            r.weights(),
            r.softGroups());
    int models = scores.size();
    Map<String, Map<String, Long>> counts =
        ValueCounts.of(table, split, split != null ? r.splitValue() : null, r.counted());
    if (weighted) {
      return WeightedPasses.run(r, rows, codec, models, split != null, t0, counts);
    }
    double threshold = r.threshold();
    Partial all =
        rows.mapPartitions(
                (Iterator<Row> it) -> {
                  long order = (long) TaskContext.getPartitionId() << 40;
                  int k = codec.groupCount();
                  List<Map<String, Integer>> dict = new ArrayList<>();
                  for (int a = 0; a < k; a++) {
                    dict.add(new HashMap<>());
                  }
                  Map<Long, FineCellsBuilder> local = new HashMap<>();
                  Map<Long, List<String>> keys = new HashMap<>();
                  int[] c = new int[k];
                  long read = 0;
                  while (it.hasNext()) {
                    Row row = it.next();
                    read++;
                    if (!codec.selected(row)) {
                      continue;
                    }
                    boolean y = codec.label(row);
                    double s1 = codec.score(row, 0);
                    double s2 = models > 1 ? codec.score(row, 1) : 0;
                    codec.codes(row, dict, c);
                    long key = 0;
                    for (int a = 0; a < k; a++) {
                      key = key * 1_000_003L + c[a] + 1;
                    }
                    FineCellsBuilder b = local.get(key);
                    if (b == null) {
                      b = new FineCellsBuilder(models, 1, RESOLUTION, threshold);
                      local.put(key, b);
                      keys.put(key, values(dict, c));
                    }
                    b.add(order++, 0, y, s1, s2);
                  }
                  Map<List<String>, FineCellsBuilder> by = new HashMap<>();
                  local.forEach((key, b) -> by.put(keys.get(key), b));
                  return Collections.singletonList(new Partial(by, read)).iterator();
                })
            .treeReduce(Partial::merge);
    if (split != null && all.byGroups().isEmpty()) {
      throw new FairnessException(
          file
              + ": no rows with "
              + split
              + " '"
              + r.splitValue()
              + "' (use --split all for every row)");
    }
    if (all.byGroups().isEmpty()) {
      throw new FairnessException(file + ": no rows");
    }
    Map<String, List<String>> levels = levels(r.groups(), all.byGroups().keySet());
    FairnessInput settings = settings(r, levels, null, false);
    SliceSpace space = new SliceSpace(settings, null);
    FineCellsBuilder[] perFine = new FineCellsBuilder[space.fineCount()];
    for (Map.Entry<List<String>, FineCellsBuilder> e : all.byGroups().entrySet()) {
      int f = space.fineOf(codes(e.getKey(), r.groups(), levels));
      perFine[f] = perFine[f] == null ? e.getValue() : perFine[f].merge(e.getValue());
    }
    FineCells cells = FineCellsBuilder.place(perFine).build();
    CellAnalyzer analyzer = new CellAnalyzer(settings, cells, MetricRegistry.current());
    long t1 = System.nanoTime();
    PairedAucSums paired = null;
    if (models > 1) {
      PairedAucSums empty = analyzer.pairedAucSums();
      List<Map<String, Integer>> codes = new ArrayList<>();
      for (String g : r.groups()) {
        Map<String, Integer> d = new HashMap<>();
        List<String> lv = levels.get(g);
        for (int i = 0; i < lv.size(); i++) {
          d.put(lv.get(i), i);
        }
        codes.add(d);
      }
      int[] radix = new int[r.groups().size()];
      int combos = 1;
      for (int a = 0; a < radix.length; a++) {
        radix[a] = levels.get(r.groups().get(a)).size() + 1;
        combos *= radix[a];
      }
      int[] fineOf = new int[combos]; // mixed-radix index of (code + 1) per attribute -> fine group
      int[] cs = new int[radix.length];
      for (int i = 0; i < combos; i++) {
        for (int a = radix.length - 1, rest = i; a >= 0; a--) {
          cs[a] = rest % radix[a] - 1;
          rest /= radix[a];
        }
        fineOf[i] = space.fineOf(cs);
      }
      paired =
          rows.mapPartitions(
                  (Iterator<Row> it) -> {
                    PairedAucSums p = empty.empty();
                    int[] c = new int[codec.groupCount()];
                    while (it.hasNext()) {
                      Row row = it.next();
                      if (codec.selected(row)) {
                        codec.codes(row, codes, c);
                        int idx = 0;
                        for (int a = 0; a < c.length; a++) {
                          idx = idx * radix[a] + c[a] + 1;
                        }
                        p.add(
                            fineOf[idx],
                            codec.label(row),
                            codec.score(row, 0),
                            codec.score(row, 1));
                      }
                    }
                    return Collections.singletonList(p).iterator();
                  })
              .treeReduce(PairedAucSums::merge);
    }
    long t2 = System.nanoTime();
    FairnessReport report = analyzer.run(paired);
    double[][][][][] reliability = reliability(cells, analyzer.space(), levels.size());
    long t3 = System.nanoTime();
    return new Result(
        report,
        all.rowsRead(),
        split != null,
        levels,
        analyzer.aucTieBound(),
        reliability,
        new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9},
        counts);
  }

  /** The values of codes {@code c} in the dictionaries (null where missing). */
  private static List<String> values(List<Map<String, Integer>> dict, int[] c) {
    String[] out = new String[c.length];
    for (int a = 0; a < c.length; a++) {
      int code = c[a];
      if (code >= 0) {
        for (Map.Entry<String, Integer> e : dict.get(a).entrySet()) {
          if (e.getValue() == code) {
            out[a] = e.getKey();
          }
        }
      }
    }
    return java.util.Arrays.asList(out);
  }

  /** Per attribute its sorted distinct non-missing values. */
  private static Map<String, List<String>> levels(
      List<String> groups, java.util.Set<List<String>> keys) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int a = 0; a < groups.size(); a++) {
      TreeSet<String> v = new TreeSet<>();
      for (List<String> k : keys) {
        if (k.get(a) != null) {
          v.add(k.get(a));
        }
      }
      out.put(groups.get(a), List.copyOf(v));
    }
    return out;
  }

  private static int[] codes(List<String> key, List<String> groups, Map<String, List<String>> lv) {
    int[] c = new int[groups.size()];
    for (int a = 0; a < c.length; a++) {
      c[a] = key.get(a) == null ? -1 : lv.get(groups.get(a)).indexOf(key.get(a));
    }
    return c;
  }

  /**
   * The analysis settings with the attributes (hard with these levels, or {@code rows}' attributes
   * when given) and, with {@code weighted}, an empty weight array (no rows).
   */
  static FairnessInput settings(
      Request r, Map<String, List<String>> levels, WeightedRows rows, boolean weighted) {
    FairnessInput.Builder b =
        FairnessInput.builder(new boolean[0])
            .scores(new double[0])
            .weights(weighted ? new double[0] : null)
            .threshold(r.threshold())
            .bootstrap(r.bootstrap())
            .ciLevel(r.ciLevel())
            .minSliceSize(r.minSliceSize())
            .seed(r.seed())
            .correction(r.correction());
    for (Map.Entry<String, List<String>> e : levels.entrySet()) {
      String ref = r.references().get(e.getKey());
      if (e.getValue().isEmpty()) {
        throw new FairnessException(
            "protected attribute '"
                + e.getKey()
                + "' has no values in "
                + r.table().getFileName()
                + ": nothing to compare");
      }
      if (ref != null && !e.getValue().contains(ref)) {
        throw new FairnessException(
            "reference group '"
                + ref
                + "' of '"
                + e.getKey()
                + "' does not occur in "
                + r.table().getFileName()
                + " (values: "
                + String.join(", ", e.getValue())
                + ")");
      }
      if (rows == null) {
        b.attribute(CellAnalyzer.attribute(e.getKey(), e.getValue(), ref));
      }
    }
    if (rows != null) {
      rows.attributes(r.references()).forEach(b::attribute);
    }
    return b.build();
  }

  private static double[][][][][] reliability(FineCells cells, SliceSpace space, int attributes) {
    double[][][][][] out = new double[cells.models()][attributes][][][];
    for (int m = 0; m < cells.models(); m++) {
      for (int a = 0; a < attributes; a++) {
        List<Slice> groups = space.sets().get(a).slices();
        out[m][a] = new double[groups.size()][][];
        for (int g = 0; g < groups.size(); g++) {
          out[m][a][g] = cells.reliability(m, groups.get(g).fine());
        }
      }
    }
    return out;
  }
}
