package org.fairkd.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.eval.Numbers;

/**
 * Builds the report's bar and curve charts as {@link Svg} shape lists: grouped bars with interval
 * whiskers (vertical up to {@link #MAX_VERTICAL_GROUPS} groups, horizontal beyond, so that long
 * intersection names are never cut), reliability curves with their bin counts, and log-scale bars
 * with decade ticks. Every chart has axis titles; reference lines (the policy's thresholds) are
 * labelled beside the plot, never on a bar; bars that fail a rule are outlined. Geometry only: all
 * text stays plain (escaped by the template), and figures follow {@link Numbers}.
 */
public final class Charts {
  private static final double LEFT = 58;
  private static final double TOP = 28;
  private static final double REF_LABELS = 92;

  /** More groups than this are drawn as horizontal bars. */
  public static final int MAX_VERTICAL_GROUPS = 8;

  /** Reliability bins with a smaller weighted count are not drawn (too noisy to read). */
  public static final double MIN_BIN_COUNT = 10;

  private Charts() {}

  /**
   * One series of a grouped bar chart (e.g. the teacher), one estimate per group; a null or
   * non-finite estimate is drawn as "n/a"; the bars of {@code failing} groups are outlined.
   */
  public record Series(String label, String cssClass, List<Estimate> values, Set<String> failing) {
    /** A series with no failing bar. */
    public Series(String label, String cssClass, List<Estimate> values) {
      this(label, cssClass, values, Set.of());
    }
  }

  /** A reference line at {@code value} (e.g. the policy's 0.8 fail and 0.9 warn thresholds). */
  public record RefLine(double value, String label, String cssClass) {}

  /** One reliability curve: points (mean score, observed rate, weighted count) per bin. */
  public record Curve(String label, List<double[]> points) {}

  /** The axes of a bar chart: titles and value range. */
  public record BarAxes(String groupTitle, String valueTitle, double min, double max) {}

  /**
   * Grouped bars, one cluster per group and one bar per series, each with its interval as a
   * whisker; vertical for up to {@link #MAX_VERTICAL_GROUPS} groups, else horizontal.
   */
  public static Svg groupedBars(
      String title, List<String> groups, List<Series> series, BarAxes axes, List<RefLine> refs) {
    boolean failing = series.stream().anyMatch(s -> !s.failing().isEmpty());
    List<Svg.LegendItem> legend = new ArrayList<>();
    for (Series s : series) {
      legend.add(new Svg.LegendItem(s.cssClass(), s.label()));
    }
    if (failing) {
      legend.add(new Svg.LegendItem("failing", "outlined: the group fails a policy rule"));
    }
    return groups.size() > MAX_VERTICAL_GROUPS
        ? horizontal(title, groups, series, axes, refs, legend)
        : vertical(title, groups, series, axes, refs, legend);
  }

