package org.fairkd.fairness.slices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;

/**
 * The cross-classification of rows by all protected attributes. A row's "fine group" has one digit
 * per attribute (0 = unknown, 1 + group code otherwise); every slice (a group, or an intersection
 * cell) is a union of fine groups, so counts aggregated once per fine group give every slice. Soft
 * membership spreads a row over fine groups with weight Π_a p_a (independence across attributes);
 * the unassigned remainder {@code 1 − Σ p} goes to "unknown".
 */
public final class SliceSpace {
  /** Upper bound on the number of fine groups (product over attributes of groups + 1). */
  public static final int MAX_FINE = 20_000;

  private final List<ProtectedAttribute> attrs;
  private final int[] stride;
  private final int fineCount;
  private final List<AttributeSet> sets = new ArrayList<>();
  private final Slice overall;
  private final String[] references;
  private final boolean[] referenceGiven;

  /** Builds all slices; missing references become the attribute's largest group. */
  public SliceSpace(FairnessInput input) {
    this(input, null);
  }

  /**
   * Builds all slices of {@code input}'s attributes; a missing reference becomes the group with the
   * largest total in {@code groupTotals} ([attribute][group] weight), or, when that is null, in the
   * input's rows.
   */
  public SliceSpace(FairnessInput input, double[][] groupTotals) {
    attrs = input.attributes();
    int k = attrs.size();
    stride = new int[k];
    int f = 1;
    for (int a = k - 1; a >= 0; a--) {
      stride[a] = f;
      f = (int) Math.min(Integer.MAX_VALUE, (long) f * (attrs.get(a).groups().size() + 1));
    }
    fineCount = f;
    if (fineCount > MAX_FINE) {
      throw new FairnessException(
          "the protected attributes cross into "
              + fineCount
              + " cells (more than "
              + MAX_FINE
              + "): too many groups; is a continuous column used as a group?");
    }
    references = new String[k];
    referenceGiven = new boolean[k];
    for (int a = 0; a < k; a++) {
      ProtectedAttribute attr = attrs.get(a);
      referenceGiven[a] = attr.reference() != null;
      references[a] =
          referenceGiven[a]
              ? attr.reference()
              : largestGroup(attr, groupTotals != null ? groupTotals[a] : totals(input, a));
    }
    int[] all = new int[fineCount];
    for (int i = 0; i < fineCount; i++) {
      all[i] = i;
    }
    overall = new Slice(Map.of(), "", new int[0], new int[0], all);
    for (int size = 1; size <= k; size++) {
      subsets(size, 0, new ArrayList<>());
    }
  }

  private void subsets(int size, int from, List<Integer> chosen) {
    if (chosen.size() == size) {
      sets.add(buildSet(chosen.stream().mapToInt(Integer::intValue).toArray()));
      return;
    }
    for (int a = from; a < attrs.size(); a++) {
      chosen.add(a);
      subsets(size, a + 1, chosen);
      chosen.remove(chosen.size() - 1);
    }
  }

  private AttributeSet buildSet(int[] idx) {
    List<String> names = new ArrayList<>();
    int combos = 1;
    for (int a : idx) {
      names.add(attrs.get(a).name());
      combos *= attrs.get(a).groups().size();
    }
    List<Slice> slices = new ArrayList<>();
    int reference = -1;
    for (int c = 0; c < combos; c++) {
      int[] codes = new int[idx.length];
      int rest = c;
      for (int j = idx.length - 1; j >= 0; j--) {
        int g = attrs.get(idx[j]).groups().size();
        codes[j] = rest % g;
        rest /= g;
      }
      Map<String, String> map = new LinkedHashMap<>();
      List<String> groupNames = new ArrayList<>();
      boolean isRef = true;
      for (int j = 0; j < idx.length; j++) {
        String group = attrs.get(idx[j]).groups().get(codes[j]);
        map.put(attrs.get(idx[j]).name(), group);
        groupNames.add(group);
        isRef &= group.equals(references[idx[j]]);
      }
      if (isRef) {
        reference = slices.size();
      }
      slices.add(
          new Slice(map, String.join("*", groupNames), idx, codes, fineMatching(idx, codes)));
    }
    return new AttributeSet(
        String.join("*", names), idx, List.copyOf(slices), reference, fineKnown(idx));
  }

  private int[] fineMatching(int[] idx, int[] codes) {
    return java.util.stream.IntStream.range(0, fineCount)
        .filter(
            f -> {
              for (int j = 0; j < idx.length; j++) {
                if (digit(f, idx[j]) != codes[j] + 1) {
                  return false;
                }
              }
              return true;
            })
        .toArray();
  }

