package org.fairkd.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.fairness.ProtectedAttribute;

/**
 * The protected attributes an audit compares, in the fairness module's form (hard groups as codes,
 * {@code -1} = missing; soft ones as probabilities per group): converted from a dataset's
 * attributes on some rows (the test split), counted for missing values, and checked to have two
 * groups to compare.
 */
public final class Attributes {
  private Attributes() {}

  /** The protected attributes of {@code data} on {@code rows}, in the dataset's order. */
  public static List<ProtectedAttribute> of(TabularDataset data, int[] rows) {
    List<ProtectedAttribute> out = new ArrayList<>();
    for (org.fairkd.datasets.ProtectedAttribute a : data.protectedAttributes()) {
      if (a.soft()) {
        double[][] p = new double[a.groups().size()][rows.length];
        for (int g = 0; g < p.length; g++) {
          for (int i = 0; i < rows.length; i++) {
            p[g][i] = a.membership(rows[i], g);
          }
        }
        out.add(ProtectedAttribute.soft(a.name(), a.groups(), a.reference(), p));
      } else {
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
          codes[i] = a.hardGroup(rows[i]);
        }
        out.add(ProtectedAttribute.hard(a.name(), a.groups(), a.reference(), codes));
      }
    }
    return out;
  }

  /**
   * Rows with no value for {@code a}: code {@code -1} (hard), or every probability 0 or empty
   * (soft); the attribute's slices leave them out.
   */
  public static long missingRows(ProtectedAttribute a) {
    long n = 0;
    for (int r = 0; r < a.rows(); r++) {
      n += weightOf(a, r) == 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * The row accounting of one model input whose audited rows carry {@code attrs}.
   *
   * @param source the file or dataset name
   * @param rowsRead rows read from it
   * @param rowsUsed rows audited (the rows {@code attrs} describe)
   * @param selection how the audited rows were chosen
   */
  public static DataAccount account(
      String source,
      long rowsRead,
      long rowsUsed,
      String selection,
      List<ProtectedAttribute> attrs) {
    Map<String, Long> missing = new LinkedHashMap<>();
    for (ProtectedAttribute a : attrs) {
      missing.put(a.name(), missingRows(a));
    }
    return new DataAccount(source, rowsRead, rowsUsed, selection, missing);
  }

  /**
   * Fails unless every attribute has rows in at least two of its groups (by total membership):
   * {@code protected attribute 'sex' has one group (m) in preds.csv: nothing to compare}.
   *
   * @param where where the rows come from, e.g. a file name or "the test split of DATASET"
   * @throws AuditException naming the attribute and the groups it has
   */
  public static void requireTwoGroups(List<ProtectedAttribute> attrs, String where) {
    for (ProtectedAttribute a : attrs) {
      double[] total = new double[a.groups().size()];
      for (int r = 0; r < a.rows(); r++) {
        for (int g = 0; g < total.length; g++) {
          total[g] += a.isSoft() ? a.probabilities()[g][r] : a.codes()[r] == g ? 1 : 0;
        }
      }
      List<String> present = new ArrayList<>();
      for (int g = 0; g < total.length; g++) {
        if (total[g] > 0) {
          present.add(a.groups().get(g));
        }
      }
      if (present.size() < 2) {
        throw new AuditException(
            "protected attribute '"
                + a.name()
                + "' has "
                + (present.isEmpty() ? "no values" : "one group (" + present.get(0) + ")")
                + " in "
                + where
                + ": nothing to compare");
      }
    }
  }

  /** The row's total membership over the groups (1 or 0 for hard attributes). */
  private static double weightOf(ProtectedAttribute a, int r) {
    if (!a.isSoft()) {
      return a.codes()[r] >= 0 ? 1 : 0;
    }
    double sum = 0;
    for (double[] p : a.probabilities()) {
      sum += p[r];
    }
    return sum;
  }
}
