package org.fairkd.fairness.engine;

import java.util.List;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.RowAccounting;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.report.AnalysisConfig;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.fairness.slices.SliceSpace;
import org.fairkd.fairness.stats.Percentiles;

/**
 * Runs one analysis: point tally, bootstrap replicates of every count-based quantity, row
 * statistics per slice, then hands the numbers to {@link Assembler} for the result records.
 */
public final class Analyzer {
  private static final Undefined NO_ROWS = Undefined.of(UndefinedReason.EMPTY_SLICE, "no rows");
  private final FairnessInput in;
  private final MetricRegistry registry;
  private final SliceSpace space;
  private final double[][] scores;
  private final boolean[][] decisions;
  private final int models;

  /**
   * Prepares the analysis of {@code in} and, when {@code compared} is not null, a second model,
   * computing the metrics of {@code registry}.
   */
  public Analyzer(FairnessInput in, double[] compared, MetricRegistry registry) {
    this.in = in;
    this.registry = registry;
    this.space = new SliceSpace(in);
    this.models = compared == null ? 1 : 2;
    scores =
        compared == null ? new double[][] {in.scores()} : new double[][] {in.scores(), compared};
    decisions = new boolean[models][in.rows()];
    for (int i = 0; i < in.rows(); i++) {
      decisions[0][i] = in.decision(i);
      if (models > 1) {
        decisions[1][i] = compared[i] >= in.threshold();
      }
    }
  }

  /** Computes everything. */
  public FairnessReport run() {
    Bootstrapper boot = new Bootstrapper(in, space, scores, decisions);
    RowStats rows = new RowStats(in, space, scores, registry.rowMetrics());
    return assemble(
        in,
        registry,
        space,
        models,
        boot,
        rows,
        (slices, counts) -> rows.summarizeAll(slices, space.sets(), counts),
        () -> rows.kl(rows.sample(space.overall())),
        RowAccounting.of(in));
  }

  /** The row statistics of every slice (in {@link Quantities} order) from their counts. */
  @FunctionalInterface
  interface SliceSummaries {
    List<RowStats.Summary> of(List<org.fairkd.fairness.slices.Slice> slices, double[] counts);
  }

  /**
   * The analysis from its parts, shared by the row engine and {@link CellAnalyzer}: point and
   * replicate tallies from {@code boot}, row statistics from {@code summaries}, then the result
   * records; {@code rowMetrics} only names the row metrics' positions.
   */
  static FairnessReport assemble(
      FairnessInput in,
      MetricRegistry registry,
      SliceSpace space,
      int models,
      Bootstrapper boot,
      RowStats rowMetrics,
      SliceSummaries summaries,
      java.util.function.Supplier<org.fairkd.fairness.report.Estimate> kl,
      org.fairkd.fairness.report.DataAccounting data) {
    Quantities q = new Quantities(space, models, registry);
    Tally point = boot.point();
    double[] pv = new double[q.size()];
    q.evalSlices(point, pv);
    int countIdx = q.cmIndex("count");
    boolean[] ok = new boolean[q.slices.size()];
    for (int s = 0; s < ok.length; s++) {
      ok[s] = s == 0 || pv[q.metric(0, s, countIdx)] >= in.minSliceSize();
    }
    q.setEligibility(pv, ok);
    q.evalDisparities(pv);
    q.setPointCalibration(point);

    double[][] reps = new double[q.size()][in.bootstrap()];
    double[] tmp = new double[q.size()];
    int[] b = {0};
    boot.replicates(
        t -> {
          q.evalSlices(t, tmp);
          q.evalDisparities(tmp);
          for (int k = 0; k < tmp.length; k++) {
            reps[k][b[0]] = tmp[k];
          }
          b[0]++;
        });

    double[] counts = new double[q.slices.size()];
    for (int s = 0; s < counts.length; s++) {
      counts[s] = pv[q.metric(0, s, countIdx)];
    }
    List<RowStats.Summary> sums = summaries.of(q.slices, counts);
    Estimates est = new Estimates(pv, reps, in.ciLevel());
    Assembler asm = new Assembler(new Computed(in, registry, q, est, ok, sums, rowMetrics, point));
    ModelResult primary = asm.model(0);
    Comparison comparison = null;
    if (models > 1) {
      comparison =
          new Comparison(
              est.estimate(q.fidelity(0), NO_ROWS),
              kl.get(),
              asm.model(1),
              asm.deltas(),
              asm.pairedTests(0));
    }
    AnalysisConfig config =
        new AnalysisConfig(
            in.decisions() == null ? in.threshold() : null,
            in.ciLevel(),
            in.bootstrap(),
            in.seed(),
            in.minSliceSize(),
            in.correction().jsonName(),
            space.references(),
            space.referenceSources(),
            boot.method(),
            in.weights() != null,
            in.attributes().stream().anyMatch(a -> a.isSoft()));
    return new FairnessReport(config, primary, comparison, data);
  }

  /** Percentile interval of a quantity's replicates, or null. */
  static double[] percentile(double[] replicates, double level) {
    return replicates.length == 0 ? null : Percentiles.interval(replicates, level);
  }
}
