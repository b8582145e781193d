package org.fairkd.fairness;

/** A user error in the input of a fairness analysis (bad sizes, unknown group, invalid score). */
public class FairnessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line message naming the offending key, row or value. */
  public FairnessException(String message) {
    super(message);
  }
}
