package org.fairkd.search;

/** A user-facing error of the search (bad option, unknown attribute); one line, exit 2. */
public final class SearchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with its one-line message. */
  public SearchException(String message) {
    super(message);
  }
}
