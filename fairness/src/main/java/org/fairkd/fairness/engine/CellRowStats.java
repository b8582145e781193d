package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.fairkd.base.scores.DeLongAuc;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.cells.FineCells;
import org.fairkd.fairness.cells.FineMoment;
import org.fairkd.fairness.cells.PairedAucSums;
import org.fairkd.fairness.metrics.RowMetric;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.stats.Linearized;

/**
 * {@link RowStats}' per-slice summaries from {@link FineCells} (hard groups, unit weights): the
 * same estimates and linearized variances, written as sums. Mean score and Brier: {@code mean =
 * Σv/n}, {@code var = (Σv² − mean Σv)/(n(n−1))} (the sandwich variance with n/(n−1)); AUC: base's
 * {@link DeLongAuc} over the slice's score histogram (bins as tie groups, bin counts as weights),
 * DeLong's variance {@code Σ_h n_h/(n_h−1) Σ_bins c (V − AUC)²/W_h²}; paired deltas from the sums
 * of differences ({@link FineMoment#DS}, {@link PairedAucSums}).
 */
final class CellRowStats {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
  private static final List<String> SUPPORTED = List.of("auc", "mean_score", "brier_score");

  /** A slice's AUC from its histogram: value, variance, DeLong components [label][bin]. */
  record Auc(Linearized estimate, double variance, double[][] components, double tieBound) {}

  private final FineCells cells;
  private final List<RowMetric> rm;
  private final double level;

  CellRowStats(FineCells cells, List<RowMetric> rowMetrics, double level) {
    for (RowMetric m : rowMetrics) {
      if (!SUPPORTED.contains(m.name())) {
        throw new FairnessException(
            "row metric '" + m.name() + "' has no aggregate form (only " + SUPPORTED + ")");
      }
    }
    this.cells = cells;
    this.rm = rowMetrics;
    this.level = level;
  }

  /** The sum of one fine moment over a slice's fine groups. */
  double sum(Slice slice, FineMoment k) {
    double s = 0;
    for (int f : slice.fine()) {
      s += cells.fineMoments()[k.ordinal()][f];
    }
    return s;
  }

