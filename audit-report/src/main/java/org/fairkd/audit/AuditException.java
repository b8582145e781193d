package org.fairkd.audit;

/**
 * A user error in an audit (bad predictions file, bad out dir, bad option); message is one line.
 */
public class AuditException extends RuntimeException {
  /** Creates the exception with a message naming the file, row or key at fault. */
  public AuditException(String message) {
    super(message);
  }

  /** Creates the exception with a cause. */
  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
