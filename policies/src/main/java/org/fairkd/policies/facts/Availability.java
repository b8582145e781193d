package org.fairkd.policies.facts;

/** Whether a figure can be judged, as the {@link FactSource} classifies it. */
public enum Availability {
  /** Present and defined. */
  OK,
  /** The slice (or the reference group) is below the minimum size, or the estimate says so. */
  INSUFFICIENT,
  /** Present but undefined (e.g. no positives in the slice, a zero denominator). */
  UNDEFINED,
  /** Absent from the source. */
  MISSING
}