  /** The AUC of model m over a slice, from the histograms. */
  Auc auc(Slice slice, int m) {
    int res = cells.resolution();
    double[] pos = new double[res];
    double[] neg = new double[res];
    double[] lo = new double[res];
    double[] hi = new double[res];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    int entries = 0;
    for (int f : slice.fine()) {
      for (int b = 0; b < res; b++) {
        int k = f * res + b;
        neg[b] += cells.histogram()[m][0][k];
        pos[b] += cells.histogram()[m][1][k];
        lo[b] = Math.min(lo[b], cells.histogramMin()[m][k]);
        hi[b] = Math.max(hi[b], cells.histogramMax()[m][k]);
      }
    }
    for (int b = 0; b < res; b++) {
      entries += (neg[b] > 0 ? 1 : 0) + (pos[b] > 0 ? 1 : 0);
    }
    int[] row = new int[entries];
    double[] score = new double[entries];
    boolean[] label = new boolean[entries];
    double[] weight = new double[entries];
    int e = 0;
    for (int b = 0; b < res; b++) {
      for (int y = 0; y < 2; y++) {
        double c = y == 0 ? neg[b] : pos[b];
        if (c > 0) {
          row[e] = e;
          score[e] = b;
          label[e] = y == 1;
          weight[e++] = c;
        }
      }
    }
    double[][] comp = new double[2][res];
    if (entries == 0) {
      return new Auc(Linearized.undefined(Undefined.EMPTY_SLICE), Double.NaN, comp, 0);
    }
    DeLongAuc a = DeLongAuc.ofSorted(row, score, label, weight);
    if (!(a.positiveWeight() > 0)) {
      return new Auc(Linearized.undefined(Undefined.NO_POSITIVES), Double.NaN, comp, 0);
    }
    if (!(a.negativeWeight() > 0)) {
      return new Auc(Linearized.undefined(Undefined.NO_NEGATIVES), Double.NaN, comp, 0);
    }
    double[] ss = new double[2];
    for (int k = 0; k < entries; k++) {
      int y = label[k] ? 1 : 0;
      comp[y][(int) score[k]] = a.component()[k];
      double wh = label[k] ? a.positiveWeight() : a.negativeWeight();
      double d = (a.component()[k] - a.auc()) / wh;
      ss[label[k] ? 0 : 1] += weight[k] * d * d;
    }
    double var = stratified(ss[0], a.positiveWeight()) + stratified(ss[1], a.negativeWeight());
    double ties = 0;
    for (int b = 0; b < res; b++) {
      if (lo[b] < hi[b]) {
        ties += 0.5 * pos[b] * neg[b];
      }
    }
    ties /= a.positiveWeight() * a.negativeWeight();
    return new Auc(new Linearized(a.auc(), null, null, null), var, comp, ties);
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
    int models = cells.models();
    double n = sum(slice, FineMoment.N);
    Estimate[][] est = new Estimate[models][rm.size()];
    double[][] variance = new double[models][rm.size()];
    double[] mean = new double[models];
    double[] wvar = new double[models];
    double[][] v = new double[models][models];
    Estimate[] delta = models > 1 ? new Estimate[rm.size()] : null;
    double[] deltaVariance = models > 1 ? new double[rm.size()] : null;
    double[] deltaP = models > 1 ? new double[rm.size()] : null;
    double[] sumS = new double[models];
    for (int m = 0; m < models; m++) {
      sumS[m] = sum(slice, FineMoment.score(m));
      mean[m] = n > 0 ? sumS[m] / n : Double.NaN;
      wvar[m] =
          n > 0
              ? (sum(slice, m == 0 ? FineMoment.S1_SQ : FineMoment.S2_SQ) - sumS[m] * mean[m]) / n
              : Double.NaN;
    }
    for (int a = 0; a < models; a++) {
      for (int b = 0; b < models; b++) {
        FineMoment cross = a != b ? FineMoment.S1_S2 : a == 0 ? FineMoment.S1_SQ : FineMoment.S2_SQ;
        v[a][b] = n >= 2 ? (sum(slice, cross) - sumS[a] * mean[b]) / (n * (n - 1)) : Double.NaN;
      }
    }
    for (int j = 0; j < rm.size(); j++) {
      String name = rm.get(j).name();
      double[] value = new double[models];
      Undefined[] why = new Undefined[models];
      for (int m = 0; m < models; m++) {
        double var;
        if (name.equals("auc")) {
          value[m] = auc[m].estimate().value();
          why[m] = auc[m].estimate().why();
          var = auc[m].variance();
        } else {
          boolean brier = name.equals("brier_score");
          FineMoment first = brier ? (m == 0 ? FineMoment.B1 : FineMoment.B2) : FineMoment.score(m);
          FineMoment square =
              brier
                  ? (m == 0 ? FineMoment.B1_SQ : FineMoment.B2_SQ)
                  : (m == 0 ? FineMoment.S1_SQ : FineMoment.S2_SQ);
          double sv = sum(slice, first);
          value[m] = n > 0 ? sv / n : Double.NaN;
          why[m] = n > 0 ? null : Undefined.EMPTY_SLICE;
          var = meanVariance(n, sv, sum(slice, square));
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
            double wh = p[0];
            double dd = (p[2] - 2 * d * p[1] + p[0] * d * d) / (wh * wh);
            var += stratified(Math.max(0, dd), wh);
          }
        } else {
          boolean brier = name.equals("brier_score");
          double sd = sum(slice, brier ? FineMoment.DB : FineMoment.DS);
          double sdd = sum(slice, brier ? FineMoment.DB_SQ : FineMoment.DS_SQ);
          var = n >= 2 ? Math.max(0, sdd - 2 * d * sd + n * d * d) / (n * (n - 1)) : Double.NaN;
        }
        delta[j] = estimate(d, null, var, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        deltaVariance[j] = var;
        deltaP[j] =
            var > 0
                ? 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(d) / Math.sqrt(var))
                : Double.NaN;
      }
    }
    return new RowStats.Summary(n, n, est, variance, delta, deltaVariance, deltaP, mean, wvar, v);
  }

  /** Sandwich variance of a mean from Σv and Σv² over n unit-weight rows (NaN below 2 rows). */
  static double meanVariance(double n, double sv, double svv) {
    return n >= 2 ? Math.max(0, svv - sv * (sv / n)) / (n * (n - 1)) : Double.NaN;
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
