package org.fairkd.policies.model;

/**
 * The closed interval {@code [low, high]} a value must lie in; an open side is infinite ({@code >=
 * t} is {@code [t, +∞]}, {@code <= t} is {@code [−∞, t]}).
 *
 * @param low lower bound, or {@link Double#NEGATIVE_INFINITY}
 * @param high upper bound, or {@link Double#POSITIVE_INFINITY}
 */
public record Threshold(double low, double high) {

  /** Checks that the bounds are not NaN and ordered. */
  public Threshold {
    if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
      throw new IllegalArgumentException("bad threshold [" + low + ", " + high + "]");
    }
  }

  /** The bounds of {@code comparator value} (for {@code between}, use the two-value factory). */
  public static Threshold of(Comparator comparator, double value) {
    return switch (comparator) {
      case AT_LEAST -> new Threshold(value, Double.POSITIVE_INFINITY);
      case AT_MOST -> new Threshold(Double.NEGATIVE_INFINITY, value);
      case BETWEEN -> throw new IllegalArgumentException("'between' needs two values");
    };
  }

  /** True when {@code low ≤ v ≤ high}. */
  public boolean contains(double v) {
    return low <= v && v <= high;
  }

  /** True when this interval lies inside {@code other}. */
  public boolean within(Threshold other) {
    return other.low <= low && high <= other.high;
  }
}
