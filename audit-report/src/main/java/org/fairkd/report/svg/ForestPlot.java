package org.fairkd.report.svg;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.policies.model.Threshold;

/**
 * A forest plot: one row per group (or attribute), one panel per figure (e.g. the paired deltas
 * student − teacher of selection rate, TPR, FPR and AUC, and the decision agreement), each point
 * with its interval as a horizontal line, the zero line, and the policy's margin as a dashed line
 * with the allowed side shaded. A point whose interval lies inside the margin is drawn filled
 * ("within"); one whose estimate is outside it is red ("beyond"); one whose interval crosses it is
 * hollow ("crosses": the test set cannot show the margin holds).
 */
public final class ForestPlot {
  private static final double TOP = 52;
  private static final double ROW = 17;
  private static final double PANEL = 128;
  private static final double GAP = 36;

  private ForestPlot() {}

  /**
   * One panel: its title, one estimate per row (null: not drawn), the allowed values from the
   * policy (null: the policy sets no margin for this figure) and whether to draw the zero line.
   */
  public record Panel(String title, List<Estimate> values, Threshold margin, boolean zeroLine) {}

  /** The plot of {@code panels} over {@code rows}; {@code xTitle} names the figures' scale. */
  public static Svg of(
      String title, String rowTitle, List<String> rows, List<Panel> panels, String xTitle) {
    int longest = rows.stream().mapToInt(String::length).max().orElse(1);
    double labelW = 6.0 * longest + 32;
    double plotH = ROW * rows.size();
    List<Shape> shapes = new ArrayList<>();
    shapes.add(Shape.verticalText(12, TOP + plotH / 2, rowTitle, "axis-title"));
    for (int r = 0; r < rows.size(); r++) {
      shapes.add(
          Shape.text(labelW - 6, TOP + r * ROW + ROW / 2 + 3.5, rows.get(r), "end", "label"));
    }
    for (int p = 0; p < panels.size(); p++) {
      panel(shapes, panels.get(p), labelW + p * (PANEL + GAP), plotH);
    }
    double plotW = panels.size() * (PANEL + GAP) - GAP;
    shapes.add(Shape.text(labelW + plotW / 2, TOP + plotH + 30, xTitle, "middle", "axis-title"));
    int width = (int) Math.max(labelW + plotW + 16, 7.4 * title.length() + 16);
    List<Svg.LegendItem> legend =
        List.of(
            new Svg.LegendItem("f-within", "interval inside the policy's margin"),
            new Svg.LegendItem("f-crosses", "interval crosses the margin (not shown)"),
            new Svg.LegendItem("f-beyond", "estimate beyond the margin"),
            new Svg.LegendItem("margin", "dashed: the policy's margin"));
    return new Svg(width, (int) (TOP + plotH + 40), title, shapes, legend);
  }

  private static void panel(List<Shape> out, Panel p, double left, double plotH) {
    double[] range = range(p);
    double lo = range[0];
    double hi = range[1];
    out.add(Shape.text(left + PANEL / 2, TOP - 20, p.title(), "middle", "panel-title"));
    if (p.margin() != null) {
      out.add(
          Shape.text(
              left + PANEL / 2, TOP - 7, "margin " + marginText(p.margin()), "middle", "tick"));
    }
    out.add(Shape.rect(left, TOP, PANEL, plotH, "panel", p.title()));
    if (p.margin() != null) {
      for (double m : new double[] {p.margin().low(), p.margin().high()}) {
        if (Double.isFinite(m) && m >= lo && m <= hi) {
          double x = x(m, lo, hi, left);
          out.add(Shape.line(x, TOP, x, TOP + plotH, "margin"));
        }
      }
    }
    if (p.zeroLine() && lo <= 0 && hi >= 0) {
      double x = x(0, lo, hi, left);
      out.add(Shape.line(x, TOP, x, TOP + plotH, "zero"));
    }
    for (int r = 0; r < p.values().size(); r++) {
      Estimate e = p.values().get(r);
      if (!Charts.plotted(e)) {
        continue;
      }
      double y = TOP + r * ROW + ROW / 2;
      if (Charts.hasInterval(e)) {
        out.add(
            Shape.line(x(e.ciLow(), lo, hi, left), y, x(e.ciHigh(), lo, hi, left), y, "whisker"));
      }
      out.add(
          Shape.circle(
              x(e.value(), lo, hi, left),
              y,
              3.4,
              "f-" + judged(e, p.margin()),
              p.title() + ": " + Charts.describe(e)));
    }
    Axes.xAxis(out, left, TOP + plotH, PANEL, lo, hi, null, 3);
  }

  /** within, crosses or beyond the margin (within when there is none). */
  static String judged(Estimate e, Threshold margin) {
    if (margin == null) {
      return "within";
    }
    if (!margin.contains(e.value())) {
      return "beyond";
    }
    boolean inside =
        Charts.hasInterval(e) && margin.contains(e.ciLow()) && margin.contains(e.ciHigh());
    return inside ? "within" : "crosses";
  }

  private static String marginText(Threshold t) {
    if (Double.isInfinite(t.high())) {
      return "≥ " + Numbers.threshold(t.low());
    }
    if (Double.isInfinite(t.low())) {
      return "≤ " + Numbers.threshold(t.high());
    }
    return "[" + Numbers.threshold(t.low()) + ", " + Numbers.threshold(t.high()) + "]";
  }

  /** A round range holding every interval, the margin and (for deltas) zero. */
  private static double[] range(Panel p) {
    double lo = p.zeroLine() ? 0 : Double.POSITIVE_INFINITY;
    double hi = p.zeroLine() ? 0 : Double.NEGATIVE_INFINITY;
    for (Estimate e : p.values()) {
      if (Charts.plotted(e)) {
        lo = Math.min(lo, Charts.hasInterval(e) ? e.ciLow() : e.value());
        hi = Math.max(hi, Charts.hasInterval(e) ? e.ciHigh() : e.value());
      }
    }
    if (p.margin() != null) {
      for (double m : new double[] {p.margin().low(), p.margin().high()}) {
        if (Double.isFinite(m)) {
          lo = Math.min(lo, m);
          hi = Math.max(hi, m);
        }
      }
    }
    if (!(lo < hi)) {
      lo = Double.isFinite(lo) ? lo - 0.01 : -0.01;
      hi = Double.isFinite(hi) ? hi + 0.01 : 0.01;
    }
    double step = Axes.niceStep((hi - lo) / 4);
    return new double[] {Math.floor(lo / step - 1e-9) * step, Math.ceil(hi / step + 1e-9) * step};
  }

  private static double x(double v, double lo, double hi, double left) {
    return left + (Charts.clamp(v, lo, hi) - lo) / (hi - lo) * PANEL;
  }
}
