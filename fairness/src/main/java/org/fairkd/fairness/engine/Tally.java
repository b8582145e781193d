package org.fairkd.fairness.engine;

import org.fairkd.fairness.metrics.Counts;

/**
 * Weighted counts per fine group: confusion cells {@code [fine][y][ŷ_primary][ŷ_compared]} and, per
 * model, per-score-bin sums of w·s and w·y for calibration. Every slice's {@link Counts} is a sum
 * over its fine groups.
 */
final class Tally {
  static final int BINS = org.fairkd.fairness.cells.FineCells.CALIBRATION_BINS;
  final int fine;
  final double[] cnt;
  final double[][] binS;
  final double[][] binY;
  final boolean hasScores;

  Tally(int fine, int models, boolean hasScores) {
    this.fine = fine;
    this.hasScores = hasScores;
    cnt = new double[fine * 8];
    binS = new double[models][fine * BINS];
    binY = new double[models][fine * BINS];
  }

  static int bin(double score) {
    return org.fairkd.fairness.cells.FineCells.calibrationBin(score);
  }

  /** Adds weight w of a row (label y, decisions d1, d2, score bins/scores per model). */
  void add(int f, int y, int d1, int d2, double w, int[] bins, double[] scores) {
    cnt[f * 8 + y * 4 + d1 * 2 + d2] += w;
    for (int m = 0; m < binS.length; m++) {
      binS[m][f * BINS + bins[m]] += w * scores[m];
      binY[m][f * BINS + bins[m]] += w * y;
    }
  }

  /** Counts of model {@code m} over the given fine groups. */
  Counts counts(int[] fineGroups, int m) {
    double[] c = new double[4];
    double[] s = new double[BINS];
    double[] l = new double[BINS];
    for (int f : fineGroups) {
      int base = f * 8;
      for (int y = 0; y < 2; y++) {
        for (int d1 = 0; d1 < 2; d1++) {
          for (int d2 = 0; d2 < 2; d2++) {
            int d = m == 0 ? d1 : d2;
            c[y * 2 + d] += cnt[base + y * 4 + d1 * 2 + d2];
          }
        }
      }
      for (int b = 0; b < BINS; b++) {
        s[b] += binS[m][f * BINS + b];
        l[b] += binY[m][f * BINS + b];
      }
    }
    return new Counts(c[3], c[1], c[2], c[0], s, l, hasScores);
  }

  /** Weight where both models decide alike, and total weight, over the given fine groups. */
  double[] agreement(int[] fineGroups) {
    double agree = 0;
    double total = 0;
    for (int f : fineGroups) {
      for (int k = 0; k < 8; k++) {
        double w = cnt[f * 8 + k];
        total += w;
        if (((k >> 1) & 1) == (k & 1)) {
          agree += w;
        }
      }
    }
    return new double[] {agree, total};
  }
}
