package org.fairkd.fairness.cells;

/**
 * The per-fine-group sums of {@link FineCells#fineMoments()}; s₁, s₂ the two models' scores, y the
 * label (1 favourable), b = (s − y)² the Brier term, δ differences compared − primary, and k the
 * Bernoulli KL divergence of the primary from the compared score (clamped to [1e−12, 1 − 1e−12]).
 */
public enum FineMoment {
  /** Rows. */
  N,
  /** Rows with a favourable label. */
  POSITIVES,
  /** Σ s₁. */
  S1,
  /** Σ s₁². */
  S1_SQ,
  /** Σ b₁. */
  B1,
  /** Σ b₁². */
  B1_SQ,
  /** Σ s₂. */
  S2,
  /** Σ s₂². */
  S2_SQ,
  /** Σ b₂. */
  B2,
  /** Σ b₂². */
  B2_SQ,
  /** Σ s₁ s₂. */
  S1_S2,
  /** Σ (s₂ − s₁). */
  DS,
  /** Σ (s₂ − s₁)². */
  DS_SQ,
  /** Σ (b₂ − b₁). */
  DB,
  /** Σ (b₂ − b₁)². */
  DB_SQ,
  /** Σ k. */
  KL,
  /** Σ k². */
  KL_SQ;

  /** The score sum of model m (0 primary, 1 compared). */
  public static FineMoment score(int m) {
    return m == 0 ? S1 : S2;
  }

  /** The Bernoulli KL divergence of p from q (both clamped to [1e−12, 1 − 1e−12]). */
  public static double kl(double p, double q) {
    double eps = 1e-12;
    p = Math.min(1 - eps, Math.max(eps, p));
    q = Math.min(1 - eps, Math.max(eps, q));
    return p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
  }
}
