package org.fairkd.fairness.reasons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy screen: how well a reason feature tells the groups of a protected attribute apart.
 *
 * <ul>
 *   <li>Categorical feature: Cramér's V of the feature × group table, {@code sqrt(χ² / (n·(min(r,
 *       c) − 1)))} (no bias correction; missing feature values are a level of their own), flagged
 *       at {@value #CRAMERS_V_LEVEL} or more.
 *   <li>Numeric feature: for each group with at least {@value #MIN_GROUP} rows on both sides, the
 *       AUC of predicting "in the group" from the feature value alone (Mann–Whitney, mid-ranks for
 *       ties), folded to {@code max(AUC, 1 − AUC)} since a proxy may work either way; the largest
 *       over the groups, flagged at {@value #AUC_LEVEL} or more. Missing values are left out.
 * </ul>
 *
 * Rows whose group is unknown (null) are left out.
 */
public final class ProxyScreen {
  /** Cramér's V at or above which a categorical feature is flagged. */
  public static final double CRAMERS_V_LEVEL = 0.3;

  /** Folded AUC at or above which a numeric feature is flagged. */
  public static final double AUC_LEVEL = 0.7;

  /** Rows needed in a group and outside it for its AUC. */
  public static final int MIN_GROUP = 30;

  private ProxyScreen() {}

  /** One flag per (feature, attribute), features in the given order, attributes in map order. */
  public static List<ProxyFlag> screen(
      List<ScreenedFeature> features, Map<String, String[]> attributes) {
    List<ProxyFlag> out = new ArrayList<>();
    for (ScreenedFeature f : features) {
      for (Map.Entry<String, String[]> a : attributes.entrySet()) {
        out.add(
            f instanceof ScreenedFeature.Categorical c
                ? cramersV(c, a.getKey(), a.getValue())
                : auc((ScreenedFeature.Numeric) f, a.getKey(), a.getValue()));
      }
    }
    return out;
  }

  static ProxyFlag cramersV(ScreenedFeature.Categorical f, String attribute, String[] group) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    Map<String, Integer> cols = new LinkedHashMap<>();
    List<int[]> cells = new ArrayList<>();
    for (int i = 0; i < group.length; i++) {
      if (group[i] != null) {
        String v = f.values()[i] == null ? "\u0000missing" : f.values()[i];
        cells.add(
            new int[] {
              rows.computeIfAbsent(v, k -> rows.size()),
              cols.computeIfAbsent(group[i], k -> cols.size())
            });
      }
    }
    double[][] t = new double[rows.size()][cols.size()];
    for (int[] c : cells) {
      t[c[0]][c[1]]++;
    }
    int n = cells.size();
    double[] rs = new double[t.length];
    double[] cs = new double[cols.size()];
    for (int r = 0; r < t.length; r++) {
      for (int c = 0; c < cs.length; c++) {
        rs[r] += t[r][c];
        cs[c] += t[r][c];
      }
    }
    double chi2 = 0;
    for (int r = 0; r < t.length; r++) {
      for (int c = 0; c < cs.length; c++) {
        double e = rs[r] * cs[c] / n;
        chi2 += (t[r][c] - e) * (t[r][c] - e) / e;
      }
    }
    int m = Math.min(t.length, cs.length) - 1;
    double v = m < 1 || n == 0 ? 0 : Math.sqrt(chi2 / (n * (double) m));
    return new ProxyFlag(
        f.name(), attribute, "cramers_v", null, v, CRAMERS_V_LEVEL, v >= CRAMERS_V_LEVEL);
  }

  static ProxyFlag auc(ScreenedFeature.Numeric f, String attribute, String[] group) {
    int[] keep =
        java.util.stream.IntStream.range(0, group.length)
            .filter(i -> group[i] != null && !Double.isNaN(f.values()[i]))
            .toArray();
    int n = keep.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(f.values()[keep[a]], f.values()[keep[b]]));
    double[] rank = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && f.values()[keep[order[j + 1]]] == f.values()[keep[order[i]]]) {
        j++;
      }
      double mid = (i + j) / 2.0 + 1;
      for (int q = i; q <= j; q++) {
        rank[order[q]] = mid;
      }
      i = j + 1;
    }
    Map<String, double[]> byGroup = new HashMap<>(); // group -> {count, rank sum}
    for (int i = 0; i < n; i++) {
      double[] s = byGroup.computeIfAbsent(group[keep[i]], k -> new double[2]);
      s[0]++;
      s[1] += rank[i];
    }
    double best = 0.5;
    String bestGroup = null;
    for (Map.Entry<String, double[]> e :
        byGroup.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      double ng = e.getValue()[0];
      double rest = n - ng;
      if (ng < MIN_GROUP || rest < MIN_GROUP) {
        continue;
      }
      double a = (e.getValue()[1] - ng * (ng + 1) / 2) / (ng * rest);
      double folded = Math.max(a, 1 - a);
      if (folded > best) {
        best = folded;
        bestGroup = e.getKey();
      }
    }
    return new ProxyFlag(f.name(), attribute, "auc", bestGroup, best, AUC_LEVEL, best >= AUC_LEVEL);
  }
}
