package org.fairkd.datasets;

/**
 * A user mistake in a dataset spec or data file. The message is one line and names the file and the
 * line or key at fault, e.g. {@code german.yaml: key 'label.column': unknown column 'clas'}.
 */
public class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a one-line message naming the file, line or key. */
  public DatasetException(String message) {
    super(message);
  }

  /** Creates an exception with a one-line message and the underlying cause. */
  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
