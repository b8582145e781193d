package org.fairkd.policies.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one rounding rule of fairkd's sentences (rule explanations, the verdict line, junit.xml; the
 * report adopts it): estimates and thresholds show three significant digits, counts are integers
 * ({@code 67}, never {@code 67.0}), p-values three significant digits or {@code p < 0.001}. An
 * estimate is never rounded onto a threshold it misses: digits are added while it would print equal
 * to a different reference value (0.79996 against 0.8 prints 0.79996, not 0.800).
 */
public final class Numbers {
  private static final int DIGITS = 3;
  private static final int MAX_DIGITS = 12;

  private Numbers() {}

  /**
   * An estimate with three significant digits, trailing zeros kept (0.990, -0.0130, 1.03, 0), more
   * digits while it would print equal to one of {@code refs} that it differs from.
   */
  public static String estimate(double x, double... refs) {
    if (!Double.isFinite(x)) {
      return String.valueOf(x);
    }
    if (x == 0) {
      return "0";
    }
    String s = significant(x, DIGITS).toPlainString();
    for (int d = DIGITS; d <= MAX_DIGITS; d++) {
      BigDecimal v = significant(x, d);
      s = v.toPlainString();
      if (!clashes(x, v, refs)) {
        break;
      }
    }
    return s;
  }

  /** A threshold: three significant digits, trailing zeros dropped (0.8, -0.01, 0.95, 95). */
  public static String threshold(double t) {
    if (!Double.isFinite(t)) {
      return String.valueOf(t);
    }
    if (t == 0) {
      return "0";
    }
    return significant(t, DIGITS).stripTrailingZeros().toPlainString();
  }

  /** A count (possibly weighted) as an integer, rounded half up: 67, 2999. */
  public static String count(double n) {
    if (!Double.isFinite(n)) {
      return String.valueOf(n);
    }
    return BigDecimal.valueOf(n).setScale(0, RoundingMode.HALF_UP).toPlainString();
  }

  /** A p-value: {@code p < 0.001}, or {@code p = } three significant digits (p = 0.0123). */
  public static String p(double p) {
    if (p < 0.001) {
      return "p < 0.001";
    }
    return "p = " + significant(p, DIGITS).stripTrailingZeros().toPlainString();
  }

  private static boolean clashes(double x, BigDecimal printed, double[] refs) {
    for (double r : refs) {
      if (r != x && Double.isFinite(r) && printed.compareTo(BigDecimal.valueOf(r)) == 0) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal significant(double x, int digits) {
    BigDecimal v = BigDecimal.valueOf(x).round(new MathContext(digits, RoundingMode.HALF_UP));
    return v.precision() < digits ? v.setScale(v.scale() + digits - v.precision()) : v;
  }
}
