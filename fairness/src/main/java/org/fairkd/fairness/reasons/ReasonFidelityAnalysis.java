package org.fairkd.fairness.reasons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.fairness.stats.Percentiles;

/**
 * Computes {@link ReasonFidelity}: per applicant the top-k overlap and first-reason agreement of
 * two reason lists, their means overall and per group, and percentile bootstrap intervals from
 * resampling applicants with replacement ({@code replicates} draws of n applicants; group figures
 * are computed on each replicate's rows of the group). Groups with no applicants are undefined
 * ({@link UndefinedReason#EMPTY_SLICE}), never 0.
 */
public final class ReasonFidelityAnalysis {
  private ReasonFidelityAnalysis() {}

  /**
   * @param student the student's reasons per applicant (feature names, first reason first)
   * @param teacher the teacher's reasons for the same applicants
   * @param k reasons compared per applicant (lists are cut to k)
   * @param groups per protected attribute, each applicant's group (null: unknown, left out)
   * @param replicates bootstrap replicates (0: no intervals)
   * @param level interval level, e.g. 0.95
   * @param seed bootstrap seed
   */
  public static ReasonFidelity compute(
      List<List<String>> student,
      List<List<String>> teacher,
      int k,
      Map<String, String[]> groups,
      int replicates,
      double level,
      long seed) {
    int n = student.size();
    if (teacher.size() != n) {
      throw new IllegalArgumentException(
          "student has " + n + " reason lists, teacher " + teacher.size());
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    double[] overlap = new double[n];
    double[] first = new double[n];
    for (int i = 0; i < n; i++) {
      List<String> s = cut(student.get(i), k);
      List<String> t = cut(teacher.get(i), k);
      overlap[i] = overlap(s, t);
      first[i] =
          s.isEmpty() && t.isEmpty()
              ? 1
              : !s.isEmpty() && !t.isEmpty() && s.get(0).equals(t.get(0)) ? 1 : 0;
    }
    // cells: 0 = overall, then one per (attribute, group)
    List<String[]> cellNames = new ArrayList<>();
    List<int[]> cellOf = new ArrayList<>(); // per attribute: the cell of each applicant (-1 none)
    int cells = 1;
    for (Map.Entry<String, String[]> e : groups.entrySet()) {
      String[] g = e.getValue();
      if (g.length != n) {
        throw new IllegalArgumentException(
            "attribute '" + e.getKey() + "' has " + g.length + " values for " + n + " applicants");
      }
      Map<String, Integer> index = new LinkedHashMap<>();
      int[] of = new int[n];
      for (int i = 0; i < n; i++) {
        if (g[i] == null) {
          of[i] = -1;
          continue;
        }
        Integer c = index.get(g[i]);
        if (c == null) {
          c = cells++;
          index.put(g[i], c);
          cellNames.add(new String[] {e.getKey(), g[i]});
        }
        of[i] = c;
      }
      cellOf.add(of);
    }
    double[][] est = means(overlap, first, cellOf, cells, null);
    double[][][] reps = new double[replicates][][];
    Random rng = new Random(seed);
    int[] count = new int[n];
    for (int b = 0; b < replicates; b++) {
      java.util.Arrays.fill(count, 0);
      for (int d = 0; d < n; d++) {
        count[rng.nextInt(n)]++;
      }
      reps[b] = means(overlap, first, cellOf, cells, count);
    }
    ReasonAgreement overall = agreement(est, reps, 0, level);
    Map<String, Map<String, ReasonAgreement>> byGroup = new LinkedHashMap<>();
    for (String attr : groups.keySet()) {
      byGroup.put(attr, new LinkedHashMap<>());
    }
    for (int c = 1; c < cells; c++) {
      String[] name = cellNames.get(c - 1);
      byGroup.get(name[0]).put(name[1], agreement(est, reps, c, level));
    }
    return new ReasonFidelity(k, overall, byGroup, replicates, level, seed);
  }

  private static List<String> cut(List<String> r, int k) {
    return r.size() <= k ? r : r.subList(0, k);
  }

  private static double overlap(List<String> s, List<String> t) {
    if (s.isEmpty() && t.isEmpty()) {
      return 1;
    }
    Set<String> in = new HashSet<>(s);
    int shared = 0;
    for (String f : new HashSet<>(t)) {
      if (in.contains(f)) {
        shared++;
      }
    }
    return (double) shared / Math.max(s.size(), t.size());
  }

  /** [cell] → {weight, mean overlap, mean first}; count = bootstrap multiplicities or null. */
  private static double[][] means(
      double[] overlap, double[] first, List<int[]> cellOf, int cells, int[] count) {
    double[][] sum = new double[cells][3];
    for (int i = 0; i < overlap.length; i++) {
      int w = count == null ? 1 : count[i];
      if (w == 0) {
        continue;
      }
      add(sum[0], w, overlap[i], first[i]);
      for (int[] of : cellOf) {
        if (of[i] >= 0) {
          add(sum[of[i]], w, overlap[i], first[i]);
        }
      }
    }
    for (double[] s : sum) {
      if (s[0] > 0) {
        s[1] /= s[0];
        s[2] /= s[0];
      } else {
        s[1] = Double.NaN;
        s[2] = Double.NaN;
      }
    }
    return sum;
  }

  private static void add(double[] s, int w, double o, double f) {
    s[0] += w;
    s[1] += w * o;
    s[2] += w * f;
  }

  private static ReasonAgreement agreement(
      double[][] est, double[][][] reps, int cell, double level) {
    int n = (int) est[cell][0];
    return new ReasonAgreement(
        n, estimate(est, reps, cell, 1, level), estimate(est, reps, cell, 2, level));
  }

  private static Estimate estimate(
      double[][] est, double[][][] reps, int cell, int which, double level) {
    if (est[cell][0] == 0) {
      return Estimate.undefined(UndefinedReason.EMPTY_SLICE, "no declined applicants in the group");
    }
    double[] r = new double[reps.length];
    for (int b = 0; b < reps.length; b++) {
      r[b] = reps[b][cell][which];
    }
    double[] ci = reps.length == 0 ? null : Percentiles.interval(r, level);
    return Estimate.of(est[cell][which], ci == null ? null : ci[0], ci == null ? null : ci[1]);
  }
}
