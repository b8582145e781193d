package org.fairkd.kd.reasons;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Shapley values over raw features of any score function (e.g. a teacher ensemble's {@code
 * predictFavourable}), in margin (log-odds) space against one {@link ReferencePoint}: the value of
 * a coalition S is {@code logit(f(x_S, r_rest))}, the applicant's slots for the features in S and
 * the reference's elsewhere (baseline Shapley).
 *
 * <p>Exact with at most {@value #EXACT_MAX_FEATURES} features: every one of the {@code 2^G}
 * coalitions is scored (in batches), {@code φ_g = Σ_{S∌g} |S|!(G−|S|−1)!/G! · (v(S∪g) − v(S))}.
 * With more features, {@code permutations} random orderings (each with its reverse, antithetic),
 * averaging marginal contributions; seeded. Both add up exactly to {@code v(all) − v(none) = margin
 * − referenceMargin} (each ordering telescopes). Probabilities are clipped to {@code [1e-12, 1 −
 * 1e-12]} before the logit.
 */
public final class ShapleyAttributor {
  /** The largest feature count computed exactly. */
  public static final int EXACT_MAX_FEATURES = 12;

  private static final int BATCH_ROWS = 1 << 16;
  private final Function<float[][], double[]> score;
  private final FeatureGroups groups;
  private final float[] reference;
  private final int permutations;
  private final long seed;

  /**
   * @param score P(favourable) of encoded rows
   * @param groups the raw features
   * @param reference the reference point
   * @param permutations ordering pairs per applicant when sampling (more than {@value
   *     #EXACT_MAX_FEATURES} features)
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
  }

  /** Whether the values are exact (few features) rather than sampled. */
  public boolean exact() {
    return groups.count() <= EXACT_MAX_FEATURES;
  }

  /** The method, for reports. */
  public String method() {
    return exact()
        ? "exact Shapley values of the log-odds over raw features (all coalitions)"
        : "sampled Shapley values of the log-odds over raw features ("
            + 2 * permutations
            + " antithetic orderings per applicant)";
  }

  /** Contributions for each encoded applicant. */
  public List<Attribution> attribute(float[][] x) {
    List<Attribution> out = new ArrayList<>(x.length);
    int g = groups.count();
    int perRow = exact() ? 1 << g : 2 * permutations * (g + 1);
    int chunk = Math.max(1, BATCH_ROWS / perRow);
    Random rng = new Random(seed);
    for (int from = 0; from < x.length; from += chunk) {
      int to = Math.min(x.length, from + chunk);
      if (exact()) {
        exactChunk(x, from, to, out);
      } else {
        sampledChunk(x, from, to, rng, out);
      }
    }
    return out;
  }

  private void exactChunk(float[][] x, int from, int to, List<Attribution> out) {
    int g = groups.count();
    int coalitions = 1 << g;
    float[][] rows = new float[(to - from) * coalitions][];
    for (int a = from; a < to; a++) {
      for (int s = 0; s < coalitions; s++) {
        rows[(a - from) * coalitions + s] = mixed(x[a], s);
      }
    }
    double[] v = logits(score.apply(rows));
    double[] weight = new double[g];
    for (int size = 0; size < g; size++) {
      weight[size] = Math.exp(logFactorial(size) + logFactorial(g - size - 1) - logFactorial(g));
    }
    for (int a = from; a < to; a++) {
      int base = (a - from) * coalitions;
      double[] phi = new double[g];
      for (int s = 0; s < coalitions; s++) {
        int size = Integer.bitCount(s);
        for (int f = 0; f < g; f++) {
          if ((s & (1 << f)) == 0) {
            phi[f] += weight[size] * (v[base + (s | (1 << f))] - v[base + s]);
          }
        }
      }
      out.add(new Attribution(phi, v[base + coalitions - 1], v[base]));
    }
  }

  private void sampledChunk(float[][] x, int from, int to, Random rng, List<Attribution> out) {
    int g = groups.count();
    int orderings = 2 * permutations;
    int[][][] order = new int[to - from][orderings][];
    List<float[]> rows = new ArrayList<>();
    for (int a = from; a < to; a++) {
      for (int p = 0; p < permutations; p++) {
        int[] perm = shuffled(g, rng);
        int[] rev = new int[g];
        for (int i = 0; i < g; i++) {
          rev[i] = perm[g - 1 - i];
        }
        order[a - from][2 * p] = perm;
        order[a - from][2 * p + 1] = rev;
      }
      for (int[] perm : order[a - from]) {
        float[] row = reference.clone();
        rows.add(row.clone());
        for (int f : perm) {
          for (int i = groups.start()[f]; i < groups.end()[f]; i++) {
            row[i] = x[a][i];
          }
          rows.add(row.clone());
        }
      }
    }
    double[] v = logits(score.apply(rows.toArray(new float[0][])));
    int k = 0;
    for (int a = from; a < to; a++) {
      double[] phi = new double[g];
      double top = 0;
      double bottom = 0;
      for (int[] perm : order[a - from]) {
        bottom = v[k];
        for (int step = 0; step < g; step++) {
          phi[perm[step]] += (v[k + step + 1] - v[k + step]) / orderings;
        }
        top = v[k + g];
        k += g + 1;
      }
      out.add(new Attribution(phi, top, bottom));
    }
  }

  private float[] mixed(float[] x, int coalition) {
    float[] row = reference.clone();
    for (int f = 0; f < groups.count(); f++) {
      if ((coalition & (1 << f)) != 0) {
        for (int i = groups.start()[f]; i < groups.end()[f]; i++) {
          row[i] = x[i];
        }
      }
    }
    return row;
  }

  private static int[] shuffled(int n, Random rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
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

  private static double logFactorial(int n) {
    double s = 0;
    for (int i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }
}
