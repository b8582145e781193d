package org.fairkd.search.candidates;

/**
 * Bisection of one penalty's weight λ on a log scale towards a disparity target: {@code weak} is
 * the largest λ tried whose student missed the target, {@code strong} the smallest that met it (or
 * lost too much AUC). The next λ is {@code 4·weak} while nothing was strong, {@code strong / 4}
 * while nothing was weak, else the geometric mean {@code √(weak·strong)}.
 *
 * @param weak the largest too-weak λ, or NaN
 * @param strong the smallest strong-enough λ, or NaN
 */
public record LambdaBracket(double weak, double strong) {
  /** The first λ tried. */
  public static final double START = 1.0;

  /** Nothing tried yet. */
  public static LambdaBracket empty() {
    return new LambdaBracket(Double.NaN, Double.NaN);
  }

  /** The next λ to try. */
  public double next() {
    if (Double.isNaN(weak) && Double.isNaN(strong)) {
      return START;
    }
    if (Double.isNaN(strong)) {
      return weak * 4;
    }
    if (Double.isNaN(weak)) {
      return strong / 4;
    }
    return Math.sqrt(weak * strong);
  }

  /** The bracket after trying {@code lambda}: strong enough or not. */
  public LambdaBracket after(double lambda, boolean strongEnough) {
    if (strongEnough) {
      return new LambdaBracket(weak, Double.isNaN(strong) ? lambda : Math.min(strong, lambda));
    }
    return new LambdaBracket(Double.isNaN(weak) ? lambda : Math.max(weak, lambda), strong);
  }
}
