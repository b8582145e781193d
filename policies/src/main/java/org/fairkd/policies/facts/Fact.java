package org.fairkd.policies.facts;

/**
 * What the audit says about one rule's metric for one slice (or attribute, or the whole model).
 *
 * @param slice {@code sex=female}, {@code sex*race=female*black}, {@code sex} for a whole-attribute
 *     figure, or null for an overall or model-level figure
 * @param availability whether the figure can be judged
 * @param estimate the estimate (null when missing)
 * @param pValue the p-value backing {@code mode: significant} (Holm- or otherwise adjusted when the
 *     audit adjusted it), or null when the audit has no such test
 * @param detail why the figure is insufficient, undefined or missing; or which test gave the
 *     p-value
 * @param location where in audit.json the figure is (or was expected)
 */
public record Fact(
    String slice,
    Availability availability,
    Estimate estimate,
    Double pValue,
    String detail,
    String location) {

  /** Whether a figure can be judged. */
  public enum Availability {
    /** Present and defined. */
    OK,
    /** The slice is below the minimum size (or the estimate says so). */
    INSUFFICIENT,
    /** Present but undefined (e.g. no positives in the slice). */
    UNDEFINED,
    /** Absent from the audit result. */
    MISSING
  }

  /**
   * The fact of an estimate found at {@code location}: missing when null; insufficient or undefined
   * (by its reason) when its value is null; otherwise OK.
   */
  static Fact found(String slice, Estimate e, Double p, String detail, String location) {
    if (e == null) {
      return missing(slice, "missing from the audit result", location);
    }
    if (!e.defined()) {
      boolean insufficient = e.reason().toLowerCase(java.util.Locale.ROOT).contains("insufficient");
      return new Fact(
          slice,
          insufficient ? Availability.INSUFFICIENT : Availability.UNDEFINED,
          e,
          p,
          e.reason().isEmpty() ? "no reason given" : e.reason(),
          location);
    }
    return new Fact(slice, Availability.OK, e, p, detail, location);
  }

  /** A missing figure. */
  static Fact missing(String slice, String detail, String location) {
    return new Fact(slice, Availability.MISSING, null, null, detail, location);
  }
}
