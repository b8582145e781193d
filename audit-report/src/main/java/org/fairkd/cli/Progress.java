package org.fairkd.cli;

/**
 * Step messages for long commands: printed to stderr only when a terminal is attached, so CI logs
 * stay clean (the distillation's own progress bars follow the same rule).
 */
final class Progress {
  private static final boolean TERMINAL = System.console() != null;
  private static final long START = System.nanoTime();

  private Progress() {}

  /** Announces a step with the elapsed time. */
  static void step(String message) {
    if (TERMINAL) {
      System.err.printf("[%5.1fs] %s%n", (System.nanoTime() - START) / 1e9, message);
    }
  }
}
