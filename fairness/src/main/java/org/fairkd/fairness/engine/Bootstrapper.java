package org.fairkd.fairness.engine;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.cells.FineCells;
import org.fairkd.fairness.slices.SliceSpace;
import org.fairkd.fairness.stats.BinomialSampler;

/**
 * Builds the point {@link Tally} and bootstrap replicate tallies.
 *
 * <p>Hard groups with unit weights: rows are aggregated once into atoms (fine group × label ×
 * decisions × score bins); a Multinomial(n, n_c/n) draw of atom counts is exactly the row bootstrap
 * for every count. Within an atom of k drawn rows the sum of scores (used only by the calibration
 * error) is drawn from the normal with the atom's mean and (co)variance times k (moment matching,
 * an approximation). With row weights or soft membership atoms are not exchangeable units, so rows
 * are resampled with a one-pass Poisson(1) bootstrap (each row gets an independent Poisson(1)
 * multiplicity per replicate), which is exact for every sum.
 */
final class Bootstrapper {
  private final FairnessInput in;
  private final SliceSpace space;
  private final double[][] scores;
  private final boolean[][] decisions;
  private final boolean hasScores;
  private final int models;
  private final int rows;
  private PoissonTally tally; // weighted / soft sums made elsewhere, or null

  Bootstrapper(FairnessInput in, SliceSpace space, double[][] scores, boolean[][] decisions) {
    this.in = in;
    this.space = space;
    this.scores = scores;
    this.decisions = decisions;
    this.hasScores = scores[0] != null;
    this.models = decisions.length;
    this.rows = in.rows();
  }

  /**
   * A bootstrapper over atoms aggregated elsewhere ({@link FineCells}: hard groups, unit weights,
   * scores); {@code in} carries the settings only.
   */
  Bootstrapper(FairnessInput in, SliceSpace space, FineCells cells) {
    this.in = in;
    this.space = space;
    this.scores = null;
    this.decisions = null;
    this.hasScores = true;
    this.models = cells.models();
    this.rows = cells.rows();
    this.atoms = new Atoms(cells.atomCells(), cells.atomMoments());
  }

  /**
   * A bootstrapper over weighted / soft-membership sums made elsewhere (point and Poisson replicate
   * tallies, scores); {@code in} carries the settings only.
   */
  Bootstrapper(FairnessInput in, SliceSpace space, int models, PoissonTally tally) {
    this.in = in;
    this.space = space;
    this.scores = null;
    this.decisions = null;
    this.hasScores = true;
    this.models = models;
    this.rows = 0;
    this.tally = tally;
  }

  private int models() {
    return models;
  }

  /** The method name used for the JSON config. */
  String method() {
    if (in.bootstrap() == 0) {
      return "none";
    }
    return in.isUnitHard() ? "multinomial_cells" : "poisson_rows";
  }

  private Tally newTally() {
    return new Tally(space.fineCount(), models(), hasScores);
  }

  /** The tally of all rows. */
  Tally point() {
    if (in.isUnitHard()) {
      return atoms().pointTally();
    }
    if (tally != null) {
      return tally.point();
    }
    Tally t = newTally();
    int[] bins = new int[models()];
    double[] s = new double[models()];
    for (int i = 0; i < in.rows(); i++) {
      final int row = i;
      rowState(row, bins, s);
      int y = in.labels()[row] ? 1 : 0;
      int d1 = decisions[0][row] ? 1 : 0;
      int d2 = models() > 1 && decisions[1][row] ? 1 : 0;
      double w = in.weight(row);
      space.forEachFine(row, (f, p) -> t.add(f, y, d1, d2, w * p, bins, s));
    }
    return t;
  }

  private void rowState(int row, int[] bins, double[] s) {
    for (int m = 0; m < models(); m++) {
      s[m] = hasScores ? scores[m][row] : 0;
      bins[m] = hasScores ? Tally.bin(s[m]) : 0;
    }
  }

  /** Runs {@code in.bootstrap()} replicates, handing each replicate tally to {@code sink}. */
  void replicates(Consumer<Tally> sink) {
    if (in.bootstrap() == 0) {
      return;
    }
    if (in.isUnitHard()) {
      multinomial(new SplittableRandom(in.seed()), sink);
    } else {
      poisson(sink);
    }
  }

  private Atoms atoms;

  /**
   * Rows aggregated to atoms (fine group × y × ŷ₁ × ŷ₂ × score bin₁ [× bin₂]) with moment sums n,
   * Σs₁, Σs₁², Σs₂, Σs₂², Σs₁s₂.
   */
  private final class Atoms {
    final int bins2 = hasScores ? Tally.BINS : 1;
    final int bPer = models() > 1 ? bins2 : 1;
    final int per = 8 * bins2 * bPer;

    /** Moment sums per non-empty atom (compact index). */
    double[][] mom = new double[6][64];

    /** Cell id of each non-empty atom. */
    int[] nonEmpty = new int[64];

    int count;

    Atoms(int[] cells, double[][] moments) {
      nonEmpty = cells;
      mom = moments;
      count = cells.length;
    }

