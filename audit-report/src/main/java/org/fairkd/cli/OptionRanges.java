package org.fairkd.cli;

/**
 * The one place where the numeric options of every command are range-checked, before the command
 * does any work: a value out of range is one line, {@code fairkd: error: --threshold must be in (0,
 * 1), got 1.5}, and exit 2. The bounds shared by several commands are constants here.
 */
final class OptionRanges {
  /** Most bootstrap replicates accepted (beyond this the intervals do not get better). */
  static final int MAX_BOOTSTRAP = 100_000;

  /** Largest seed: 2^53, so that the seed recorded in JSON survives readers that use doubles. */
  static final long MAX_SEED = 1L << 53;

  private OptionRanges() {}

  /** {@code value} must lie strictly between 0 and 1 (a threshold, a confidence level). */
  static void openUnitInterval(String option, double value) {
    if (!(value > 0 && value < 1)) {
      throw bad(option, "must be in (0, 1)", Double.toString(value));
    }
  }

  /** {@code value} must be at least {@code min}. */
  static void atLeast(String option, long value, long min) {
    if (value < min) {
      throw bad(option, "must be >= " + min, Long.toString(value));
    }
  }

  /** {@code value} must lie in {@code min..max}, both included. */
  static void between(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw bad(option, "must be in " + min + ".." + max, Long.toString(value));
    }
  }

  /** A bootstrap replicate count: 0 (no intervals) to {@link #MAX_BOOTSTRAP}. */
  static void bootstrap(int value) {
    between("--bootstrap", value, 0, MAX_BOOTSTRAP);
  }

  /** A random seed: 0 to {@link #MAX_SEED}. */
  static void seed(long value) {
    between("--seed", value, 0, MAX_SEED);
  }

  /** {@code value} must be a finite number. */
  static void finite(String option, double value) {
    if (!Double.isFinite(value)) {
      throw bad(option, "must be a finite number", Double.toString(value));
    }
  }

  private static IllegalArgumentException bad(String option, String rule, String got) {
    return new IllegalArgumentException(option + " " + rule + ", got " + got);
  }
}
