package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.metrics.RowMetric;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.fairness.slices.AttributeSet;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.slices.SliceSpace;
import org.fairkd.fairness.stats.IndexSort;
import org.fairkd.fairness.stats.Linearized;
import org.fairkd.fairness.stats.RowSample;
import org.fairkd.fairness.stats.SortedView;
import org.fairkd.fairness.stats.WeightedMeans;

/**
 * Row-level statistics of every slice: the row metrics (AUC, mean score, Brier) per model with
 * their analytic intervals, their paired deltas, and what the SMD and the weighted tests need
 * (weighted mean and variance of scores, Kish effective size, covariances of the mean-score
 * influences of the two models). Slices are processed one at a time; no per-row objects are kept.
 */
final class RowStats {
  private static final Undefined NO_SCORES =
      Undefined.of(UndefinedReason.NO_SCORES, "no scores (decisions were given)");
  private static final org.apache.commons.math3.distribution.NormalDistribution STANDARD_NORMAL =
      new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);

  /**
   * Summary of one slice.
   *
   * @param weight Σ w
   * @param neff Kish effective size
   * @param est estimates [model][row metric]
   * @param variance analytic variances of the estimates [model][row metric] (NaN when unknown)
   * @param delta paired deltas per row metric (compared − primary), null with one model
   * @param deltaVariance variances of the paired deltas, null with one model
   * @param deltaP two-sided p-values of the deltas
   * @param mean weighted mean score per model
   * @param wvar weighted variance of scores per model
   * @param v covariance matrix of the two models' mean-score influences (Σ infl_j infl_k · n/(n−1))
   */
  record Summary(
      double weight,
      double neff,
      Estimate[][] est,
      double[][] variance,
      Estimate[] delta,
      double[] deltaVariance,
      double[] deltaP,
      double[] mean,
      double[] wvar,
      double[][] v) {}

  private final List<RowMetric> rm;
  private final FairnessInput in;
  private final SliceSpace space;
  private final double[][] scores;
  private final int[][] order;
  private final double level;
  private SortedView[] globalViews; // all rows in score order, per model

  RowStats(FairnessInput in, SliceSpace space, double[][] scores, List<RowMetric> rowMetrics) {
    this.rm = rowMetrics;
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

  /**
   * Summaries of all slices in {@link Quantities} order (overall, then each set's slices); {@code
   * counts} are the slices' row counts, used as they are without scores and weights. Hard attribute
   * sets are bucketed in a few passes over the rows per set, not per slice.
   */
  List<Summary> summarizeAll(List<Slice> slices, List<AttributeSet> sets, double[] counts) {
    List<Summary> out = new ArrayList<>();
    int n = in.rows();
    if (scores[0] == null && in.isUnitHard()) {
      for (double count : counts) {
        out.add(noScores(count, count));
      }
      return out;
    }
    int[] all = new int[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
      w[i] = in.weight(i);
    }
    SortedView[] views = new SortedView[scores.length];
    globalViews = views;
    for (int m = 0; m < views.length; m++) {
      double[] vs = new double[n];
      boolean[] vl = new boolean[n];
      double[] vw = in.weights() == null ? null : new double[n];
      for (int j = 0; j < n; j++) {
        int r = order[m][j];
        vs[j] = scores[m][r];
        vl[j] = in.labels()[r];
        if (vw != null) {
          vw[j] = w[r];
        }
      }
      views[m] = new SortedView(order[m], vs, vl, vw);
    }
    out.add(summarize(new RowSample(all, w), views));
    for (AttributeSet set : sets) {
      boolean hard = true;
      for (int a : set.attrIdx()) {
        hard &= !in.attributes().get(a).isSoft();
      }
      if (hard && scores[0] != null) {
        out.addAll(bucketed(set));
      } else {
        for (Slice slice : set.slices()) {
          out.add(summarizeSlow(slice));
        }
      }
    }
    return out;
  }

  private Summary noScores(double weight, double neff) {
    Estimate[][] est = new Estimate[1][rm.size()];
    Arrays.fill(est[0], Estimate.undefined(NO_SCORES));
    double[][] variance = new double[1][rm.size()];
    Arrays.fill(variance[0], Double.NaN);
    return new Summary(
        weight,
        neff,
        est,
        variance,
        null,
        null,
        null,
        new double[1],
        new double[1],
        new double[1][1]);
  }

  /** All slices of a hard attribute set: rows bucketed by group combination. */
  private List<Summary> bucketed(AttributeSet set) {
    int n = in.rows();
    int k = set.slices().size();
    int[] sliceOf = new int[n];
    int[] size = new int[k];
    for (int i = 0; i < n; i++) {
      int c = 0;
      for (int a : set.attrIdx()) {
        int code = in.attributes().get(a).codes()[i];
        if (code < 0 || c < 0) {
          c = -1;
        } else {
          c = c * in.attributes().get(a).groups().size() + code;
        }
      }
      sliceOf[i] = c;
      if (c >= 0) {
        size[c]++;
      }
    }
    int[][] rows = new int[k][];
    double[][] weights = new double[k][];
    for (int c = 0; c < k; c++) {
      rows[c] = new int[size[c]];
      weights[c] = new double[size[c]];
    }
    int[] fill = new int[k];
    int[] slicePos = new int[2 * n]; // (slice, position in slice) interleaved: one cache line
    for (int i = 0; i < n; i++) {
      int c = sliceOf[i];
      slicePos[2 * i] = c;
      if (c >= 0) {
        slicePos[2 * i + 1] = fill[c];
        rows[c][fill[c]] = i;
        weights[c][fill[c]++] = in.weight(i);
      }
    }
    SortedView[][] views = new SortedView[k][scores.length];
    for (int m = 0; m < scores.length; m++) {
      Arrays.fill(fill, 0);
      for (int c = 0; c < k; c++) {
        views[c][m] =
            new SortedView(
                new int[size[c]],
                new double[size[c]],
                new boolean[size[c]],
                in.weights() == null ? null : new double[size[c]]);
      }
      SortedView g = globalViews[m];
      for (int q = 0; q < n; q++) {
        int r = order[m][q];
        int c = slicePos[2 * r];
        if (c >= 0) {
          SortedView v = views[c][m];
          int j = fill[c]++;
          v.pos()[j] = slicePos[2 * r + 1];
          v.score()[j] = g.score()[q];
          v.label()[j] = g.label()[q];
          if (v.weight() != null) {
            v.weight()[j] = g.weight()[q];
          }
        }
      }
    }
    List<Summary> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      out.add(summarize(new RowSample(rows[c], weights[c]), views[c]));
    }
    return out;
  }

  /** One slice by membership (soft attributes, or no scores with weights). */
  Summary summarizeSlow(Slice slice) {
    RowSample sample = sample(slice);
    if (scores[0] == null) {
      return noScores(sample.totalWeight(), sample.effectiveSize());
    }
    SortedView[] views = new SortedView[scores.length];
    for (int m = 0; m < scores.length; m++) {
      views[m] = SortedView.of(sample, scores[m], in.labels());
    }
    return summarize(sample, views);
  }

  private Summary summarize(RowSample sample, SortedView[] views) {
    int models = scores.length;
    Estimate[][] est = new Estimate[models][rm.size()];
    double[][] variance = new double[models][rm.size()];
    double[] mean = new double[models];
    double[] wvar = new double[models];
    double[][] v = new double[models][models];
    Estimate[] delta = models > 1 ? new Estimate[rm.size()] : null;
    double[] deltaVariance = models > 1 ? new double[rm.size()] : null;
    double[] deltaP = models > 1 ? new double[rm.size()] : null;
    int meanIdx = indexOf("mean_score");
    // metric by metric, so that at most one metric's influence arrays (per model) are alive
    for (int j = 0; j < rm.size(); j++) {
      Linearized[] lin = new Linearized[models];
      for (int m = 0; m < models; m++) {
        lin[m] =
            sample.size() == 0
                ? Linearized.undefined(Undefined.EMPTY_SLICE)
                : rm.get(j).computation().compute(sample, scores[m], in.labels(), views[m]);
        est[m][j] = estimate(lin[m], 1);
        variance[m][j] = lin[m].defined() ? lin[m].variance() : Double.NaN;
        if (j == meanIdx) {
          mean[m] = lin[m].value();
        }
      }
      if (j == meanIdx) {
        for (int a = 0; a < models; a++) {
          for (int b = 0; b < models; b++) {
            v[a][b] = cov(lin[a], lin[b]);
          }
        }
      }
      if (models > 1) {
        Linearized d = lin[0].minusFrom(lin[1]);
        delta[j] = estimate(d, Double.POSITIVE_INFINITY);
        double var = d.defined() ? d.variance() : Double.NaN;
        deltaVariance[j] = var;
        deltaP[j] =
            var > 0
                ? 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(d.value()) / Math.sqrt(var))
                : Double.NaN;
      }
    }
    for (int m = 0; m < models; m++) {
      wvar[m] =
          sample.size() == 0 ? Double.NaN : WeightedMeans.variance(sample, scores[m], mean[m]);
    }
    return new Summary(
        sample.totalWeight(),
        sample.effectiveSize(),
        est,
        variance,
        delta,
        deltaVariance,
        deltaP,
        mean,
        wvar,
        v);
  }

  int indexOf(String name) {
    for (int j = 0; j < rm.size(); j++) {
      if (rm.get(j).name().equals(name)) {
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
      return Estimate.undefined(l.why());
    }
    double lo = Double.isInfinite(bound) ? Double.NEGATIVE_INFINITY : 0;
    double[] ci = l.interval(level, lo, bound);
    return ci == null ? Estimate.of(l.value(), null, null) : Estimate.of(l.value(), ci[0], ci[1]);
  }

  /** Mean Bernoulli KL(primary ‖ compared) over all rows with its normal interval. */
  Estimate kl(RowSample all) {
    Linearized l =
        WeightedMeans.mean(
            all, r -> org.fairkd.fairness.cells.FineMoment.kl(scores[0][r], scores[1][r]));
    return estimate(l, Double.POSITIVE_INFINITY);
  }
}
