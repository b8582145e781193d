package org.fairkd.fairness.report;

/** Whether a slice is large enough to be judged. */
public enum SliceStatus {
  /** Weighted count at least the minimum slice size. */
  OK,
  /** Below the minimum slice size: listed with its metrics, left out of disparities. */
  INSUFFICIENT_DATA;

  /** The JSON name ({@code ok} / {@code insufficient_data}). */
  public String jsonName() {
    return this == OK ? "ok" : "insufficient_data";
  }
}
