package org.fairkd.fairness.metrics;

/**
 * Where the audit report shows a metric, besides the methodology section that lists every metric.
 */
public enum ReportPlacement {
  /** Only in the methodology section. */
  METHODOLOGY,
  /** A column of each attribute's per-group table (teacher, student and Δ rows). */
  TABLE,
  /** A per-group bar chart (teacher vs student, with intervals) and a per-group table column. */
  CHART,
  /**
   * A group-vs-reference ratio chart with the four-fifths (0.8) and parity (1.0) lines, and a
   * per-group table column.
   */
  REFERENCE_CHART,
  /** A row of each attribute's whole-attribute disparity table. */
  ATTRIBUTE_TABLE;

  /** True when the metric is a column of the per-group table. */
  public boolean inGroupTable() {
    return this == TABLE || this == CHART || this == REFERENCE_CHART;
  }
}
