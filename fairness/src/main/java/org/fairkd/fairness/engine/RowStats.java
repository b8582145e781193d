package org.fairkd.fairness.engine;

import java.util.Arrays;
import java.util.List;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.metrics.MetricCatalog;
import org.fairkd.fairness.metrics.RowMetric;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.slices.SliceSpace;
import org.fairkd.fairness.stats.IndexSort;
import org.fairkd.fairness.stats.Linearized;
import org.fairkd.fairness.stats.RowSample;
import org.fairkd.fairness.stats.WeightedMeans;

/**
 * Row-level statistics of every slice: the row metrics (AUC, mean score, Brier) per model with
 * their analytic intervals, their paired deltas, and what the SMD and the weighted tests need
 * (weighted mean and variance of scores, Kish effective size, covariances of the mean-score
 * influences of the two models). Slices are processed one at a time; no per-row objects are kept.
 */
final class RowStats {
  static final List<RowMetric> RM = MetricCatalog.rowMetrics();

  /**
   * Summary of one slice.
   *
   * @param weight Σ w
   * @param neff Kish effective size
   * @param est estimates [model][row metric]
   * @param delta paired deltas per row metric (compared − primary), null with one model
   * @param deltaP two-sided p-values of the deltas
   * @param mean weighted mean score per model
   * @param wvar weighted variance of scores per model
   * @param v covariance matrix of the two models' mean-score influences (Σ infl_j infl_k · n/(n−1))
   */
  record Summary(
      double weight,
      double neff,
      Estimate[][] est,
      Estimate[] delta,
      double[] deltaP,
      double[] mean,
      double[] wvar,
      double[][] v) {}

  private final FairnessInput in;
  private final SliceSpace space;
  private final double[][] scores;
  private final int[][] order;
  private final double level;

  RowStats(FairnessInput in, SliceSpace space, double[][] scores) {
    this.in = in;
    this.space = space;
    this.scores = scores;
    this.level = in.ciLevel();
    order = new int[scores.length][];
    if (scores[0] != null) {
      for (int m = 0; m < scores.length; m++) {
        order[m] = IndexSort.ascending(scores[m]);
      }
    }
  }

  /** The sample of a slice's members (row order). */
  RowSample sample(Slice slice) {
    int n = in.rows();
    int[] rows = new int[n];
    double[] w = new double[n];
    int k = 0;
    boolean all = slice.attrIdx().length == 0;
    for (int i = 0; i < n; i++) {
      double m = in.weight(i) * (all ? 1 : space.membership(slice, i));
      if (m > 0) {
        rows[k] = i;
        w[k++] = m;
      }
    }
    return new RowSample(Arrays.copyOf(rows, k), Arrays.copyOf(w, k));
  }

  Summary summarize(Slice slice) {
    RowSample sample = sample(slice);
    int models = scores.length;
    Estimate[][] est = new Estimate[models][RM.size()];
    double[] mean = new double[models];
    double[] wvar = new double[models];
    double[][] v = new double[models][models];
    if (scores[0] == null) {
      for (Estimate[] e : est) {
        Arrays.fill(e, Estimate.undefined("no scores (decisions were given)"));
      }
      return new Summary(
          sample.totalWeight(), sample.effectiveSize(), est, null, null, mean, wvar, v);
    }
    Linearized[][] lin = new Linearized[models][RM.size()];
    int[] pos = new int[in.rows()];
    Arrays.fill(pos, -1);
    for (int k = 0; k < sample.size(); k++) {
      pos[sample.rows()[k]] = k;
    }
    for (int m = 0; m < models; m++) {
      int[] ord = new int[sample.size()];
      int k = 0;
      for (int r : order[m]) {
        if (pos[r] >= 0) {
          ord[k++] = pos[r];
        }
      }
      for (int j = 0; j < RM.size(); j++) {
        lin[m][j] =
            sample.size() == 0
                ? Linearized.undefined("empty slice")
                : RM.get(j).computation().compute(sample, scores[m], in.labels(), ord);
        est[m][j] = estimate(lin[m][j], 1);
      }
      int meanIdx = indexOf("mean_score");
      mean[m] = lin[m][meanIdx].value();
      wvar[m] =
          sample.size() == 0 ? Double.NaN : WeightedMeans.variance(sample, scores[m], mean[m]);
    }
    int meanIdx = indexOf("mean_score");
    for (int a = 0; a < models; a++) {
      for (int b = 0; b < models; b++) {
        v[a][b] = cov(lin[a][meanIdx], lin[b][meanIdx]);
      }
    }
    Estimate[] delta = null;
    double[] deltaP = null;
    if (models > 1) {
      delta = new Estimate[RM.size()];
      deltaP = new double[RM.size()];
      for (int j = 0; j < RM.size(); j++) {
        Linearized d = lin[0][j].minusFrom(lin[1][j]);
        delta[j] = estimate(d, Double.POSITIVE_INFINITY);
        double var = d.defined() ? d.variance() : Double.NaN;
        deltaP[j] =
            var > 0
                ? 2
                    * new org.apache.commons.math3.distribution.NormalDistribution()
                        .cumulativeProbability(-Math.abs(d.value()) / Math.sqrt(var))
                : Double.NaN;
      }
    }
    return new Summary(
        sample.totalWeight(), sample.effectiveSize(), est, delta, deltaP, mean, wvar, v);
  }

  static int indexOf(String name) {
    for (int j = 0; j < RM.size(); j++) {
      if (RM.get(j).name().equals(name)) {
        return j;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static double cov(Linearized a, Linearized b) {
    if (!a.defined() || !b.defined() || a.influence().length < 2) {
      return Double.NaN;
    }
    double s = 0;
    int n = a.influence().length;
    for (int i = 0; i < n; i++) {
      s += a.influence()[i] * b.influence()[i];
    }
    return s * n / (n - 1.0);
  }

  /** Estimate with a Wald interval clamped to [−bound, bound] (deltas) or [0, 1] (metrics). */
  private Estimate estimate(Linearized l, double bound) {
    if (!l.defined()) {
      return Estimate.undefined(l.reason());
    }
    double lo = Double.isInfinite(bound) ? Double.NEGATIVE_INFINITY : 0;
    double[] ci = l.interval(level, lo, bound);
    return ci == null ? Estimate.of(l.value(), null, null) : Estimate.of(l.value(), ci[0], ci[1]);
  }

  /** Mean Bernoulli KL(primary ‖ compared) over all rows with its normal interval. */
  Estimate kl(RowSample all) {
    double eps = 1e-12;
    Linearized l =
        WeightedMeans.mean(
            all,
            r -> {
              double p = Math.min(1 - eps, Math.max(eps, scores[0][r]));
              double q = Math.min(1 - eps, Math.max(eps, scores[1][r]));
              return p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
            });
    return estimate(l, Double.POSITIVE_INFINITY);
  }
}
