package org.fairkd.report.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.fairkd.policies.eval.Numbers;

/**
 * The pieces every chart shares: value axes with ticks and titles, reference-line labels kept apart
 * from each other, and the group markers (colour-blind-safe Okabe–Ito colours, each group also with
 * its own marker shape, so that a curve can be told apart in grey print).
 */
final class Axes {
  /** Height of a text line of the chart's small font (10 px), with room to spare. */
  static final double LINE = 13;

  /** Marker shapes, one per group in turn. */
  private static final String[] MARKERS = {"circle", "square", "triangle", "diamond", "down"};

  /** Okabe–Ito colour classes {@code c0..c7} (see report.ftlh). */
  static final int COLOURS = 8;

  private Axes() {}

  /** The CSS class of the {@code i}-th group's colour. */
  static String colour(int i) {
    return "c" + (i % COLOURS);
  }

  /**
   * A vertical value axis from {@code lo} to {@code hi} along x = {@code left}, plot from {@code
   * top} to {@code top + h} and {@code w} wide: grid lines, tick labels and the rotated title.
   */
  static void yAxis(
      List<Shape> out,
      double left,
      double top,
      double w,
      double h,
      double lo,
      double hi,
      String t) {
    for (double v : ticks(lo, hi)) {
      double y = top + h - (v - lo) / (hi - lo) * h;
      out.add(Shape.line(left, y, left + w, y, "grid"));
      out.add(Shape.text(left - 4, y + 3.5, Numbers.threshold(v), "end", "tick"));
    }
    out.add(Shape.line(left, top, left, top + h, "axis-line"));
    out.add(Shape.verticalText(12, top + h / 2, t, "axis-title"));
  }

  /**
   * A horizontal value axis from {@code lo} to {@code hi} below a plot whose bottom is {@code
   * bottom}: ticks and labels; the title centred below when {@code t} is not null.
   */
  static void xAxis(
      List<Shape> out,
      double left,
      double bottom,
      double w,
      double lo,
      double hi,
      String t,
      int maxTicks) {
    List<Double> ticks = ticks(lo, hi);
    int step = Math.max(1, (int) Math.ceil(ticks.size() / (double) maxTicks));
    for (int i = 0; i < ticks.size(); i += step) {
      double v = ticks.get(i);
      double x = left + (v - lo) / (hi - lo) * w;
      out.add(Shape.line(x, bottom, x, bottom + 3, "axis-line"));
      out.add(Shape.text(x, bottom + 13, Numbers.threshold(v), "middle", "tick"));
    }
    out.add(Shape.line(left, bottom, left + w, bottom, "axis-line"));
    if (t != null) {
      out.add(Shape.text(left + w / 2, bottom + 27, t, "middle", "axis-title"));
    }
  }

  /** About five round tick values covering [lo, hi]. */
  static List<Double> ticks(double lo, double hi) {
    double step = niceStep((hi - lo) / 4);
    List<Double> out = new ArrayList<>();
    for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
      out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return out;
  }

  /** A round step (1, 2 or 5 times a power of ten) near {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
  }

  /** {@code v} rounded up to the next multiple of a round step of {@code v / 4}. */
  static double ceilNice(double v) {
    double step = niceStep(v / 4);
    return Math.ceil(v / step - 1e-9) * step;
  }

  /**
   * Labels at the wanted y positions (baselines), moved apart so that no two are closer than one
   * text line, in order; returns the adjusted baselines in the input order.
   */
  static double[] spread(double[] wanted, double min, double max) {
    Integer[] order = new Integer[wanted.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> wanted[i]));
    double[] out = wanted.clone();
    double last = Double.NEGATIVE_INFINITY;
    for (int i : order) {
      out[i] = Math.max(Math.max(out[i], min), last + LINE);
      last = out[i];
    }
    double overflow = last - max;
    if (overflow > 0) {
      for (int i : order) {
        out[i] -= overflow;
      }
    }
    return out;
  }

  /** The {@code i}-th group's marker at (x, y), with a tooltip. */
  static Shape marker(int i, double x, double y, String tooltip) {
    String cls = "marker " + colour(i);
    double r = 3.2;
    return switch (MARKERS[i % MARKERS.length]) {
      case "circle" -> Shape.circle(x, y, r, cls, tooltip);
      case "square" -> Shape.polygon(points(x, y, r, -r, r, r, -r, r, -r, -r), cls, tooltip);
      case "triangle" -> Shape.polygon(points(x, y, 0, -r - 1, r + 1, r, -r - 1, r), cls, tooltip);
      case "diamond" ->
          Shape.polygon(points(x, y, 0, -r - 1, r + 1, 0, 0, r + 1, -r - 1, 0), cls, tooltip);
      default -> Shape.polygon(points(x, y, 0, r + 1, r + 1, -r, -r - 1, -r), cls, tooltip);
    };
  }

  /** The legend item of the {@code i}-th group: its colour and marker. */
  static Svg.LegendItem legend(int i, String label) {
    return new Svg.LegendItem(colour(i) + " m-" + MARKERS[i % MARKERS.length], label);
  }

  private static String points(double x, double y, double... d) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < d.length; k += 2) {
      sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + d[k], y + d[k + 1]));
    }
    return sb.toString().strip();
  }
}
