package org.fairkd.fairness.report;

/**
 * Why an estimate, a slice's metric or a group's disparity is undefined or left out: the typed
 * counterpart of the English reason text, for code that decides (policies) rather than displays.
 */
public enum UndefinedReason {
  /** The slice (or group) is below the minimum slice size. */
  INSUFFICIENT_DATA,
  /** The slice has no rows (zero weight). */
  EMPTY_SLICE,
  /** No favourable-label rows: rates over positives (TPR, FNR, AUC) are undefined. */
  NO_POSITIVES,
  /** No unfavourable-label rows: rates over negatives (FPR, TNR, AUC) are undefined. */
  NO_NEGATIVES,
  /** No favourable decisions: rates over selected rows (precision) are undefined. */
  NO_SELECTED,
  /** Some other denominator is zero (a zero reference rate in a ratio, a zero largest rate). */
  ZERO_DENOMINATOR,
  /** The metric needs scores but only decisions were given. */
  NO_SCORES,
  /** The reference group is below the minimum size or its base metric is undefined. */
  REFERENCE_UNUSABLE,
  /** Fewer than two groups are usable for a whole-attribute disparity. */
  TOO_FEW_GROUPS,
  /** A variance the metric divides by is zero (e.g. the pooled SD of the SMD). */
  ZERO_VARIANCE,
  /** A paired delta: the metric is undefined for the primary or the compared model. */
  COMPARED_UNDEFINED,
  /** A group's base metric is undefined, so the group is left out of disparities built on it. */
  BASE_UNDEFINED
}
