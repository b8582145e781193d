package org.fairkd.policies.eval;

import org.fairkd.policies.model.Severity;

/**
 * The release verdict: {@code PASS}, {@code WARN} or {@code FAIL}. An outcome's {@link Status} maps
 * to a verdict; an {@code error} counts as {@code FAIL} for a fail-severity rule (the gate fails
 * closed); a warn-severity rule contributes at most {@code WARN}. The verdict of a policy is the
 * worst verdict of its outcomes.
 */
public enum Verdict {
  PASS,
  WARN,
  FAIL;

  /** The verdict one outcome contributes. */
  public static Verdict of(Status status, Severity severity) {
    return switch (status) {
      case PASS -> PASS;
      case WARN -> WARN;
      case FAIL, ERROR -> severity == Severity.FAIL ? FAIL : WARN;
    };
  }

  /** The worse of two verdicts. */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
