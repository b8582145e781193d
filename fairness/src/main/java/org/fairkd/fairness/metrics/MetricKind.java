package org.fairkd.fairness.metrics;

/** Where a metric lives in the results. */
public enum MetricKind {
  /** Per slice (and overall): {@code slices[*].metrics.<name>}. */
  SLICE,
  /** One estimate per attribute: {@code disparities.<attr>.<name>}. */
  ATTRIBUTE,
  /** One estimate per group against the reference: {@code disparities.<attr>.<name>.<group>}. */
  GROUP_VS_REFERENCE,
  /** A teacher-vs-student comparison quantity: {@code comparison.<name>}. */
  COMPARISON
}
