package org.fairkd.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkd.policies.eval.Numbers;

/**
 * Charts of a model's scores by group, from its equal-width score bins (weighted count and observed
 * favourable rate per bin, as the audit records them for calibration): the distribution of scores
 * (each group's share of rows per bin, so groups of any size compare) and the ROC curve per group
 * through the points at the bin edges (thresholds 1.0, 0.9, …, 0), which is exact at those
 * thresholds. One colour and marker per group (Okabe–Ito).
 */
public final class ScoreCharts {
  private static final double LEFT = 58;
  private static final double TOP = 28;
  private static final double PLOT = 140;

  private ScoreCharts() {}

  /** One group's bins: per bin its lower edge, upper edge, weighted count and observed rate. */
  public record GroupBins(String group, List<double[]> bins) {}

  /** The score distribution by group, with the decision threshold as a vertical line. */
  public static Svg distribution(String title, List<GroupBins> groups, double threshold) {
    List<Shape> shapes = new ArrayList<>();
    double max = 0;
    List<double[]> shares = new ArrayList<>();
    for (GroupBins g : groups) {
      double n = g.bins().stream().mapToDouble(b -> b[2]).sum();
      double[] s = new double[g.bins().size()];
      for (int b = 0; b < s.length; b++) {
        s[b] = n > 0 ? g.bins().get(b)[2] / n : 0;
        max = Math.max(max, s[b]);
      }
      shares.add(s);
    }
    double yMax = max > 0 ? Math.min(1, Axes.ceilNice(max)) : 1;
    Axes.yAxis(shapes, LEFT, TOP, PLOT, PLOT, 0, yMax, "share of the group's rows");
    Axes.xAxis(shapes, LEFT, TOP + PLOT, PLOT, 0, 1, "score (P(favourable))", 6);
    if (threshold > 0 && threshold < 1) {
      double x = LEFT + threshold * PLOT;
      shapes.add(Shape.line(x, TOP, x, TOP + PLOT, "decision"));
      shapes.add(
          Shape.text(
              x + 3, TOP + 10, "threshold " + Numbers.threshold(threshold), "start", "tick"));
    }
    List<Svg.LegendItem> legend = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      GroupBins g = groups.get(i);
      StringBuilder pts = new StringBuilder();
      List<Shape> markers = new ArrayList<>();
      for (int b = 0; b < g.bins().size(); b++) {
        double[] bin = g.bins().get(b);
        double x = LEFT + (bin[0] + bin[1]) / 2 * PLOT;
        double y = TOP + PLOT - shares.get(i)[b] / yMax * PLOT;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        markers.add(
            Axes.marker(
                i,
                x,
                y,
                g.group()
                    + ": scores "
                    + Numbers.threshold(bin[0])
                    + "–"
                    + Numbers.threshold(bin[1])
                    + ", "
                    + Numbers.count(bin[2])
                    + " rows"));
      }
      shapes.add(Shape.polyline(pts.toString().strip(), Axes.colour(i), g.group()));
      shapes.addAll(markers);
      legend.add(Axes.legend(i, g.group()));
    }
    return new Svg(width(title), (int) (TOP + PLOT + 36), title, shapes, legend);
  }

  /** ROC curves by group: true positive rate against false positive rate at the bin edges. */
  public static Svg roc(String title, List<GroupBins> groups) {
    List<Shape> shapes = new ArrayList<>();
    Axes.yAxis(shapes, LEFT, TOP, PLOT, PLOT, 0, 1, "true positive rate");
    Axes.xAxis(shapes, LEFT, TOP + PLOT, PLOT, 0, 1, "false positive rate", 6);
    shapes.add(Shape.line(LEFT, TOP + PLOT, LEFT + PLOT, TOP, "diagonal"));
    List<Svg.LegendItem> legend = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      List<double[]> pts = rocPoints(groups.get(i).bins());
      if (pts.isEmpty()) {
        continue;
      }
      StringBuilder sb = new StringBuilder();
      List<Shape> markers = new ArrayList<>();
      for (double[] p : pts) {
        double x = LEFT + p[0] * PLOT;
        double y = TOP + PLOT - p[1] * PLOT;
        sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        if (p[2] > 0 && p[2] < 1) {
          markers.add(
              Axes.marker(
                  i,
                  x,
                  y,
                  groups.get(i).group()
                      + ": threshold "
                      + Numbers.threshold(p[2])
                      + ", FPR "
                      + Numbers.estimate(p[0])
                      + ", TPR "
                      + Numbers.estimate(p[1])));
        }
      }
      shapes.add(Shape.polyline(sb.toString().strip(), Axes.colour(i), groups.get(i).group()));
      shapes.addAll(markers);
      legend.add(Axes.legend(i, groups.get(i).group()));
    }
    return new Svg(width(title), (int) (TOP + PLOT + 36), title, shapes, legend);
  }

  /**
   * The ROC points (FPR, TPR, threshold) of bins (lower, upper, count, observed rate) at each bin's
   * lower edge, from the highest threshold down; empty when the group has no positives or no
   * negatives.
   */
  public static List<double[]> rocPoints(List<double[]> bins) {
    double pos = 0;
    double neg = 0;
    for (double[] b : bins) {
      double rate = Double.isNaN(b[3]) ? 0 : b[3];
      pos += b[2] * rate;
      neg += b[2] * (1 - rate);
    }
    List<double[]> out = new ArrayList<>();
    if (!(pos > 0) || !(neg > 0)) {
      return out;
    }
    out.add(new double[] {0, 0, bins.isEmpty() ? 1 : bins.get(bins.size() - 1)[1]});
    double tp = 0;
    double fp = 0;
    for (int k = bins.size() - 1; k >= 0; k--) {
      double[] b = bins.get(k);
      double rate = Double.isNaN(b[3]) ? 0 : b[3];
      tp += b[2] * rate;
      fp += b[2] * (1 - rate);
      out.add(new double[] {fp / neg, tp / pos, b[0]});
    }
    return out;
  }

  private static int width(String title) {
    return (int) Math.max(LEFT + PLOT + 24, 7.4 * title.length() + 16);
  }
}
