package org.fairkd.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.eval.Numbers;

/**
 * Builds the report's charts as {@link Svg} shape lists: grouped bars with interval whiskers,
 * reliability curves and log-scale bars. Geometry only; all text stays plain (escaped by the
 * template), and figures in labels and tooltips follow {@link Numbers} (axis ticks as thresholds,
 * estimates with three significant digits, counts as integers).
 */
public final class Charts {
  private static final double LEFT = 48;
  private static final double TOP = 28;
  private static final double BOTTOM = 30;
  private static final int MAX_LABEL = 18;

  /** Reliability bins with a smaller weighted count are not drawn (too noisy to read). */
  public static final double MIN_BIN_COUNT = 10;

  private Charts() {}

  /**
   * One series of a grouped bar chart (e.g. the teacher), one estimate per group; a null or
   * non-finite estimate is drawn as "n/a".
   */
  public record Series(String label, String cssClass, List<Estimate> values) {}

  /** A horizontal reference line (e.g. the four-fifths threshold at 0.8). */
  public record RefLine(double y, String label, String cssClass) {}

  /** One reliability curve: points (mean score, observed rate, weighted count) per bin. */
  public record Curve(String label, String cssClass, List<double[]> points) {}

  /**
   * Vertical grouped bars, one cluster per group and one bar per series, each with its interval as
   * a whisker; an undefined estimate is marked "n/a" instead of a bar.
   */
  public static Svg groupedBars(
      String title,
      List<String> groups,
      List<Series> series,
      double yMin,
      double yMax,
      List<RefLine> refs) {
    int perGroup = Math.max(1, series.size());
    int longest = groups.stream().mapToInt(g -> shorten(g).length()).max().orElse(1);
    double slot = Math.max(Math.max(44, 14 * perGroup + 22), 6.2 * longest + 10);
    int width =
        (int) Math.max(Math.max(320, 7.4 * title.length() + 16), LEFT + 16 + slot * groups.size());
    int height = 220;
    double plotH = height - TOP - BOTTOM;
    double plotW = width - LEFT - 16;
    List<Shape> shapes = new ArrayList<>();
    yAxis(shapes, yMin, yMax, plotH, plotW);
    double barW = (slot - 18) / perGroup;
    for (int g = 0; g < groups.size(); g++) {
      double x0 = LEFT + g * slot + 9;
      for (int s = 0; s < series.size(); s++) {
        Series ser = series.get(s);
        Estimate e = ser.values().get(g);
        double bx = x0 + s * barW;
        String tip = ser.label() + " · " + groups.get(g) + ": " + describe(e);
        if (!plotted(e)) {
          shapes.add(Shape.text(bx + barW / 2, TOP + plotH - 4, "n/a", "middle", "na"));
          continue;
        }
        double y = yOf(clamp(e.value(), yMin, yMax), yMin, yMax, plotH);
        double base = yOf(clamp(0, yMin, yMax), yMin, yMax, plotH);
        shapes.add(
            Shape.rect(
                bx + 1, Math.min(y, base), barW - 2, Math.abs(base - y), ser.cssClass(), tip));
        if (hasInterval(e)) {
          double lo = yOf(clamp(e.ciLow(), yMin, yMax), yMin, yMax, plotH);
          double hi = yOf(clamp(e.ciHigh(), yMin, yMax), yMin, yMax, plotH);
          double cx = bx + barW / 2;
          shapes.add(Shape.line(cx, lo, cx, hi, "whisker"));
          shapes.add(Shape.line(cx - 3, lo, cx + 3, lo, "whisker"));
          shapes.add(Shape.line(cx - 3, hi, cx + 3, hi, "whisker"));
        }
      }
      shapes.add(
          Shape.text(
              x0 + (slot - 18) / 2, TOP + plotH + 16, shorten(groups.get(g)), "middle", "label"));
    }
    for (RefLine r : refs) {
      if (r.y() >= yMin && r.y() <= yMax) {
        double y = yOf(r.y(), yMin, yMax, plotH);
        shapes.add(Shape.line(LEFT, y, LEFT + plotW, y, r.cssClass()));
        shapes.add(Shape.text(LEFT + plotW - 2, y - 3, r.label(), "end", r.cssClass() + "-label"));
      }
    }
    List<Svg.LegendItem> legend = new ArrayList<>();
    for (Series s : series) {
      legend.add(new Svg.LegendItem(s.cssClass(), s.label()));
    }
    return new Svg(width, height, title, shapes, legend);
  }

