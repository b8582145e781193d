package org.fairkd.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A train / validation / test split given as sorted row indices.
 *
 * @param train training rows
 * @param validation validation rows (e.g. for early stopping or temperature choice)
 * @param test held-out rows
 */
public record Split(int[] train, int[] validation, int[] test) {

  /**
   * A seeded split stratified by label × hard group of the first protected attribute (missing group
   * is its own stratum). Within each stratum, in order of (label, group), the rows are shuffled by
   * Fisher–Yates with one {@link SplittableRandom}{@code (seed)}; the first {@code round(n *
   * testFraction)} go to test, the next {@code round(n * validationFraction)} to validation, the
   * rest to train. The result depends only on the data and the seed.
   *
   * <p>When {@code d.presetTestRows()} is non-empty, test is exactly those rows, and the other rows
   * are split into validation ({@code validationFraction} of them) and train; {@code testFraction}
   * is then ignored.
   */
  public static Split stratified(
      TabularDataset d, double validationFraction, double testFraction, long seed) {
    if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
      throw new IllegalArgumentException(
          "split fractions must be >= 0 and sum to < 1: validation "
              + validationFraction
              + ", test "
              + testFraction);
    }
    int[] preset = d.presetTestRows();
    boolean[] inPreset = new boolean[d.rowCount()];
    for (int r : preset) {
      inPreset[r] = true;
    }
    double testShare = preset.length > 0 ? 0 : testFraction;
    ProtectedAttribute first =
        d.protectedAttributes().isEmpty() ? null : d.protectedAttributes().get(0);
    int groups = first == null ? 1 : first.groups().size() + 1;
    List<List<Integer>> strata = new ArrayList<>();
    for (int i = 0; i < 2 * groups; i++) {
      strata.add(new ArrayList<>());
    }
    for (int r = 0; r < d.rowCount(); r++) {
      if (inPreset[r]) {
        continue;
      }
      int g = first == null ? 0 : first.hardGroup(r) + 1;
      strata.get((d.favourable(r) ? groups : 0) + g).add(r);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    IntList train = new IntList();
    IntList validation = new IntList();
    IntList test = new IntList();
    for (List<Integer> stratum : strata) {
      int[] rows = stratum.stream().mapToInt(Integer::intValue).toArray();
      for (int i = rows.length - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
      }
      int nTest = (int) Math.round(rows.length * testShare);
      int nVal = (int) Math.round(rows.length * validationFraction);
      nVal = Math.min(nVal, rows.length - nTest);
      for (int i = 0; i < rows.length; i++) {
        (i < nTest ? test : i < nTest + nVal ? validation : train).add(rows[i]);
      }
    }
    int[] testRows = preset.length > 0 ? preset : test.sorted();
    return new Split(train.sorted(), validation.sorted(), testRows);
  }

  /** A growable int array. */
  private static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] sorted() {
      int[] out = Arrays.copyOf(a, n);
      Arrays.sort(out);
      return out;
    }
  }
}
