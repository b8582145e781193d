package org.fairkd.policies.model;

import java.util.Locale;

/** The most a rule can do: {@code FAIL} the release gate, or only {@code WARN}. */
public enum Severity {
  FAIL,
  WARN;

  /** The name used in policy files: {@code fail} or {@code warn}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