  /**
   * A reliability diagram on [0,1]²: the diagonal (perfect calibration) and one polyline per curve
   * through its bins' (mean score, observed rate); bins with fewer than {@link #MIN_BIN_COUNT}
   * weighted rows are skipped.
   */
  public static Svg reliability(String title, List<Curve> curves) {
    int size = 260;
    double plot = size - TOP - 40;
    double plotW = plot;
    List<Shape> shapes = new ArrayList<>();
    yAxis(shapes, 0, 1, plot, plotW);
    shapes.add(Shape.line(LEFT, TOP + plot, LEFT + plotW, TOP, "diagonal"));
    for (int i = 0; i <= 4; i++) {
      double v = i / 4.0;
      shapes.add(
          Shape.text(LEFT + v * plotW, TOP + plot + 14, Numbers.threshold(v), "middle", "tick"));
    }
    shapes.add(Shape.text(LEFT + plotW / 2, TOP + plot + 30, "mean score", "middle", "axis"));
    List<Svg.LegendItem> legend = new ArrayList<>();
    for (Curve c : curves) {
      StringBuilder pts = new StringBuilder();
      for (double[] p : c.points()) {
        if (p[2] < MIN_BIN_COUNT || Double.isNaN(p[0]) || Double.isNaN(p[1])) {
          continue;
        }
        double x = LEFT + clamp(p[0], 0, 1) * plotW;
        double y = TOP + plot - clamp(p[1], 0, 1) * plot;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        shapes.add(
            Shape.circle(
                x,
                y,
                2.5,
                c.cssClass(),
                c.label()
                    + ": mean score "
                    + Numbers.estimate(p[0])
                    + ", observed "
                    + Numbers.estimate(p[1])
                    + " (n="
                    + Numbers.count(p[2])
                    + ")"));
      }
      shapes.add(Shape.polyline(pts.toString().strip(), c.cssClass(), c.label()));
      legend.add(new Svg.LegendItem(c.cssClass(), c.label()));
    }
    return new Svg((int) (LEFT + plotW + 16), size, title, shapes, legend);
  }

  /**
   * Horizontal bars on a log10 axis (latency, throughput, size span orders of magnitude); each bar
   * is labelled with its value and unit.
   */
  public static Svg logBars(String title, List<String> labels, double[] values, String unit) {
    double labelW = 160;
    double barMaxW = 300;
    double rowH = 26;
    int height = (int) (TOP + rowH * labels.size() + 20);
    double maxLog = 1;
    double minLog = 0;
    for (double v : values) {
      if (v > 0) {
        maxLog = Math.max(maxLog, Math.ceil(Math.log10(v)));
        minLog = Math.min(minLog, Math.floor(Math.log10(v)));
      }
    }
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      double y = TOP + i * rowH;
      shapes.add(Shape.text(labelW - 6, y + 15, labels.get(i), "end", "label"));
      double v = values[i];
      if (!(v > 0)) {
        shapes.add(Shape.text(labelW + 4, y + 15, "n/a", "start", "na"));
        continue;
      }
      double w = Math.max(2, (Math.log10(v) - minLog) / (maxLog - minLog) * barMaxW);
      String cls = labels.get(i).startsWith("teacher") ? "teacher" : "student";
      shapes.add(
          Shape.rect(
              labelW, y + 4, w, rowH - 8, cls, labels.get(i) + ": " + Numbers.estimate(v) + unit));
      shapes.add(Shape.text(labelW + w + 4, y + 15, Numbers.estimate(v) + unit, "start", "value"));
    }
    shapes.add(Shape.text(labelW, height - 4, "log scale", "start", "axis"));
    return new Svg((int) (labelW + barMaxW + 110), height, title, shapes, List.of());
  }

  private static void yAxis(List<Shape> shapes, double yMin, double yMax, double plotH, double w) {
    int ticks = 4;
    for (int i = 0; i <= ticks; i++) {
      double v = yMin + (yMax - yMin) * i / ticks;
      double y = yOf(v, yMin, yMax, plotH);
      shapes.add(Shape.line(LEFT, y, LEFT + w, y, "grid"));
      shapes.add(Shape.text(LEFT - 4, y + 4, Numbers.threshold(v), "end", "tick"));
    }
    shapes.add(Shape.line(LEFT, TOP, LEFT, TOP + plotH, "axis-line"));
  }

  private static double yOf(double v, double yMin, double yMax, double plotH) {
    return TOP + plotH - (v - yMin) / (yMax - yMin) * plotH;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static String shorten(String s) {
    return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - 1) + "…";
  }

  private static String describe(Estimate e) {
    if (!plotted(e)) {
      return "undefined";
    }
    return hasInterval(e)
        ? Numbers.estimate(e.value())
            + " ["
            + Numbers.estimate(e.ciLow())
            + ", "
            + Numbers.estimate(e.ciHigh())
            + "]"
        : Numbers.estimate(e.value());
  }

  /** Whether {@code e} has a finite value to plot. */
  public static boolean plotted(Estimate e) {
    return e != null && finite(e.value());
  }

  /** Whether {@code e} has a finite interval to draw. */
  public static boolean hasInterval(Estimate e) {
    return e != null && finite(e.ciLow()) && finite(e.ciHigh());
  }

  private static boolean finite(Double v) {
    return v != null && Double.isFinite(v);
  }
}
