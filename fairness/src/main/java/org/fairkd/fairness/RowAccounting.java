package org.fairkd.fairness;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.fairness.report.AttributeAccounting;
import org.fairkd.fairness.report.DataAccounting;

/**
 * Counts rows per protected attribute: the groups that have rows and the rows with a missing value
 * (hard code −1, or soft probabilities that are all zero). The one place that counts them: the
 * analysis reports it ({@link org.fairkd.fairness.report.FairnessReport#data()}), and the command
 * line checks its inputs with it before any analysis.
 */
public final class RowAccounting {
  private RowAccounting() {}

  /** The accounting of an analysis input (its row weights and attributes). */
  public static DataAccounting of(FairnessInput in) {
    double[] w = new double[in.rows()];
    for (int i = 0; i < w.length; i++) {
      w[i] = in.weight(i);
    }
    return of(in.attributes(), w);
  }

  /**
   * The accounting of {@code attributes} over the same rows, with row weights {@code weights}.
   *
   * @param attributes protected attributes, each over the same rows
   * @param weights one weight per row
   */
  public static DataAccounting of(List<ProtectedAttribute> attributes, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    List<AttributeAccounting> out = new ArrayList<>();
    for (ProtectedAttribute a : attributes) {
      double[] groupWeight = new double[a.groups().size()];
      int missingRows = 0;
      double missingWeight = 0;
      for (int i = 0; i < weights.length; i++) {
        double w = weights[i];
        double known = 0;
        if (a.isSoft()) {
          for (int g = 0; g < groupWeight.length; g++) {
            double p = a.probabilities()[g][i];
            groupWeight[g] += w * p;
            known += p;
          }
        } else if (a.codes()[i] >= 0) {
          groupWeight[a.codes()[i]] += w;
          known = 1;
        }
        missingRows += known > 0 ? 0 : 1;
        missingWeight += w * Math.max(0, 1 - known);
      }
      List<String> withRows = new ArrayList<>();
      for (int g = 0; g < groupWeight.length; g++) {
        if (groupWeight[g] > 0) {
          withRows.add(a.groups().get(g));
        }
      }
      out.add(new AttributeAccounting(a.name(), withRows, missingRows, missingWeight));
    }
    return new DataAccounting(weights.length, total, out);
  }
}
