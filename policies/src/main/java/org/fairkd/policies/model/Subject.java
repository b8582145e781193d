package org.fairkd.policies.model;

import java.util.Locale;

/** Whose figure a rule judges. {@code DELTA} is student − teacher (paired, same rows). */
public enum Subject {
  STUDENT,
  TEACHER,
  DELTA;

  /**
   * The name used in policy files and audit.json: {@code student}, {@code teacher}, {@code delta}.
   */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
