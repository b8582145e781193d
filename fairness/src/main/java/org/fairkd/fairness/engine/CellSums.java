package org.fairkd.fairness.engine;

import org.fairkd.fairness.cells.FineCells;
import org.fairkd.fairness.cells.FineMoment;
import org.fairkd.fairness.cells.SliceSums;
import org.fairkd.fairness.slices.Slice;

/**
 * The per-slice sums {@link CellRowStats} reads, slice by index (Quantities order) and slice: from
 * unit-weight {@link FineCells} ({@link Fine}) or weighted / soft-membership {@link SliceSums}
 * ({@link Weighted}).
 */
interface CellSums {
  /** Members (the row engine's count of a slice's rows). */
  double members(int si, Slice s);

  /** Members with u &gt; 0 (the row engine's sample of a slice). */
  double positiveMembers(int si, Slice s);

  /** Σu. */
  double weight(int si, Slice s);

  /** Σu². */
  double weightSq(int si, Slice s);

  /** {Σuv, Σu²v, Σu²v², Σuv²} of a {@link SliceSums} value id. */
  double[] value(int si, Slice s, int v);

  /** Σu²s₁s₂. */
  double crossSq(int si, Slice s);

  /** {Σu⁻, Σu⁺, Σu²⁻, Σu²⁺, min, max} per bin of model m. */
  double[][] histogram(int si, Slice s, int m);

  /** Members with label y. */
  double labelMembers(int si, Slice s, int y);

  /** Unit weights: a slice's sums are its fine groups' (Σu = Σu² = n). */
  record Fine(FineCells cells) implements CellSums {
    private double sum(Slice slice, FineMoment k) {
      double s = 0;
      for (int f : slice.fine()) {
        s += cells.fineMoments()[k.ordinal()][f];
      }
      return s;
    }

    @Override
    public double members(int si, Slice s) {
      return sum(s, FineMoment.N);
    }

    @Override
    public double positiveMembers(int si, Slice s) {
      return members(si, s);
    }

    @Override
    public double weight(int si, Slice s) {
      return members(si, s);
    }

    @Override
    public double weightSq(int si, Slice s) {
      return members(si, s);
    }

    @Override
    public double[] value(int si, Slice s, int v) {
      FineMoment[] k =
          switch (v) {
            case SliceSums.S1 -> new FineMoment[] {FineMoment.S1, FineMoment.S1_SQ};
            case SliceSums.B1 -> new FineMoment[] {FineMoment.B1, FineMoment.B1_SQ};
            case SliceSums.S2 -> new FineMoment[] {FineMoment.S2, FineMoment.S2_SQ};
            case SliceSums.B2 -> new FineMoment[] {FineMoment.B2, FineMoment.B2_SQ};
            case SliceSums.DS -> new FineMoment[] {FineMoment.DS, FineMoment.DS_SQ};
            case SliceSums.DB -> new FineMoment[] {FineMoment.DB, FineMoment.DB_SQ};
            default -> new FineMoment[] {FineMoment.KL, FineMoment.KL_SQ};
          };
      double a = sum(s, k[0]);
      double b = sum(s, k[1]);
      return new double[] {a, a, b, b};
    }

    @Override
    public double crossSq(int si, Slice s) {
      return sum(s, FineMoment.S1_S2);
    }

    @Override
    public double[][] histogram(int si, Slice slice, int m) {
      int res = cells.resolution();
      double[][] h = new double[6][res];
      java.util.Arrays.fill(h[4], Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(h[5], Double.NEGATIVE_INFINITY);
      for (int f : slice.fine()) {
        for (int b = 0; b < res; b++) {
          int k = f * res + b;
          h[0][b] += cells.histogram()[m][0][k];
          h[1][b] += cells.histogram()[m][1][k];
          h[4][b] = Math.min(h[4][b], cells.histogramMin()[m][k]);
          h[5][b] = Math.max(h[5][b], cells.histogramMax()[m][k]);
        }
      }
      h[2] = h[0];
      h[3] = h[1];
      return h;
    }

    @Override
    public double labelMembers(int si, Slice s, int y) {
      double n = 0;
      for (double c : histogram(si, s, 0)[y]) {
        n += c;
      }
      return n;
    }
  }

  /** Weights or soft membership: sums per slice. */
  record Weighted(SliceSums sums) implements CellSums {
    @Override
    public double members(int si, Slice s) {
      return sums.members(si);
    }

    @Override
    public double positiveMembers(int si, Slice s) {
      return sums.positiveMembers(si);
    }

    @Override
    public double weight(int si, Slice s) {
      return sums.weight(si);
    }

    @Override
    public double weightSq(int si, Slice s) {
      return sums.weightSq(si);
    }

    @Override
    public double[] value(int si, Slice s, int v) {
      return sums.value(si, v);
    }

    @Override
    public double crossSq(int si, Slice s) {
      return sums.crossSq(si);
    }

    @Override
    public double[][] histogram(int si, Slice s, int m) {
      int res = sums.resolution();
      double[][] h = new double[6][res];
      for (int b = 0; b < res; b++) {
        for (int y = 0; y < 2; y++) {
          h[y][b] = sums.histogram(m, y, si, b, false);
          h[2 + y][b] = sums.histogram(m, y, si, b, true);
        }
        h[4][b] = sums.histogramMin(m, si, b);
        h[5][b] = sums.histogramMax(m, si, b);
      }
      return h;
    }

    @Override
    public double labelMembers(int si, Slice s, int y) {
      return sums.members(si, y);
    }
  }
}
