package org.fairkd.kd.reasons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;

/**
 * Shapley values over raw features of any score function (a teacher ensemble's {@code
 * predictFavourable}, or the portable student's scoring), in margin (log-odds) space against one
 * {@link ReferencePoint}: the value of a coalition S is {@code logit(f(x_S, r_rest))}, the
 * applicant's slots for the features in S and the reference's elsewhere (baseline Shapley). The
 * same estimator, groups and reference for the student and the teacher make their reasons
 * comparable.
 *
 * <p>A feature whose slots all equal the reference's is a null player (adding it changes no
 * coalition's value): its value is exactly 0 and it is left out of the game. Over the m features
 * that differ, the values are exact when m ≤ {@value #EXACT_MAX_FEATURES}: every one of the {@code
 * 2^m} coalitions is scored (in batches), {@code φ_g = Σ_{S∌g} |S|!(m−|S|−1)!/m! · (v(S∪g) −
 * v(S))}. With more, {@code permutations} random orderings of them (each with its reverse,
 * antithetic), averaging marginal contributions; seeded. Both add up exactly to {@code v(all) −
 * v(none) = margin − referenceMargin} (each ordering telescopes). Probabilities are clipped to
 * {@code [1e-12, 1 − 1e-12]} before the logit.
 */
public final class ShapleyAttributor {
  /** The largest number of differing features computed exactly. */
  public static final int EXACT_MAX_FEATURES = 12;

  private static final int BATCH_ROWS = 1 << 16;
  private final Function<float[][], double[]> score;
  private final FeatureGroups groups;
  private final float[] reference;
  private final int permutations;
  private final long seed;
  private final StudentCoalitions coalitions; // the student's exact path, or null
  private final int threads;

