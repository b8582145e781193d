package org.fairkd.policies.facts;

import org.fairkd.fairness.report.Estimate;

/**
 * One figure in a rule's scope, ready to judge: the slice it is about and the words that explain
 * its availability.
 *
 * @param slice {@code sex=female}, {@code sex*race=female*black}, {@code sex} for a whole-attribute
 *     figure, or null for an overall or model-level figure
 * @param availability whether the figure can be judged
 * @param estimate the estimate (null when missing)
 * @param pValue the p-value backing {@code mode: significant}, or null when there is no such test
 * @param detail why the figure is insufficient, undefined or missing; or which test gave the
 *     p-value
 * @param location where in the source the figure is (or was expected); null when there is no such
 *     place (an attribute with one group has nothing to compare)
 * @param rows the weighted row count the figure rests on (the slice's, or the test set's for an
 *     overall, whole-attribute or model figure), or null when the source does not give it
 */
public record Fact(
    String slice,
    Availability availability,
    Estimate estimate,
    Double pValue,
    String detail,
    String location,
    Double rows) {

  /** The fact of {@code figure} for {@code slice}, with its detail in words. */
  static Fact of(String slice, Figure figure, Double rows) {
    Significance t = figure.test();
    String detail =
        switch (figure.availability()) {
          case OK -> t == null ? "" : describe(t);
          case INSUFFICIENT ->
              figure.shortfall() != null ? describe(figure.shortfall()) : text(figure.reason());
          case UNDEFINED -> text(figure.reason());
          case MISSING -> figure.reason() == null ? MISSING : figure.reason();
        };
    return new Fact(
        slice,
        figure.availability(),
        figure.estimate(),
        t == null ? null : t.pValue(),
        detail,
        figure.location(),
        rows);
  }

  /** A group a disparity left out: insufficient or undefined, never silently absent. */
  static Fact leftOut(String slice, LeftOut lo) {
    return new Fact(
        slice,
        lo.availability(),
        null,
        null,
        "left out of the disparity: " + text(lo.reason()),
        lo.location(),
        null);
  }

  /** A missing figure. */
  static Fact missing(String slice, String detail, String location) {
    return new Fact(slice, Availability.MISSING, null, null, detail, location, null);
  }

  /** An attribute with one group: a disparity has nothing to compare. */
  static Fact nothingToCompare(String attribute, String group) {
    String detail =
        "attribute '" + attribute + "' has one group (" + group + "): nothing to compare";
    return new Fact(attribute, Availability.MISSING, null, null, detail, null, null);
  }

  private static final String MISSING = "missing from the audit result";

  private static String text(String reason) {
    return reason == null || reason.isEmpty() ? "no reason given" : reason;
  }

  /** "insufficient data: 12 rows, below the minimum slice size of 30". */
  static String describe(Shortfall s) {
    String size =
        s.count() != null
            ? String.format(java.util.Locale.ROOT, "%.0f rows", s.count())
            : "too few rows";
    String text =
        "insufficient data: "
            + size
            + (s.minSliceSize() != null
                ? ", below the minimum slice size of " + s.minSliceSize()
                : "");
    return s.referenceGroup() == null
        ? text
        : "reference group " + s.referenceGroup() + " has " + text;
  }

  /** "fisher exact on selection_rate vs male, holm-adjusted", "DeLong test", "McNemar test". */
  static String describe(Significance t) {
    if (t.metric() == null) {
      return switch (t.method()) {
        case "delong_auc" -> "DeLong test";
        case "mcnemar_accuracy" -> "McNemar test";
        default -> t.method().replace('_', ' ');
      };
    }
    return t.method().replace('_', ' ')
        + " on "
        + t.metric()
        + " vs "
        + t.reference()
        + (t.correction() != null && !t.correction().isEmpty()
            ? ", " + t.correction() + "-adjusted"
            : "");
  }
}