  private int[] fineKnown(int[] idx) {
    return java.util.stream.IntStream.range(0, fineCount)
        .filter(
            f -> {
              for (int a : idx) {
                if (digit(f, a) == 0) {
                  return false;
                }
              }
              return true;
            })
        .toArray();
  }

  private int digit(int fine, int a) {
    return fine / stride[a] % (attrs.get(a).groups().size() + 1);
  }

  private static String largestGroup(ProtectedAttribute attr, double[] total) {
    int best = 0;
    for (int g = 1; g < total.length; g++) {
      if (total[g] > total[best]) {
        best = g;
      }
    }
    return attr.groups().get(best);
  }

  private static double[] totals(FairnessInput input, int a) {
    ProtectedAttribute attr = input.attributes().get(a);
    double[] total = new double[attr.groups().size()];
    for (int i = 0; i < input.rows(); i++) {
      double w = input.weight(i);
      if (attr.isSoft()) {
        for (int g = 0; g < total.length; g++) {
          total[g] += w * attr.probabilities()[g][i];
        }
      } else if (attr.codes()[i] >= 0) {
        total[attr.codes()[i]] += w;
      }
    }
    return total;
  }

  /** The fine group of hard group codes, one per attribute (−1 = missing). */
  public int fineOf(int[] codes) {
    int f = 0;
    for (int a = 0; a < attrs.size(); a++) {
      f += (codes[a] + 1) * stride[a];
    }
    return f;
  }

  /** The fine group of a row when every attribute is hard. */
  public int hardFine(int row) {
    int f = 0;
    for (int a = 0; a < attrs.size(); a++) {
      f += (attrs.get(a).codes()[row] + 1) * stride[a];
    }
    return f;
  }

  /** Visits the fine groups of a row with membership weights (product over attributes). */
  public void forEachFine(int row, FineVisitor visitor) {
    forEachFine(of(row), visitor);
  }

  /** Visits the fine groups of a row given by value, with membership weights. */
  public void forEachFine(RowMembership row, FineVisitor visitor) {
    visit(row, 0, 0, 1.0, visitor);
  }

  private RowMembership of(int row) {
    return new RowMembership() {
      @Override
      public int code(int a) {
        return attrs.get(a).codes()[row];
      }

      @Override
      public double probability(int a, int g) {
        return attrs.get(a).probabilities()[g][row];
      }
    };
  }

  private void visit(RowMembership row, int a, int fine, double weight, FineVisitor visitor) {
    if (a == attrs.size()) {
      if (weight > 0) {
        visitor.visit(fine, weight);
      }
      return;
    }
    ProtectedAttribute attr = attrs.get(a);
    if (!attr.isSoft()) {
      visit(row, a + 1, fine + (row.code(a) + 1) * stride[a], weight, visitor);
      return;
    }
    double rest = 1;
    for (int g = 0; g < attr.groups().size(); g++) {
      double p = row.probability(a, g);
      rest -= p;
      if (p > 0) {
        visit(row, a + 1, fine + (g + 1) * stride[a], weight * p, visitor);
      }
    }
    if (rest > 1e-12) {
      visit(row, a + 1, fine, weight * rest, visitor);
    }
  }

  /** Membership weight of a row in a slice (1/0 for hard groups, a product of probabilities). */
  public double membership(Slice slice, int row) {
    return membership(slice, of(row));
  }

  /** Membership weight of a row given by value in a slice. */
  public double membership(Slice slice, RowMembership row) {
    double m = 1;
    for (int j = 0; j < slice.attrIdx().length; j++) {
      int a = slice.attrIdx()[j];
      int code = slice.codes()[j];
      m *= attrs.get(a).isSoft() ? row.probability(a, code) : (row.code(a) == code ? 1 : 0);
      if (m == 0) {
        return 0;
      }
    }
    return m;
  }

  /** Number of fine groups. */
  public int fineCount() {
    return fineCount;
  }

  /** Attribute sets: attributes in order, then intersections by size. */
  public List<AttributeSet> sets() {
    return sets;
  }

  /** The slice of all rows. */
  public Slice overall() {
    return overall;
  }

  /** Resolved reference group per attribute name. */
  public Map<String, String> references() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int a = 0; a < attrs.size(); a++) {
      m.put(attrs.get(a).name(), references[a]);
    }
    return m;
  }

  /** Per attribute name: {@code given} or {@code largest_group}. */
  public Map<String, String> referenceSources() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int a = 0; a < attrs.size(); a++) {
      m.put(attrs.get(a).name(), referenceGiven[a] ? "given" : "largest_group");
    }
    return m;
  }
}
