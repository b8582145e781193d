package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.fairkd.base.scores.DeLongAuc;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.cells.FineCells;
import org.fairkd.fairness.cells.PairedAucSums;
import org.fairkd.fairness.cells.SliceSums;
import org.fairkd.fairness.metrics.RowMetric;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.stats.Linearized;

/**
 * {@link RowStats}' per-slice summaries from sums: the same estimates and linearized variances,
 * written as sums over a slice's n members with membership weights u (1 with unit weights and hard
 * groups: {@link FineCells}; else {@link SliceSums}). Mean score and Brier: {@code mean = Σuv/Σu},
 * sandwich variance {@code n/(n−1) Σu²(v − mean)²/(Σu)²}; AUC: base's {@link DeLongAuc} over the
 * slice's score histogram (bins as tie groups, bin weights Σu), DeLong's variance {@code Σ_h
 * n_h/(n_h−1) Σ_bins Σu² (V − AUC)²/W_h²}; paired deltas from the sums of differences ({@link
 * PairedAucSums} for the AUC).
 */
final class CellRowStats {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
  private static final List<String> SUPPORTED = List.of("auc", "mean_score", "brier_score");

  /**
   * A slice's AUC from its histogram: value, variance, DeLong components [label][bin], tie bound,
   * label weights [W⁻, W⁺].
   */
  record Auc(
      Linearized estimate,
      double variance,
      double[][] components,
      double tieBound,
      double[] labelWeight) {}

  private final CellSums sums;
  private final int models;
  private final int resolution;
  private final List<RowMetric> rm;
  private final double level;

  /** Row statistics of unit-weight hard-group cells. */
  CellRowStats(FineCells cells, List<RowMetric> rowMetrics, double level) {
    this(new CellSums.Fine(cells), cells.models(), cells.resolution(), rowMetrics, level);
  }

  /** Row statistics of weighted / soft-membership slice sums. */
  CellRowStats(SliceSums sums, List<RowMetric> rowMetrics, double level) {
    this(new CellSums.Weighted(sums), sums.models(), sums.resolution(), rowMetrics, level);
  }

  private CellRowStats(
      CellSums sums, int models, int resolution, List<RowMetric> rowMetrics, double level) {
    for (RowMetric m : rowMetrics) {
      if (!SUPPORTED.contains(m.name())) {
        throw new FairnessException(
            "row metric '" + m.name() + "' has no aggregate form (only " + SUPPORTED + ")");
      }
    }
    this.sums = sums;
    this.models = models;
    this.resolution = resolution;
    this.rm = rowMetrics;
    this.level = level;
  }

  /** The AUC of model m over slice si, from the histograms. */
  Auc auc(int si, Slice slice, int m) {
    int res = resolution;
    double[][] h = sums.histogram(si, slice, m);
    double[] neg = h[0];
    double[] pos = h[1];
    int entries = 0;
    for (int b = 0; b < res; b++) {
      entries += (neg[b] > 0 ? 1 : 0) + (pos[b] > 0 ? 1 : 0);
    }
    int[] row = new int[entries];
    double[] score = new double[entries];
    boolean[] label = new boolean[entries];
    double[] weight = new double[entries];
    double[] weightSq = new double[entries];
    int e = 0;
    for (int b = 0; b < res; b++) {
      for (int y = 0; y < 2; y++) {
        double c = h[y][b];
        if (c > 0) {
          row[e] = e;
          score[e] = b;
          label[e] = y == 1;
          weightSq[e] = h[2 + y][b];
          weight[e++] = c;
        }
      }
    }
    double[][] comp = new double[2][res];
    double[] none = {0, 0};
    if (entries == 0) {
      return new Auc(Linearized.undefined(Undefined.EMPTY_SLICE), Double.NaN, comp, 0, none);
    }
    DeLongAuc a = DeLongAuc.ofSorted(row, score, label, weight);
    if (!(a.positiveWeight() > 0)) {
      return new Auc(Linearized.undefined(Undefined.NO_POSITIVES), Double.NaN, comp, 0, none);
    }
    if (!(a.negativeWeight() > 0)) {
      return new Auc(Linearized.undefined(Undefined.NO_NEGATIVES), Double.NaN, comp, 0, none);
    }
    double[] ss = new double[2];
    for (int k = 0; k < entries; k++) {
      int y = label[k] ? 1 : 0;
      comp[y][(int) score[k]] = a.component()[k];
      double wh = label[k] ? a.positiveWeight() : a.negativeWeight();
      double d = (a.component()[k] - a.auc()) / wh;
      ss[y] += weightSq[k] * d * d;
    }
    double var =
        stratified(ss[1], sums.labelMembers(si, slice, 1))
            + stratified(ss[0], sums.labelMembers(si, slice, 0));
    double ties = 0;
    for (int b = 0; b < res; b++) {
      if (h[4][b] < h[5][b]) {
        ties += 0.5 * pos[b] * neg[b];
      }
    }
    ties /= a.positiveWeight() * a.negativeWeight();
    return new Auc(
        new Linearized(a.auc(), null, null, null),
        var,
        comp,
        ties,
        new double[] {a.negativeWeight(), a.positiveWeight()});
  }

  /** {@code ss · n/(n−1)}: 0 for an empty stratum, NaN for one member. */
  private static double stratified(double ss, double n) {
    if (n == 0) {
      return 0;
    }
    return n < 2 ? Double.NaN : ss * n / (n - 1);
  }

