package org.fairkd.search.frontier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.measure.Measurement;

/**
 * The Pareto frontier of candidates on the validation split over three objectives: disparity (lower
 * is better, {@link DisparityMetric#disparity}), accuracy and AUC (higher is better). A candidate
 * is on the frontier when no other is at least as good on all three and better on one; candidates
 * the collapse guard rejected take no part (they are neither on it nor dominate). Its size is
 * summarised by the {@link #hypervolume} in the disparity–accuracy plane.
 */
public final class ParetoFrontier {
  private ParetoFrontier() {}

  /** {@code candidates} with {@link Candidate#onFrontier()} set, in the same order. */
  public static List<Candidate> mark(List<Candidate> candidates, DisparityMetric metric) {
    List<Candidate> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      boolean dominated =
          !c.admissible()
              || candidates.stream()
                  .anyMatch(
                      o ->
                          o != c
                              && o.admissible()
                              && dominates(o.validation(), c.validation(), metric));
      out.add(c.withFrontier(!dominated && Double.isFinite(metric.disparity(c.validation()))));
    }
    return out;
  }

  /** Whether {@code a} dominates {@code b}: no worse on every objective and better on one. */
  public static boolean dominates(Measurement a, Measurement b, DisparityMetric metric) {
    double da = metric.disparity(a);
    double db = metric.disparity(b);
    double aa = orWorst(a.accuracy());
    double ab = orWorst(b.accuracy());
    double ua = orWorst(a.auc());
    double ub = orWorst(b.auc());
    boolean noWorse = da <= db && aa >= ab && ua >= ub;
    return noWorse && (da < db || aa > ab || ua > ub);
  }

  /**
   * The area dominated by the candidates in the plane (disparity clipped to [0, 1], accuracy),
   * measured from the worst corner (disparity 1, accuracy 0): grows whenever the frontier improves.
   */
  public static double hypervolume(List<Candidate> candidates, DisparityMetric metric) {
    List<double[]> pts = new ArrayList<>();
    for (Candidate c : candidates) {
      double d = metric.disparity(c.validation());
      double a = c.validation().accuracy();
      if (c.admissible() && Double.isFinite(d) && !Double.isNaN(a)) {
        pts.add(new double[] {Math.max(0, Math.min(1, d)), a});
      }
    }
    pts.sort(Comparator.comparingDouble((double[] p) -> p[0]));
    double area = 0;
    double best = 0;
    for (int i = 0; i < pts.size(); i++) {
      best = Math.max(best, pts.get(i)[1]);
      double next = i + 1 < pts.size() ? pts.get(i + 1)[0] : 1;
      area += (next - pts.get(i)[0]) * best;
    }
    return area;
  }

  private static double orWorst(double v) {
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }
}
