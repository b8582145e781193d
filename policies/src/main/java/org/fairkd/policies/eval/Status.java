package org.fairkd.policies.eval;

import java.util.Locale;

/**
 * The outcome of one rule for one slice. {@code ERROR} means the rule could not be judged (the
 * figure is missing or undefined, or the evidence its mode needs is absent): never a pass.
 */
public enum Status {
  PASS,
  WARN,
  FAIL,
  ERROR;

  /** The name in audit.json: {@code pass}, {@code warn}, {@code fail}, {@code error}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
