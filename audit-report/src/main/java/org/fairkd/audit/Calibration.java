package org.fairkd.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fairkd.fairness.ProtectedAttribute;

/**
 * Reliability curves by group: scores are cut into {@code bins} equal-width bins on [0, 1] (a score
 * of exactly 1 falls in the last bin); per bin and group, with membership weight {@code w} (1/0 for
 * hard groups, the probability for soft ones):
 *
 * <pre>
 *   count         = Σ w
 *   mean_score    = Σ w·score / Σ w
 *   observed_rate = Σ w·[label favourable] / Σ w
 * </pre>
 *
 * Empty bins are kept with count 0 and null rates, so the bins line up across groups.
 */
public final class Calibration {
  private Calibration() {}

  /** {@code {attribute: {group: [{bin, lower, upper, count, mean_score, observed_rate}]}}}. */
  public static ObjectNode byGroup(
      double[] scores, boolean[] labels, List<ProtectedAttribute> attributes, int bins) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (ProtectedAttribute a : attributes) {
      int g = a.groups().size();
      double[][] w = new double[g][bins];
      double[][] ws = new double[g][bins];
      double[][] wy = new double[g][bins];
      for (int i = 0; i < scores.length; i++) {
        int b = Math.min(bins - 1, (int) (scores[i] * bins));
        if (a.isSoft()) {
          for (int k = 0; k < g; k++) {
            add(w, ws, wy, k, b, a.probabilities()[k][i], scores[i], labels[i]);
          }
        } else if (a.codes()[i] >= 0) {
          add(w, ws, wy, a.codes()[i], b, 1.0, scores[i], labels[i]);
        }
      }
      ObjectNode attr = out.putObject(a.name());
      for (int k = 0; k < g; k++) {
        ArrayNode arr = attr.putArray(a.groups().get(k));
        for (int b = 0; b < bins; b++) {
          ObjectNode bin = arr.addObject();
          bin.put("bin", b);
          bin.put("lower", (double) b / bins);
          bin.put("upper", (double) (b + 1) / bins);
          bin.put("count", w[k][b]);
          if (w[k][b] > 0) {
            bin.put("mean_score", ws[k][b] / w[k][b]);
            bin.put("observed_rate", wy[k][b] / w[k][b]);
          } else {
            bin.putNull("mean_score");
            bin.putNull("observed_rate");
          }
        }
      }
    }
    return out;
  }

  private static void add(
      double[][] w, double[][] ws, double[][] wy, int k, int b, double wt, double s, boolean y) {
    w[k][b] += wt;
    ws[k][b] += wt * s;
    if (y) {
      wy[k][b] += wt;
    }
  }
}
