package org.fairkd.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.RowAccounting;
import org.fairkd.fairness.report.AttributeAccounting;
import org.fairkd.fairness.report.DataAccounting;

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
    return account(source, rowsRead, rowsUsed, selection, accounting(attrs));
  }

  /** {@link #account(String, long, long, String, List)} from an accounting computed elsewhere. */
  public static DataAccount account(
      String source, long rowsRead, long rowsUsed, String selection, DataAccounting accounting) {
    Map<String, Long> missing = new LinkedHashMap<>();
    for (AttributeAccounting a : accounting.attributes()) {
      missing.put(a.attribute(), (long) a.missingRows());
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
    requireTwoGroups(accounting(attrs), where);
  }

  /** {@link #requireTwoGroups(List, String)} on an accounting computed elsewhere. */
  public static void requireTwoGroups(DataAccounting accounting, String where) {
    for (AttributeAccounting a : accounting.attributes()) {
      if (a.tooFewGroups()) {
        List<String> present = a.groupsWithRows();
        throw new AuditException(
            "protected attribute '"
                + a.attribute()
                + "' has "
                + (present.isEmpty() ? "no values" : "one group (" + present.get(0) + ")")
                + " in "
                + where
                + ": nothing to compare");
      }
    }
  }

  /** The fairness module's row accounting of {@code attrs} on unit-weight rows. */
  private static DataAccounting accounting(List<ProtectedAttribute> attrs) {
    double[] unit = new double[attrs.isEmpty() ? 0 : attrs.get(0).rows()];
    Arrays.fill(unit, 1);
    return RowAccounting.of(attrs, unit);
  }
}
