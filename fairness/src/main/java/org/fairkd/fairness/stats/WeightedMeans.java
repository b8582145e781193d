package org.fairkd.fairness.stats;

import java.util.function.IntToDoubleFunction;
import org.fairkd.fairness.report.Undefined;

/**
 * Weighted means of a per-row value v with the sandwich (linearization) variance: {@code mean = Σ w
 * v / Σ w}, influence {@code w_i (v_i − mean) / Σ w}; with unit weights the variance is s²/n.
 */
public final class WeightedMeans {
  private WeightedMeans() {}

  /** Mean score {@code Σ w s / Σ w}. */
  public static Linearized meanScore(
      RowSample sample, double[] scores, boolean[] labels, SortedView sorted) {
    return mean(sample, r -> scores[r]);
  }

  /** Brier score {@code Σ w (s − y)² / Σ w}. */
  public static Linearized brier(
      RowSample sample, double[] scores, boolean[] labels, SortedView sorted) {
    return mean(
        sample,
        r -> {
          double d = scores[r] - (labels[r] ? 1 : 0);
          return d * d;
        });
  }

  /** Weighted mean of {@code value(row)} over the sample. */
  public static Linearized mean(RowSample sample, IntToDoubleFunction value) {
    int m = sample.size();
    if (m == 0) {
      return Linearized.undefined(Undefined.EMPTY_SLICE);
    }
    double[] w = sample.weights();
    int[] rows = sample.rows();
    double sw = 0;
    double swv = 0;
    double[] v = new double[m];
    for (int k = 0; k < m; k++) {
      v[k] = value.applyAsDouble(rows[k]);
      sw += w[k];
      swv += w[k] * v[k];
    }
    double mean = swv / sw;
    double[] infl = new double[m];
    for (int k = 0; k < m; k++) {
      infl[k] = w[k] * (v[k] - mean) / sw;
    }
    return new Linearized(mean, null, infl, null);
  }

  /** Weighted variance {@code Σ w (v − mean)² / Σ w} of the scores of a sample. */
  public static double variance(RowSample sample, double[] scores, double mean) {
    double sw = 0;
    double ss = 0;
    for (int k = 0; k < sample.size(); k++) {
      double d = scores[sample.rows()[k]] - mean;
      sw += sample.weights()[k];
      ss += sample.weights()[k] * d * d;
    }
    return ss / sw;
  }
}
