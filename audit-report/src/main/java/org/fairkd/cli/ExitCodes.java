package org.fairkd.cli;

/** The exit codes users' CI pipelines rely on (see DESIGN.md). The gate fails closed. */
public final class ExitCodes {
  /** Every gating rule passed. */
  public static final int PASS = 0;

  /** At least one gating rule failed. */
  public static final int GATE_FAILED = 1;

  /** Bad input, bad usage, or an internal error. */
  public static final int ERROR = 2;

  private ExitCodes() {}
}
