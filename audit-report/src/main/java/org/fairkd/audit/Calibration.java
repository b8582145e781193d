package org.fairkd.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.CalibrationBins;
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

  /** The bins of every attribute's groups, in the attributes' and groups' order. */
  public static CalibrationBins byGroup(
      double[] scores, boolean[] labels, List<ProtectedAttribute> attributes, int bins) {
    Map<String, Map<String, List<CalibrationBins.Bin>>> out = new LinkedHashMap<>();
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
      out.put(a.name(), bins(a.groups(), w, ws, wy));
    }
    return new CalibrationBins(out);
  }

  /**
   * The bins from sums computed elsewhere: per attribute (in {@code groups}' order), group and bin
   * {@code sums[attribute][group][bin]} = {Σ w, Σ w·score, Σ w·[label favourable]}.
   */
  public static CalibrationBins fromSums(Map<String, List<String>> groups, double[][][][] sums) {
    Map<String, Map<String, List<CalibrationBins.Bin>>> out = new LinkedHashMap<>();
    int a = 0;
    for (Map.Entry<String, List<String>> e : groups.entrySet()) {
      int g = e.getValue().size();
      int bins = sums[a][0].length;
      double[][] w = new double[g][bins];
      double[][] ws = new double[g][bins];
      double[][] wy = new double[g][bins];
      for (int k = 0; k < g; k++) {
        for (int b = 0; b < bins; b++) {
          w[k][b] = sums[a][k][b][0];
          ws[k][b] = sums[a][k][b][1];
          wy[k][b] = sums[a][k][b][2];
        }
      }
      out.put(e.getKey(), bins(e.getValue(), w, ws, wy));
      a++;
    }
    return new CalibrationBins(out);
  }

  private static Map<String, List<CalibrationBins.Bin>> bins(
      List<String> names, double[][] w, double[][] ws, double[][] wy) {
    Map<String, List<CalibrationBins.Bin>> groups = new LinkedHashMap<>();
    for (int k = 0; k < names.size(); k++) {
      int bins = w[k].length;
      List<CalibrationBins.Bin> list = new ArrayList<>();
      for (int b = 0; b < bins; b++) {
        boolean empty = !(w[k][b] > 0);
        list.add(
            new CalibrationBins.Bin(
                b,
                (double) b / bins,
                (double) (b + 1) / bins,
                w[k][b],
                empty ? null : ws[k][b] / w[k][b],
                empty ? null : wy[k][b] / w[k][b]));
      }
      groups.put(names.get(k), list);
    }
    return groups;
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
