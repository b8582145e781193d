package org.fairkd.fairness.engine;

import java.io.Serializable;
import java.util.function.Consumer;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.stats.PoissonDraws;

/**
 * The weighted / soft-membership bootstrap's sums in one pass over the rows: the point {@link
 * Tally} and, replicate-major, every Poisson(1) replicate's tally (each row gets the multiplicities
 * of {@link PoissonDraws} for its global index). Sums are additive, so a distributed engine fills
 * one per partition (rows with their global indices) and merges them; the row engine fills one.
 */
public final class PoissonTally implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int BINS = Tally.BINS;

  /** Upper bound on the replicate-major tally (doubles), about 400 MB. */
  private static final long MAX_CELLS = 50_000_000L;

  private final int fine;
  private final int models;
  private final int reps;
  private final long seed;
  private final double[] pointCnt;
  private final double[] pointBinS;
  private final double[] pointBinY;
  private final double[] cnt;
  private final double[] binS;
  private final double[] binY;
  private transient PoissonDraws draws;
  private transient int[] mult;

  /**
   * Empty sums.
   *
   * @param fine number of fine groups
   * @param models 1, or 2 with a compared model
   * @param replicates bootstrap replicates
   * @param seed the bootstrap seed
   */
  public PoissonTally(int fine, int models, int replicates, long seed) {
    long size = (long) fine * (8 + 2L * models * BINS) * replicates;
    if (size > MAX_CELLS) {
      throw new FairnessException(
          "weighted/soft bootstrap needs "
              + size
              + " cells ("
              + fine
              + " attribute cells × "
              + replicates
              + " replicates): use fewer groups or fewer replicates");
    }
    this.fine = fine;
    this.models = models;
    this.reps = replicates;
    this.seed = seed;
    pointCnt = new double[fine * 8];
    pointBinS = new double[models * fine * BINS];
    pointBinY = new double[models * fine * BINS];
    cnt = new double[fine * 8 * replicates];
    binS = new double[models * fine * BINS * replicates];
    binY = new double[models * fine * BINS * replicates];
  }

  /**
   * Adds one row.
   *
   * @param row the row's global index (0-based, in input order)
   * @param n number of fine groups the row belongs to
   * @param fines its fine groups (first n)
   * @param weights its weight in each (row weight × membership)
   * @param y label (1 favourable)
   * @param d1 primary decision
   * @param d2 compared decision (0 with one model)
   * @param bins calibration bin per model
   * @param scores score per model
   */
  public void add(
      long row,
      int n,
      int[] fines,
      double[] weights,
      int y,
      int d1,
      int d2,
      int[] bins,
      double[] scores) {
    if (draws == null) {
      draws = new PoissonDraws(seed, reps);
      mult = new int[reps];
    }
    if (reps > 0) {
      draws.draw(row, mult);
    }
    for (int j = 0; j < n; j++) {
      int f = fines[j];
      double w = weights[j];
      int k = f * 8 + y * 4 + d1 * 2 + d2;
      pointCnt[k] += w;
      int ci = k * reps;
      for (int b = 0; b < reps; b++) {
        cnt[ci + b] += mult[b] * w;
      }
      for (int m = 0; m < models; m++) {
        int c = (m * fine + f) * BINS + bins[m];
        double ws = w * scores[m];
        double wy = w * y;
        pointBinS[c] += ws;
        pointBinY[c] += wy;
        int bi = c * reps;
        for (int b = 0; b < reps; b++) {
          binS[bi + b] += mult[b] * ws;
          binY[bi + b] += mult[b] * wy;
        }
      }
    }
  }

  /** Adds another partition's sums into this one and returns this. */
  public PoissonTally merge(PoissonTally o) {
    add(pointCnt, o.pointCnt);
    add(pointBinS, o.pointBinS);
    add(pointBinY, o.pointBinY);
    add(cnt, o.cnt);
    add(binS, o.binS);
    add(binY, o.binY);
    return this;
  }

  private static void add(double[] into, double[] from) {
    for (int k = 0; k < into.length; k++) {
      into[k] += from[k];
    }
  }

  /** Weight of fine group f (all labels and decisions). */
  public double fineWeight(int f) {
    double s = 0;
    for (int k = 0; k < 8; k++) {
      s += pointCnt[f * 8 + k];
    }
    return s;
  }

  /** The point tally. */
  Tally point() {
    Tally t = new Tally(fine, models, true);
    System.arraycopy(pointCnt, 0, t.cnt, 0, pointCnt.length);
    for (int m = 0; m < models; m++) {
      System.arraycopy(pointBinS, m * fine * BINS, t.binS[m], 0, fine * BINS);
      System.arraycopy(pointBinY, m * fine * BINS, t.binY[m], 0, fine * BINS);
    }
    return t;
  }

  /** Hands each replicate's tally to {@code sink}, in replicate order. */
  void replicates(boolean hasScores, Consumer<Tally> sink) {
    for (int b = 0; b < reps; b++) {
      Tally t = new Tally(fine, models, hasScores);
      for (int c = 0; c < fine * 8; c++) {
        t.cnt[c] = cnt[c * reps + b];
      }
      for (int m = 0; m < models; m++) {
        for (int c = 0; c < fine * BINS; c++) {
          t.binS[m][c] = binS[(m * fine * BINS + c) * reps + b];
          t.binY[m][c] = binY[(m * fine * BINS + c) * reps + b];
        }
      }
      sink.accept(t);
    }
  }
}