  /**
   * @param score P(favourable) of encoded rows
   * @param groups the raw features
   * @param reference the reference point
   * @param permutations ordering pairs per applicant when sampling (more than {@value
   *     #EXACT_MAX_FEATURES} differing features)
   * @param seed seed of the sampled orderings
   */
  public ShapleyAttributor(
      Function<float[][], double[]> score,
      FeatureGroups groups,
      ReferencePoint reference,
      int permutations,
      long seed) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
    }
    this.score = score;
    this.groups = groups;
    this.reference = reference.x().clone();
    this.permutations = permutations;
    this.seed = seed;
    this.coalitions = null;
    this.threads = 1;
  }

  private ShapleyAttributor(
      PortableStudent student, ReferencePoint reference, int permutations, long seed, int threads) {
    if (permutations < 1) {
      throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.score = new PortableScorer(student)::scoreEncoded;
    this.groups = FeatureGroups.of(student.encoder());
    this.reference = reference.x().clone();
    this.permutations = permutations;
    this.seed = seed;
    this.coalitions = new StudentCoalitions(student, groups, reference.x());
    this.threads = threads;
  }

  /**
   * The same estimator for the portable student (its encoder's columns are the features), with the
   * exact path computed by {@link StudentCoalitions} (the margin of every coalition from the
   * network's weights, no rows scored) on all available processors, and the sampled path by its
   * scorer.
   */
  public static ShapleyAttributor ofStudent(
      PortableStudent student, ReferencePoint reference, int permutations, long seed) {
    return ofStudent(
        student, reference, permutations, seed, Runtime.getRuntime().availableProcessors());
  }

  /**
   * {@link #ofStudent(PortableStudent, ReferencePoint, int, long)} on {@code threads} threads; the
   * values do not depend on the number of threads (each applicant's are computed alone).
   */
  public static ShapleyAttributor ofStudent(
      PortableStudent student, ReferencePoint reference, int permutations, long seed, int threads) {
    return new ShapleyAttributor(student, reference, permutations, seed, threads);
  }

  /** The raw features attributed to. */
  public FeatureGroups groups() {
    return groups;
  }

  /** Whether every applicant's values are exact (few enough features to never sample). */
  public boolean exact() {
    return groups.count() <= EXACT_MAX_FEATURES;
  }

  /** The method, for reports. */
  public String method() {
    return exact()
        ? "exact Shapley values of the log-odds over raw features (all coalitions of the features"
            + " that differ from the reference)"
        : "Shapley values of the log-odds over raw features: exact (all coalitions) when at most "
            + EXACT_MAX_FEATURES
            + " features differ from the reference, else "
            + 2 * permutations
            + " seeded antithetic orderings per applicant";
  }

  /**
   * Contributions for each encoded applicant, in order. Thread-safe for a function-scored
   * attributor's {@code score}; the student's exact path gives each worker thread its own buffers.
   */
  public List<Attribution> attribute(float[][] x) {
    Attribution[] out = new Attribution[x.length];
    int[][] active = new int[x.length][];
    for (int a = 0; a < x.length; a++) {
      active[a] = differing(x[a]);
    }
    if (coalitions != null) {
      ExactInParallel.run(
          x.length,
          threads,
          coalitions::withOwnBuffers,
          (c, a) -> {
            if (active[a].length <= EXACT_MAX_FEATURES) {
              out[a] = c.attribute(x[a], active[a]);
            }
          });
    }
    Random rng = new Random(seed);
    List<Game> pending = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    for (int a = 0; a < x.length; a++) {
      if (out[a] != null) {
        continue;
      }
      Game game =
          active[a].length <= EXACT_MAX_FEATURES
              ? exactGame(a, x[a], active[a], rows)
              : sampledGame(a, x[a], active[a], rows, rng);
      pending.add(game);
      if (rows.size() >= BATCH_ROWS) {
        flush(pending, rows, out);
      }
    }
    flush(pending, rows, out);
    return Arrays.asList(out);
  }

  /** One applicant's scored rows: where they start in the batch and how to read them. */
  private record Game(int applicant, int[] active, int first, int[][] orderings) {}

  private void flush(List<Game> pending, List<float[]> rows, Attribution[] out) {
    if (pending.isEmpty()) {
      return;
    }
    double[] v = logits(score.apply(rows.toArray(new float[0][])));
    for (Game g : pending) {
      out[g.applicant()] =
          g.orderings() == null ? exactValues(g.active(), v, g.first()) : sampledValues(g, v);
    }
    pending.clear();
    rows.clear();
  }

  private int[] differing(float[] x) {
    int[] active = new int[groups.count()];
    int m = 0;
    for (int f = 0; f < groups.count(); f++) {
      for (int i = groups.start()[f]; i < groups.end()[f]; i++) {
        if (x[i] != reference[i]) {
          active[m++] = f;
          break;
        }
      }
    }
    return Arrays.copyOf(active, m);
  }

  private Game exactGame(int a, float[] x, int[] active, List<float[]> rows) {
    int first = rows.size();
    for (int s = 0; s < 1 << active.length; s++) {
      float[] row = reference.clone();
      for (int q = 0; q < active.length; q++) {
        if ((s & (1 << q)) != 0) {
          copy(x, row, active[q]);
        }
      }
      rows.add(row);
    }
    return new Game(a, active, first, null);
  }

  /** The values of the game whose coalition s has value {@code v[base + s]}. */
  private Attribution exactValues(int[] active, double[] v, int base) {
    int m = active.length;
    double[] values = new double[m];
    CoalitionShapley.values(v, base, m, values);
    double[] phi = new double[groups.count()];
    for (int q = 0; q < m; q++) {
      phi[active[q]] = values[q];
    }
    return new Attribution(phi, v[base + (1 << m) - 1], v[base]);
  }

  private Game sampledGame(int a, float[] x, int[] active, List<float[]> rows, Random rng) {
    int m = active.length;
    int[][] orderings = new int[2 * permutations][];
    for (int p = 0; p < permutations; p++) {
      int[] perm = shuffled(active, rng);
      int[] rev = new int[m];
      for (int i = 0; i < m; i++) {
        rev[i] = perm[m - 1 - i];
      }
      orderings[2 * p] = perm;
      orderings[2 * p + 1] = rev;
    }
    int first = rows.size();
    for (int[] perm : orderings) {
      float[] row = reference.clone();
      rows.add(row.clone());
      for (int f : perm) {
        copy(x, row, f);
        rows.add(row.clone());
      }
    }
    return new Game(a, active, first, orderings);
  }

  private Attribution sampledValues(Game g, double[] v) {
    int m = g.active().length;
    double[] phi = new double[groups.count()];
    int k = g.first();
    for (int[] perm : g.orderings()) {
      for (int step = 0; step < m; step++) {
        phi[perm[step]] += (v[k + step + 1] - v[k + step]) / g.orderings().length;
      }
      k += m + 1;
    }
    return new Attribution(phi, v[g.first() + m], v[g.first()]);
  }

  private void copy(float[] from, float[] to, int feature) {
    for (int i = groups.start()[feature]; i < groups.end()[feature]; i++) {
      to[i] = from[i];
    }
  }

  private static int[] shuffled(int[] items, Random rng) {
    int[] p = items.clone();
    for (int i = p.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static double[] logits(double[] p) {
    double[] z = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      double q = Math.min(1 - 1e-12, Math.max(1e-12, p[i]));
      z[i] = Math.log(q / (1 - q));
    }
    return z;
  }
}
