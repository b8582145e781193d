package org.fairkd.audit;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.fairness.ProtectedAttribute;

/**
 * Converts a dataset's protected attributes, restricted to some rows (the test split), into the
 * fairness module's form: hard groups as codes ({@code -1} = missing), soft ones as probabilities
 * per group.
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
}
