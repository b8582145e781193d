package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.report.AttributeAccounting;
import org.fairkd.fairness.report.DataAccounting;

/** Counts the rows of an input per protected attribute: groups with rows, missing values. */
final class RowAccounting {
  private RowAccounting() {}

  static DataAccounting of(FairnessInput in) {
    double total = 0;
    for (int i = 0; i < in.rows(); i++) {
      total += in.weight(i);
    }
    List<AttributeAccounting> out = new ArrayList<>();
    for (ProtectedAttribute a : in.attributes()) {
      double[] groupWeight = new double[a.groups().size()];
      int missingRows = 0;
      double missingWeight = 0;
      for (int i = 0; i < in.rows(); i++) {
        double w = in.weight(i);
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
    return new DataAccounting(in.rows(), total, out);
  }
}