  private static Svg vertical(
      String title,
      List<String> groups,
      List<Series> series,
      BarAxes axes,
      List<RefLine> refs,
      List<Svg.LegendItem> legend) {
    int perGroup = Math.max(1, series.size());
    int longest = groups.stream().mapToInt(String::length).max().orElse(1);
    double slot = Math.max(Math.max(44, 14 * perGroup + 22), 6.2 * longest + 12);
    double plotW = slot * groups.size();
    double plotH = 150;
    int width = (int) Math.max(7.4 * title.length() + 16, LEFT + plotW + REF_LABELS);
    int height = (int) (TOP + plotH + 44);
    List<Shape> shapes = new ArrayList<>();
    Axes.yAxis(shapes, LEFT, TOP, plotW, plotH, axes.min(), axes.max(), axes.valueTitle());
    double barW = (slot - 18) / perGroup;
    for (int g = 0; g < groups.size(); g++) {
      double x0 = LEFT + g * slot + 9;
      for (int s = 0; s < series.size(); s++) {
        Series ser = series.get(s);
        Estimate e = ser.values().get(g);
        double bx = x0 + s * barW;
        if (!plotted(e)) {
          shapes.add(Shape.text(bx + barW / 2, TOP + plotH - 4, "n/a", "middle", "na"));
          continue;
        }
        double y = scale(e.value(), axes, plotH);
        double base = scale(0, axes, plotH);
        String cls = ser.cssClass() + (ser.failing().contains(groups.get(g)) ? " failing" : "");
        String tip = ser.label() + " · " + groups.get(g) + ": " + describe(e);
        shapes.add(Shape.rect(bx + 1, Math.min(y, base), barW - 2, Math.abs(base - y), cls, tip));
        if (hasInterval(e)) {
          double lo = scale(e.ciLow(), axes, plotH);
          double hi = scale(e.ciHigh(), axes, plotH);
          double cx = bx + barW / 2;
          shapes.add(Shape.line(cx, lo, cx, hi, "whisker"));
          shapes.add(Shape.line(cx - 3, lo, cx + 3, lo, "whisker"));
          shapes.add(Shape.line(cx - 3, hi, cx + 3, hi, "whisker"));
        }
      }
      shapes.add(
          Shape.text(x0 + (slot - 18) / 2, TOP + plotH + 14, groups.get(g), "middle", "label"));
    }
    shapes.add(Shape.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "axis-line"));
    shapes.add(
        Shape.text(LEFT + plotW / 2, TOP + plotH + 32, axes.groupTitle(), "middle", "axis-title"));
    List<RefLine> shown = refs.stream().filter(r -> inRange(r.value(), axes)).toList();
    double[] wanted = new double[shown.size()];
    for (int i = 0; i < shown.size(); i++) {
      double y = scale(shown.get(i).value(), axes, plotH);
      shapes.add(Shape.line(LEFT, y, LEFT + plotW, y, shown.get(i).cssClass()));
      wanted[i] = y + 3.5;
    }
    double[] at = Axes.spread(wanted, TOP, TOP + plotH + 4);
    for (int i = 0; i < shown.size(); i++) {
      RefLine r = shown.get(i);
      shapes.add(Shape.text(LEFT + plotW + 4, at[i], r.label(), "start", r.cssClass() + "-label"));
    }
    return new Svg(width, height, title, shapes, legend);
  }

  private static Svg horizontal(
      String title,
      List<String> groups,
      List<Series> series,
      BarAxes axes,
      List<RefLine> refs,
      List<Svg.LegendItem> legend) {
    int perGroup = Math.max(1, series.size());
    int longest = groups.stream().mapToInt(String::length).max().orElse(1);
    double labelW = 6.0 * longest + 34;
    double barH = 7;
    double rowH = barH * perGroup + 5;
    double top = TOP + 2 * Axes.LINE + 4;
    double plotW = 320;
    double plotH = rowH * groups.size();
    int width = (int) Math.max(7.4 * title.length() + 16, labelW + plotW + 40);
    int height = (int) (top + plotH + 40);
    List<Shape> shapes = new ArrayList<>();
    for (double v : Axes.ticks(axes.min(), axes.max())) {
      double x = labelW + (v - axes.min()) / (axes.max() - axes.min()) * plotW;
      shapes.add(Shape.line(x, top, x, top + plotH, "grid"));
    }
    Axes.xAxis(shapes, labelW, top + plotH, plotW, axes.min(), axes.max(), axes.valueTitle(), 7);
    shapes.add(Shape.line(labelW, top, labelW, top + plotH, "axis-line"));
    shapes.add(Shape.verticalText(12, top + plotH / 2, axes.groupTitle(), "axis-title"));
    for (int g = 0; g < groups.size(); g++) {
      double y0 = top + g * rowH + 2.5;
      shapes.add(Shape.text(labelW - 4, y0 + rowH / 2 + 1, groups.get(g), "end", "label"));
      for (int s = 0; s < series.size(); s++) {
        Series ser = series.get(s);
        Estimate e = ser.values().get(g);
        double by = y0 + s * barH;
        if (!plotted(e)) {
          continue;
        }
        double x = labelW + hscale(e.value(), axes, plotW);
        double base = labelW + hscale(0, axes, plotW);
        String cls = ser.cssClass() + (ser.failing().contains(groups.get(g)) ? " failing" : "");
        String tip = ser.label() + " · " + groups.get(g) + ": " + describe(e);
        shapes.add(Shape.rect(Math.min(x, base), by, Math.abs(x - base), barH - 1, cls, tip));
        if (hasInterval(e)) {
          double lo = labelW + hscale(e.ciLow(), axes, plotW);
          double hi = labelW + hscale(e.ciHigh(), axes, plotW);
          double cy = by + (barH - 1) / 2;
          shapes.add(Shape.line(lo, cy, hi, cy, "whisker"));
        }
      }
    }
    List<RefLine> shown = refs.stream().filter(r -> inRange(r.value(), axes)).toList();
    for (int i = 0; i < shown.size(); i++) {
      RefLine r = shown.get(i);
      double x = labelW + hscale(r.value(), axes, plotW);
      shapes.add(Shape.line(x, top, x, top + plotH, r.cssClass()));
      // alternate rows above the plot, so that close thresholds (0.8, 0.9) never collide
      double y = top - 4 - (i % 2) * Axes.LINE;
      shapes.add(Shape.text(x, y, r.label(), "middle", r.cssClass() + "-label"));
    }
    return new Svg(width, height, title, shapes, legend);
  }

  /**
   * A reliability diagram on [0,1]²: the diagonal (perfect calibration), one curve per group
   * through its bins' (mean score, observed rate) with the group's colour and marker, and below it
   * a strip with the rows per score bin (all groups); bins with fewer than {@link #MIN_BIN_COUNT}
   * weighted rows are not drawn.
   */
  public static Svg reliability(String title, List<Curve> curves) {
    double plot = 170;
    double strip = 30;
    double stripTop = TOP + plot + 8;
    List<Shape> shapes = new ArrayList<>();
    Axes.yAxis(shapes, LEFT, TOP, plot, plot, 0, 1, "observed favourable rate");
    shapes.add(Shape.line(LEFT, TOP + plot, LEFT + plot, TOP, "diagonal"));
    shapes.add(Shape.line(LEFT, TOP + plot, LEFT + plot, TOP + plot, "axis-line"));
    List<Svg.LegendItem> legend = new ArrayList<>();
    int bins = curves.stream().mapToInt(c -> c.points().size()).max().orElse(0);
    double[] total = new double[bins];
    for (int i = 0; i < curves.size(); i++) {
      Curve c = curves.get(i);
      StringBuilder pts = new StringBuilder();
      for (int b = 0; b < c.points().size(); b++) {
        double[] p = c.points().get(b);
        total[b] += p[2];
        if (p[2] < MIN_BIN_COUNT || Double.isNaN(p[0]) || Double.isNaN(p[1])) {
          continue;
        }
        double x = LEFT + clamp(p[0], 0, 1) * plot;
        double y = TOP + plot - clamp(p[1], 0, 1) * plot;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        String tip =
            c.label()
                + ": mean score "
                + Numbers.estimate(p[0])
                + ", observed "
                + Numbers.estimate(p[1])
                + " (n="
                + Numbers.count(p[2])
                + ")";
        shapes.add(Axes.marker(i, x, y, tip));
      }
      shapes.add(0, Shape.polyline(pts.toString().strip(), Axes.colour(i), c.label()));
      legend.add(Axes.legend(i, c.label()));
    }
    double max = 0;
    for (double t : total) {
      max = Math.max(max, t);
    }
    for (int b = 0; b < bins && max > 0; b++) {
      double h = total[b] / max * strip;
      double w = plot / bins;
      shapes.add(
          Shape.rect(
              LEFT + b * w + 1,
              stripTop + strip - h,
              w - 2,
              h,
              "count-bar",
              "score bin " + (b + 1) + ": " + Numbers.count(total[b]) + " rows"));
    }
    shapes.add(
        Shape.text(
            LEFT + plot + 4, stripTop + 10, "rows/bin ≤ " + Numbers.count(max), "start", "tick"));
    Axes.xAxis(shapes, LEFT, stripTop + strip, plot, 0, 1, "mean predicted score", 6);
    int width = (int) Math.max(LEFT + plot + 84, 7.4 * title.length() + 16);
    return new Svg(width, (int) (stripTop + strip + 36), title, shapes, legend);
  }

  /**
   * Horizontal bars on a log10 axis with a tick and label at every power of ten (latency,
   * throughput and size span orders of magnitude); each bar's value is written after its end.
   */
  public static Svg logBars(String title, List<String> labels, double[] values, String unit) {
    double labelW = 170;
    double barMaxW = 300;
    double rowH = 22;
    double top = TOP + 4;
    double maxLog = 1;
    double minLog = 0;
    for (double v : values) {
      if (v > 0) {
        maxLog = Math.max(maxLog, Math.ceil(Math.log10(v)));
        minLog = Math.min(minLog, Math.floor(Math.log10(v)));
      }
    }
    double plotH = rowH * labels.size();
    List<Shape> shapes = new ArrayList<>();
    for (int k = (int) minLog; k <= maxLog; k++) {
      double x = labelW + (k - minLog) / (maxLog - minLog) * barMaxW;
      shapes.add(Shape.line(x, top, x, top + plotH, "grid"));
      shapes.add(Shape.text(x, top + plotH + 13, decade(k), "middle", "tick"));
    }
    shapes.add(Shape.line(labelW, top + plotH, labelW + barMaxW, top + plotH, "axis-line"));
    shapes.add(
        Shape.text(
            labelW + barMaxW / 2,
            top + plotH + 27,
            unit.strip() + " (log scale)",
            "middle",
            "axis-title"));
    shapes.add(Shape.verticalText(12, top + plotH / 2, "scoring path", "axis-title"));
    for (int i = 0; i < labels.size(); i++) {
      double y = top + i * rowH;
      shapes.add(Shape.text(labelW - 6, y + 14, labels.get(i), "end", "label"));
      double v = values[i];
      if (!(v > 0)) {
        shapes.add(Shape.text(labelW + 4, y + 14, "n/a", "start", "na"));
        continue;
      }
      double w = Math.max(2, (Math.log10(v) - minLog) / (maxLog - minLog) * barMaxW);
      String cls = labels.get(i).startsWith("teacher") ? "teacher" : "student";
      String text = Numbers.estimate(v) + unit;
      shapes.add(Shape.rect(labelW, y + 4, w, rowH - 8, cls, labels.get(i) + ": " + text));
      shapes.add(Shape.text(labelW + w + 4, y + 14, text, "start", "value"));
    }
    int width = (int) Math.max(labelW + barMaxW + 110, 7.4 * title.length() + 16);
    return new Svg(width, (int) (top + plotH + 36), title, shapes, List.of());
  }

  /** 1, 10, 100, 1k, 10k, 100k, 1M, 10M, …; 0.1, 0.01 below one. */
  private static String decade(int k) {
    String[] big = {"1", "10", "100", "1k", "10k", "100k", "1M", "10M", "100M", "1G"};
    if (k >= 0 && k < big.length) {
      return big[k];
    }
    return k < 0 && k >= -3 ? Numbers.threshold(Math.pow(10, k)) : "1e" + k;
  }

  private static boolean inRange(double v, BarAxes a) {
    return v >= a.min() && v <= a.max();
  }

  /** The y of {@code v} (the plot starts at {@link #TOP}), clamped into the axis range. */
  private static double scale(double v, BarAxes a, double plotH) {
    return TOP + plotH - (clamp(v, a.min(), a.max()) - a.min()) / (a.max() - a.min()) * plotH;
  }

  private static double hscale(double v, BarAxes a, double plotW) {
    return (clamp(v, a.min(), a.max()) - a.min()) / (a.max() - a.min()) * plotW;
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** "0.630 [0.550, 0.710]", or "undefined". */
  static String describe(Estimate e) {
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
