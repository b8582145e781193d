package org.fairkd.policies.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats numbers for explanations: short, but never rounded onto a threshold they miss. */
final class Numbers {
  private Numbers() {}

  /**
   * {@code x} with two decimals (more for small magnitudes: two significant digits), adding
   * decimals while it would print equal to a different reference value (e.g. 0.7995 vs a threshold
   * of 0.8 prints 0.7995, not 0.80).
   */
  static String fmt(double x, double... refs) {
    return fmt(x, decimals(x), refs);
  }

  /** Decimals showing two significant digits of {@code x}, at least two. */
  static int decimals(double x) {
    if (x != 0 && Double.isFinite(x) && Math.abs(x) < 0.1) {
      return Math.min(8, 1 - (int) Math.floor(Math.log10(Math.abs(x))));
    }
    return 2;
  }

  /** {@code x} with {@code decimals} decimals, more while it would print equal to a reference. */
  static String fmt(double x, int decimals, double... refs) {
    if (Double.isInfinite(x) || Double.isNaN(x)) {
      return String.valueOf(x);
    }
    String s = round(x, decimals);
    for (int d = decimals; d < 10; d++) {
      s = round(x, d);
      boolean clash = false;
      for (double r : refs) {
        if (r != x && Double.isFinite(r) && new BigDecimal(s).compareTo(roundBig(r, d)) == 0) {
          clash = true;
        }
      }
      if (!clash) {
        break;
      }
    }
    return s;
  }

  /** A threshold as written: its shortest exact decimal form (0.8, -0.01, 0.3). */
  static String threshold(double t) {
    return BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
  }

  /** A p-value: "p < 0.001", or two significant digits. */
  static String p(double p) {
    if (p < 0.001) {
      return "p < 0.001";
    }
    return "p = "
        + BigDecimal.valueOf(p)
            .round(new java.math.MathContext(2))
            .stripTrailingZeros()
            .toPlainString();
  }

  private static String round(double x, int decimals) {
    return roundBig(x, decimals).toPlainString();
  }

  private static BigDecimal roundBig(double x, int decimals) {
    return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP);
  }
}
