package org.fairkd.report;

import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.report.svg.Charts;

/**
 * One formatted table cell: the value, its interval on a second line, a tooltip (e.g. why a metric
 * is undefined) and a CSS class. Figures follow {@link Numbers}: estimates and interval ends with
 * three significant digits, counts as integers.
 */
public record Cell(String value, String interval, String tooltip, String cssClass) {

  /** An empty cell. */
  public static final Cell EMPTY = new Cell("", "", "", "");

  /** A figure the audit does not report. */
  public static final Cell MISSING = new Cell("—", "", "not reported", "missing");

  /**
   * Formats an estimate: its value and interval; "undefined" with the reason as tooltip when it has
   * no finite value (as audit.json writes it); "—" when {@code est} is null (not reported).
   */
  public static Cell of(Estimate est) {
    if (est == null) {
      return MISSING;
    }
    if (!Charts.plotted(est)) {
      return new Cell("undefined", "", est.reason() == null ? "undefined" : est.reason(), "undef");
    }
    String ci = "";
    if (Charts.hasInterval(est)) {
      ci = "[" + Numbers.estimate(est.ciLow()) + ", " + Numbers.estimate(est.ciHigh()) + "]";
    }
    return new Cell(Numbers.estimate(est.value()), ci, "", "");
  }

  /** The value and its interval on one line ("0.630 [0.550, 0.710]"). */
  public String text() {
    return interval.isEmpty() ? value : value + " " + interval;
  }

  /** A bare estimate without interval (distill.json's numbers); NaN shows "n/a". */
  public static Cell number(double v) {
    return new Cell(Double.isNaN(v) ? "n/a" : Numbers.estimate(v), "", "", "");
  }
}
