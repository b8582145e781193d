package org.fairkd.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkd.report.svg.Charts;
import org.fairkd.report.svg.Estimate;

/**
 * One formatted table cell: the value, its interval on a second line, a tooltip (e.g. why a metric
 * is undefined) and a CSS class.
 */
public record Cell(String value, String interval, String tooltip, String cssClass) {

  /** An empty cell. */
  public static final Cell EMPTY = new Cell("", "", "", "");

  /**
   * Formats an estimate object {@code {"value", "ci_low", "ci_high"}} (or a bare number); a null
   * value shows "undefined" with the reason as tooltip, a missing node shows "—".
   */
  public static Cell of(JsonNode est) {
    if (est == null || est.isMissingNode() || est.isNull()) {
      return new Cell("—", "", "not reported", "missing");
    }
    if (est.isNumber()) {
      return new Cell(Charts.fmt(est.asDouble()), "", "", "");
    }
    JsonNode v = est.get("value");
    if (v == null || v.isNull() || !v.isNumber()) {
      String reason = est.path("reason").asText("undefined");
      return new Cell("undefined", "", reason, "undef");
    }
    String ci = "";
    if (est.hasNonNull("ci_low") && est.hasNonNull("ci_high")) {
      ci =
          "["
              + Charts.fmt(est.get("ci_low").asDouble())
              + ", "
              + Charts.fmt(est.get("ci_high").asDouble())
              + "]";
    }
    return new Cell(Charts.fmt(v.asDouble()), ci, "", "");
  }

  /** The estimate for charts (NaN where undefined or missing). */
  public static Estimate estimate(JsonNode est) {
    if (est == null || est.isMissingNode() || est.isNull()) {
      return Estimate.UNDEFINED;
    }
    if (est.isNumber()) {
      return new Estimate(est.asDouble(), Double.NaN, Double.NaN);
    }
    JsonNode v = est.get("value");
    if (v == null || !v.isNumber()) {
      return Estimate.UNDEFINED;
    }
    return new Estimate(
        v.asDouble(),
        est.path("ci_low").isNumber() ? est.get("ci_low").asDouble() : Double.NaN,
        est.path("ci_high").isNumber() ? est.get("ci_high").asDouble() : Double.NaN);
  }

  /** A plain text cell. */
  public static Cell text(String s) {
    return new Cell(s, "", "", "");
  }
}
