package org.fairkd.kd.teacher;

import java.util.Locale;

/**
 * How member probabilities {@code p_m} are combined with weights {@code w_m} (non-negative, sum
 * one).
 *
 * <ul>
 *   <li>{@code PROBABILITY}: {@code p = Σ_m w_m p_m};
 *   <li>{@code LOGIT}: {@code p = σ(Σ_m w_m logit(p_m))}, with {@code p_m} clipped to {@code [1e-6,
 *       1 − 1e-6]} before the logit and {@code σ(z) = 1 / (1 + e^−z)}.
 * </ul>
 */
public enum Combination {
  PROBABILITY,
  LOGIT;

  /** Probabilities are clipped to {@code [EPS, 1 − EPS]} before logits and log losses. */
  public static final double EPS = 1e-6;

  /** The YAML spelling ({@code probability} / {@code logit}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Combines member probabilities.
   *
   * @param memberProbs {@code memberProbs[m][i]}: member m's probability for row i
   * @param weights one weight per member
   * @return the ensemble probability per row
   */
  public double[] combine(double[][] memberProbs, double[] weights) {
    int n = memberProbs.length == 0 ? 0 : memberProbs[0].length;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int m = 0; m < memberProbs.length; m++) {
        double p = memberProbs[m][i];
        s += weights[m] * (this == PROBABILITY ? p : logit(p));
      }
      out[i] = this == PROBABILITY ? Math.min(1.0, Math.max(0.0, s)) : sigmoid(s);
    }
    return out;
  }

  /** {@code log(p / (1 − p))} of {@code p} clipped to {@code [EPS, 1 − EPS]}. */
  public static double logit(double p) {
    double c = clip(p);
    return Math.log(c / (1 - c));
  }

  /** {@code 1 / (1 + e^−z)}. */
  public static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** {@code p} clipped to {@code [EPS, 1 − EPS]}. */
  public static double clip(double p) {
    return Math.min(1 - EPS, Math.max(EPS, p));
  }

  /** Mean binary log loss {@code −mean[y log p + (1 − y) log(1 − p)]}, p clipped. */
  public static double logLoss(double[] p, boolean[] y) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      double c = clip(p[i]);
      s -= y[i] ? Math.log(c) : Math.log(1 - c);
    }
    return p.length == 0 ? 0 : s / p.length;
  }
}
