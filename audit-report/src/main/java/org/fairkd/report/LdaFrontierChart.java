package org.fairkd.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.report.svg.Shape;
import org.fairkd.report.svg.Svg;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.measure.DisparityMetric;

/**
 * The search's frontier plot: every admissible candidate at its validation disparity (x) and
 * validation accuracy (y), the frontier candidates ringed and joined where they form the
 * disparity–accuracy envelope, the unconstrained reference and the selected candidate marked, with
 * axis titles. Candidates the collapse guard rejected are not drawn (the section counts them).
 */
final class LdaFrontierChart {
  private static final double LEFT = 56;
  private static final double TOP = 44;
  private static final double PLOT_W = 520;
  private static final double PLOT_H = 300;
  private static final int TICKS = 5;

  private LdaFrontierChart() {}

  /** The chart of {@code r}. */
  static Svg of(SearchResult r) {
    DisparityMetric m = r.config().metric();
    List<Candidate> shown =
        r.candidates().stream()
            .filter(c -> c.admissible() && Double.isFinite(m.value(c.validation())))
            .filter(c -> !Double.isNaN(c.validation().accuracy()))
            .toList();
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Candidate c : shown) {
      xMin = Math.min(xMin, m.value(c.validation()));
      xMax = Math.max(xMax, m.value(c.validation()));
      yMin = Math.min(yMin, c.validation().accuracy());
      yMax = Math.max(yMax, c.validation().accuracy());
    }
    if (shown.isEmpty()) {
      xMin = 0;
      xMax = 1;
      yMin = 0;
      yMax = 1;
    }
    double[] xr = pad(xMin, xMax);
    double[] yr = pad(yMin, yMax);
    Axes a = new Axes(xr[0], xr[1], yr[0], yr[1]);
    List<Shape> shapes = new ArrayList<>();
    axes(shapes, a, m);
    for (Candidate c : shown) {
      shapes.add(Shape.circle(a.x(m, c), a.y(c), 2.2, "s0", tooltip(c, m, "candidate")));
    }
    List<Candidate> frontier = shown.stream().filter(Candidate::onFrontier).toList();
    for (Candidate c : frontier) {
      shapes.add(Shape.circle(a.x(m, c), a.y(c), 3.6, "s1", tooltip(c, m, "on the frontier")));
    }
    StringBuilder envelope = new StringBuilder();
    double best = Double.NEGATIVE_INFINITY;
    List<Candidate> byDisparity =
        frontier.stream()
            .sorted(Comparator.comparingDouble((Candidate c) -> m.disparity(c.validation())))
            .toList();
    for (Candidate c : byDisparity) {
      if (c.validation().accuracy() > best) {
        best = c.validation().accuracy();
        envelope.append(String.format(Locale.ROOT, "%.1f,%.1f ", a.x(m, c), a.y(c)));
      }
    }
    shapes.add(
        Shape.polyline(envelope.toString().strip(), "s1", "frontier (disparity vs accuracy)"));
    r.candidate(r.reference())
        .filter(shown::contains)
        .ifPresent(
            c ->
                shapes.add(
                    Shape.circle(
                        a.x(m, c), a.y(c), 6, "s3", tooltip(c, m, "unconstrained reference"))));
    if (r.selection().id() != null) {
      r.candidate(r.selection().id())
          .filter(shown::contains)
          .ifPresent(
              c -> shapes.add(Shape.circle(a.x(m, c), a.y(c), 6, "s2", tooltip(c, m, "selected"))));
    }
    List<Svg.LegendItem> legend =
        List.of(
            new Svg.LegendItem("s0", "candidate (student at one threshold)"),
            new Svg.LegendItem("s1", "on the validation frontier"),
            new Svg.LegendItem("s3", "unconstrained reference " + r.reference()),
            new Svg.LegendItem(
                "s2", "selected " + (r.selection().id() == null ? "(none)" : r.selection().id())));
    return new Svg(
        (int) (LEFT + PLOT_W + 20),
        (int) (TOP + PLOT_H + 46),
        "Candidates on validation: " + m.jsonName() + " against accuracy",
        shapes,
        legend);
  }

  private static String tooltip(Candidate c, DisparityMetric m, String what) {
    return c.id()
        + " ("
        + what
        + "): validation "
        + m.jsonName()
        + " "
        + Numbers.estimate(m.value(c.validation()))
        + ", accuracy "
        + Numbers.estimate(c.validation().accuracy())
        + ", AUC "
        + Numbers.estimate(c.validation().auc());
  }

  private static void axes(List<Shape> shapes, Axes a, DisparityMetric m) {
    double bottom = TOP + PLOT_H;
    shapes.add(Shape.line(LEFT, bottom, LEFT + PLOT_W, bottom, "axis-line"));
    shapes.add(Shape.line(LEFT, TOP, LEFT, bottom, "axis-line"));
    for (int i = 0; i <= TICKS; i++) {
      double fx = a.xMin + (a.xMax - a.xMin) * i / TICKS;
      double px = LEFT + PLOT_W * i / TICKS;
      shapes.add(Shape.line(px, TOP, px, bottom, "grid"));
      shapes.add(Shape.text(px, bottom + 14, tick(fx), "middle", "tick"));
      double fy = a.yMin + (a.yMax - a.yMin) * i / TICKS;
      double py = bottom - PLOT_H * i / TICKS;
      shapes.add(Shape.line(LEFT, py, LEFT + PLOT_W, py, "grid"));
      shapes.add(Shape.text(LEFT - 4, py + 3, tick(fy), "end", "tick"));
    }
    String better =
        m == DisparityMetric.ADVERSE_IMPACT_RATIO_MIN ? "closer to 1 is fairer" : "lower is fairer";
    shapes.add(
        Shape.text(
            LEFT + PLOT_W / 2,
            bottom + 32,
            "validation " + m.jsonName() + " (" + better + ")",
            "middle",
            "axis"));
    shapes.add(Shape.text(LEFT - 44, TOP - 10, "validation accuracy", "start", "axis"));
  }

  private static String tick(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static double[] pad(double lo, double hi) {
    double span = hi - lo;
    double p = span > 0 ? span * 0.05 : 0.01;
    return new double[] {lo - p, hi + p};
  }

  /** The data ranges of the plot. */
  private record Axes(double xMin, double xMax, double yMin, double yMax) {
    double x(DisparityMetric m, Candidate c) {
      return LEFT + (m.value(c.validation()) - xMin) / (xMax - xMin) * PLOT_W;
    }

    double y(Candidate c) {
      return TOP + PLOT_H - (c.validation().accuracy() - yMin) / (yMax - yMin) * PLOT_H;
    }
  }
}
