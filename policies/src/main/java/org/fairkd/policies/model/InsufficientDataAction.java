package org.fairkd.policies.model;

import java.util.Locale;

/**
 * The status given to a slice in scope that has too little data to judge. There is deliberately no
 * "pass": a slice nobody could judge never passes silently.
 */
public enum InsufficientDataAction {
  WARN,
  FAIL,
  ERROR;

  /** The name used in policy files: {@code warn}, {@code fail}, {@code error}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
