package org.fairkd.fairness.report;

/**
 * Why something is undefined: the typed reason and the English sentence shown to readers (and
 * written to JSON as {@code reason}).
 *
 * @param code the typed reason
 * @param text the sentence, e.g. {@code no favourable-label rows in slice}
 */
public record Undefined(UndefinedReason code, String text) {
  /** An empty slice (zero weight). */
  public static final Undefined EMPTY_SLICE = of(UndefinedReason.EMPTY_SLICE, "empty slice");

  /** No favourable-label rows. */
  public static final Undefined NO_POSITIVES =
      of(UndefinedReason.NO_POSITIVES, "no favourable-label rows in slice");

  /** No unfavourable-label rows. */
  public static final Undefined NO_NEGATIVES =
      of(UndefinedReason.NO_NEGATIVES, "no unfavourable-label rows in slice");

  /** Shorthand constructor. */
  public static Undefined of(UndefinedReason code, String text) {
    return new Undefined(code, text);
  }
}