  /** The summaries of all slices; {@code paired} is null with one model. */
  List<RowStats.Summary> summarizeAll(List<Slice> slices, Auc[][] aucs, PairedAucSums paired) {
    List<RowStats.Summary> out = new ArrayList<>();
    for (int s = 0; s < slices.size(); s++) {
      out.add(summarize(s, slices.get(s), aucs[s], paired));
    }
    return out;
  }

  private RowStats.Summary summarize(int si, Slice slice, Auc[] auc, PairedAucSums paired) {
    double n = sums.members(si, slice);
    double w = sums.weight(si, slice);
    double q = sums.weightSq(si, slice);
    Estimate[][] est = new Estimate[models][rm.size()];
    double[][] variance = new double[models][rm.size()];
    double[] mean = new double[models];
    double[] wvar = new double[models];
    double[][] v = new double[models][models];
    Estimate[] delta = models > 1 ? new Estimate[rm.size()] : null;
    double[] deltaVariance = models > 1 ? new double[rm.size()] : null;
    double[] deltaP = models > 1 ? new double[rm.size()] : null;
    double[][] score = new double[models][];
    for (int m = 0; m < models; m++) {
      score[m] = sums.value(si, slice, m == 0 ? SliceSums.S1 : SliceSums.S2);
      mean[m] = n > 0 ? score[m][0] / w : Double.NaN;
      wvar[m] =
          n > 0
              ? (score[m][3] - 2 * mean[m] * score[m][0] + mean[m] * mean[m] * w) / w
              : Double.NaN;
    }
    for (int a = 0; a < models; a++) {
      for (int b = 0; b < models; b++) {
        double cross = a != b ? sums.crossSq(si, slice) : score[a][2];
        double c = cross - mean[b] * score[a][1] - mean[a] * score[b][1] + mean[a] * mean[b] * q;
        v[a][b] = n >= 2 ? c * n / (n - 1) / (w * w) : Double.NaN;
      }
    }
    for (int j = 0; j < rm.size(); j++) {
      String name = rm.get(j).name();
      boolean brier = name.equals("brier_score");
      double[] value = new double[models];
      Undefined[] why = new Undefined[models];
      for (int m = 0; m < models; m++) {
        double var;
        if (name.equals("auc")) {
          value[m] = auc[m].estimate().value();
          why[m] = auc[m].estimate().why();
          var = auc[m].variance();
        } else {
          int id =
              brier
                  ? (m == 0 ? SliceSums.B1 : SliceSums.B2)
                  : (m == 0 ? SliceSums.S1 : SliceSums.S2);
          double[] x = sums.value(si, slice, id);
          value[m] = n > 0 ? x[0] / w : Double.NaN;
          why[m] = n > 0 ? null : Undefined.EMPTY_SLICE;
          var = meanVariance(n, w, q, x, value[m]);
        }
        est[m][j] = estimate(value[m], why[m], var, 0, 1);
        variance[m][j] = why[m] == null ? var : Double.NaN;
      }
      if (models > 1) {
        if (why[0] != null || why[1] != null) {
          delta[j] = Estimate.undefined(why[0] != null ? why[0] : why[1]);
          deltaVariance[j] = Double.NaN;
          deltaP[j] = Double.NaN;
          continue;
        }
        double d = value[1] - value[0];
        double var;
        if (name.equals("auc")) {
          var = 0;
          for (int y = 0; y < 2; y++) {
            double[] p = paired.of(si, y);
            double wh = auc[0].labelWeight()[y];
            double dd = (p[2] - 2 * d * p[1] + p[3] * d * d) / (wh * wh);
            var += stratified(Math.max(0, dd), p[0]);
          }
        } else {
          double[] x = sums.value(si, slice, brier ? SliceSums.DB : SliceSums.DS);
          var = meanVariance(n, w, q, x, d);
        }
        delta[j] = estimate(d, null, var, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        deltaVariance[j] = var;
        deltaP[j] =
            var > 0
                ? 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(d) / Math.sqrt(var))
                : Double.NaN;
      }
    }
    double neff = q > 0 ? w * w / q : 0;
    return new RowStats.Summary(
        w, neff, est, variance, delta, deltaVariance, deltaP, mean, wvar, v);
  }

  /**
   * Sandwich variance {@code n/(n−1) Σu²(v − mean)²/(Σu)²} of a weighted mean from {Σuv, Σu²v,
   * Σu²v², …} (NaN below 2 members).
   */
  private static double meanVariance(double n, double w, double q, double[] x, double mean) {
    double ss = x[2] - 2 * mean * x[1] + mean * mean * q;
    return n >= 2 ? Math.max(0, ss) * n / (n - 1) / (w * w) : Double.NaN;
  }

  /** The mean KL divergence over the slice's members with u &gt; 0, with its normal interval. */
  Estimate kl(int si, Slice all) {
    double n = sums.positiveMembers(si, all);
    double w = sums.weight(si, all);
    double[] x = sums.value(si, all, SliceSums.KL);
    double value = n > 0 ? x[0] / w : Double.NaN;
    return estimate(
        value,
        n > 0 ? null : Undefined.EMPTY_SLICE,
        meanVariance(n, w, sums.weightSq(si, all), x, value),
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
  }

  /** Estimate with a Wald interval clamped to [lo, hi], as {@link RowStats} makes it. */
  Estimate estimate(double value, Undefined why, double var, double lo, double hi) {
    if (why != null) {
      return Estimate.undefined(why);
    }
    if (Double.isNaN(var)) {
      return Estimate.of(value, null, null);
    }
    double half = Linearized.z(level) * Math.sqrt(var);
    return Estimate.of(value, Math.max(lo, value - half), Math.min(hi, value + half));
  }
}