    Atoms() {
      int cells = Math.multiplyExact(space.fineCount(), per);
      int[] index = new int[cells];
      java.util.Arrays.fill(index, -1);
      int[] bins = new int[models()];
      double[] s = new double[models()];
      for (int i = 0; i < in.rows(); i++) {
        rowState(i, bins, s);
        int y = in.labels()[i] ? 1 : 0;
        int d1 = decisions[0][i] ? 1 : 0;
        int d2 = models() > 1 && decisions[1][i] ? 1 : 0;
        int b2 = models() > 1 ? bins[1] : 0;
        int c =
            hasScores
                ? FineCells.atom(models(), space.hardFine(i), y, d1, d2, bins[0], b2)
                : space.hardFine(i) * per + (y * 4 + d1 * 2 + d2) * bPer + b2;
        int a = index[c];
        if (a < 0) {
          a = index[c] = newAtom(c);
        }
        double s2 = models() > 1 ? s[1] : 0;
        mom[0][a]++;
        mom[1][a] += s[0];
        mom[2][a] += s[0] * s[0];
        mom[3][a] += s2;
        mom[4][a] += s2 * s2;
        mom[5][a] += s[0] * s2;
      }
      nonEmpty = java.util.Arrays.copyOf(nonEmpty, count);
    }

    private int newAtom(int cell) {
      if (count == nonEmpty.length) {
        nonEmpty = java.util.Arrays.copyOf(nonEmpty, 2 * count);
        for (int k = 0; k < mom.length; k++) {
          mom[k] = java.util.Arrays.copyOf(mom[k], 2 * count);
        }
      }
      nonEmpty[count] = cell;
      return count++;
    }

    /** Adds k rows of atom c with per-model mean scores {@code means}. */
    void add(Tally t, int c, double k, double[] means, int[] rb) {
      int r = c % per;
      rb[0] = (r / bPer) % bins2;
      int key = r / bPer / bins2;
      if (models() > 1) {
        rb[1] = r % bPer;
      }
      t.add(c / per, key >> 2, (key >> 1) & 1, key & 1, k, rb, means);
    }

    Tally pointTally() {
      Tally t = newTally();
      int[] rb = new int[models()];
      double[] means = new double[models()];
      for (int a = 0; a < count; a++) {
        means[0] = mom[1][a] / mom[0][a];
        if (models() > 1) {
          means[1] = mom[3][a] / mom[0][a];
        }
        add(t, nonEmpty[a], mom[0][a], means, rb);
      }
      return t;
    }
  }

  private Atoms atoms() {
    if (atoms == null) {
      atoms = new Atoms();
    }
    return atoms;
  }

  private void multinomial(SplittableRandom rng, Consumer<Tally> sink) {
    Atoms at = atoms();
    double[][] mom = at.mom;
    double[] probs = new double[at.nonEmpty.length];
    for (int a = 0; a < probs.length; a++) {
      probs[a] = mom[0][a] / rows;
    }
    int[] draw = new int[probs.length];
    BinomialSampler sampler = new BinomialSampler(rows);
    int[] rb = new int[models()];
    double[] rs = new double[models()];
    for (int b = 0; b < in.bootstrap(); b++) {
      sampler.multinomial(rows, probs, draw, rng);
      Tally t = newTally();
      for (int a = 0; a < probs.length; a++) {
        if (draw[a] > 0) {
          sampleSums(mom, a, draw[a], rng, rs);
          at.add(t, at.nonEmpty[a], draw[a], rs, rb);
        }
      }
      sink.accept(t);
    }
  }

  /**
   * Moment-matched mean score per model of k rows drawn from atom a (compact index) (Tally.add
   * multiplies by k).
   */
  private void sampleSums(double[][] mom, int c, int k, SplittableRandom rng, double[] out) {
    if (!hasScores) {
      return;
    }
    double n = mom[0][c];
    double m1 = mom[1][c] / n;
    double v1 = Math.max(0, mom[2][c] / n - m1 * m1);
    double z1 = rng.nextGaussian();
    out[0] = clamp(m1 + Math.sqrt(v1 / k) * z1);
    if (models() > 1) {
      double m2 = mom[3][c] / n;
      double v2 = Math.max(0, mom[4][c] / n - m2 * m2);
      double cov = mom[5][c] / n - m1 * m2;
      double rho = v1 > 0 && v2 > 0 ? Math.max(-1, Math.min(1, cov / Math.sqrt(v1 * v2))) : 0;
      double z2 = rng.nextGaussian();
      out[1] = clamp(m2 + Math.sqrt(v2 / k) * (rho * z1 + Math.sqrt(1 - rho * rho) * z2));
    }
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }

  /**
   * One pass over the rows into a {@link PoissonTally}: per row one Poisson(1) multiplicity per
   * replicate ({@link org.fairkd.fairness.stats.PoissonDraws}, from the seed and the row's index).
   */
  private void poisson(Consumer<Tally> sink) {
    if (tally != null) {
      tally.replicates(hasScores, sink);
      return;
    }
    int fine = space.fineCount();
    int models = models();
    PoissonTally t = new PoissonTally(fine, models, in.bootstrap(), in.seed());
    int[] rowBins = new int[models];
    double[] s = new double[models];
    int[] fines = new int[fine];
    double[] fw = new double[fine];
    for (int i = 0; i < in.rows(); i++) {
      rowState(i, rowBins, s);
      int y = in.labels()[i] ? 1 : 0;
      int d1 = decisions[0][i] ? 1 : 0;
      int d2 = models > 1 && decisions[1][i] ? 1 : 0;
      double w = in.weight(i);
      int[] nf = {0};
      space.forEachFine(
          i,
          (f, m) -> {
            fines[nf[0]] = f;
            fw[nf[0]++] = w * m;
          });
      t.add(i, nf[0], fines, fw, y, d1, d2, rowBins, s);
    }
    t.replicates(hasScores, sink);
  }
}
