package org.fairkd.kd.reasons;

import java.util.List;
import org.fairkd.kd.portable.PortableStudent;

/**
 * The exact Shapley values of the portable student's margin {@code z₁ − z₀} (log-odds) for one
 * applicant, over its differing features, for {@link ShapleyAttributor}'s exact path: the margin of
 * every coalition is computed from the network's weights ({@link CoalitionPlan}), without scoring
 * {@code 2^m} rows, then {@link CoalitionShapley} turns the {@code 2^m} margins into the values.
 *
 * <p>The walk: coalition S's first-layer pre-activations are {@code p(S) = a + Σ_{q∈S} D_q} ({@code
 * a = W₁r + b₁}, {@code D_q = W₁(x − r)} over feature q's slots), so the coalitions are visited in
 * Gray-code order (one feature joins or leaves per step) and p, like the plan's linear terms, moves
 * by one vector per step. Per coalition only the plan's unstable first-layer units get a ReLU, and
 * only its unstable second-layer units (every unit beyond two hidden layers) are evaluated:
 *
 * <pre>
 *   v(S) = C + Σ_{q∈S} ℓ_q + Σ_{j∈U₁} u_j·relu(p_j(S)) + Σ_{k∈U₂} m_k·relu(y_k(S)),
 *   y_k(S) = c_k + Σ_{q∈S} L_qk + Σ_{j∈U₁} W₂[k][j]·relu(p_j(S)),
 * </pre>
 *
 * equal to the forward pass on every coalition up to rounding. Holds scratch buffers: one instance
 * per thread ({@link #withOwnBuffers}).
 */
final class StudentCoalitions {
  /** Coalitions are evaluated in blocks of {@code 2^BLOCK_BITS} consecutive Gray-code steps. */
  static final int BLOCK_BITS = 12;

  private final FeatureGroups groups;
  private final float[] reference;
  private final CoalitionPlan.Weights weights;
  private final double[][] laterW; // hidden layers 3.., transposed: [l][i * out + o]
  private final double[][] laterB;
  private final CoalitionPlan plan;
  private final int[] liveFeatures;
  private final double[] pre; // p_j(S) over U₁
  private final double[] linearY; // c_k + Σ_{q∈S} L_qk over U₂
  private final int[] positiveRow; // the units of U₁ with p_j(S) > 0
  private final double[] positiveValue; // their p_j(S)
  private final double[] y; // y_k(S) over U₂
  private final double[][] hidden;
  private final double[] v;
  private final double[] phi;

  StudentCoalitions(PortableStudent student, FeatureGroups groups, float[] reference) {
    this(
        groups,
        reference.clone(),
        CoalitionPlan.Weights.of(student, reference),
        laterWeights(student.layers()),
        laterBiases(student.layers()));
  }

  private StudentCoalitions(
      FeatureGroups groups,
      float[] reference,
      CoalitionPlan.Weights weights,
      double[][] laterW,
      double[][] laterB) {
    this.groups = groups;
    this.reference = reference;
    this.weights = weights;
    this.laterW = laterW;
    this.laterB = laterB;
    hidden = new double[laterB.length][];
    for (int l = 0; l < laterB.length; l++) {
      hidden[l] = new double[laterB[l].length];
    }
    int max = ShapleyAttributor.EXACT_MAX_FEATURES;
    plan = new CoalitionPlan(weights, max);
    liveFeatures = new int[max];
    pre = new double[weights.h1()];
    linearY = new double[weights.h2()];
    positiveRow = new int[weights.h1()];
    positiveValue = new double[weights.h1()];
    y = new double[weights.h2()];
    v = new double[1 << max];
    phi = new double[max];
  }

  /** A copy sharing the weights, with its own scratch buffers (for another thread). */
  StudentCoalitions withOwnBuffers() {
    return new StudentCoalitions(groups, reference, weights, laterW, laterB);
  }

  /** Hidden layers 3.. (those above the second), transposed. */
  private static double[][] laterWeights(List<PortableStudent.Layer> layers) {
    int later = Math.max(0, layers.size() - 3);
    double[][] w = new double[later][];
    for (int l = 0; l < later; l++) {
      w[l] = transposed(layers.get(l + 2).weights());
    }
    return w;
  }

  private static double[][] laterBiases(List<PortableStudent.Layer> layers) {
    int later = Math.max(0, layers.size() - 3);
    double[][] b = new double[later][];
    for (int l = 0; l < later; l++) {
      float[] bias = layers.get(l + 2).bias();
      b[l] = new double[bias.length];
      for (int o = 0; o < bias.length; o++) {
        b[l][o] = bias[o];
      }
    }
    return b;
  }

  /**
   * The exact Shapley values over the features {@code active} (those that differ from the
   * reference, at most {@value ShapleyAttributor#EXACT_MAX_FEATURES}); every other feature's value
   * is 0, as is a differing feature that moves no first-layer pre-activation (a null player).
   */
  Attribution attribute(float[] x, int[] active) {
    int live = plan.prepare(x, reference, groups, active, liveFeatures);
    int n = 1 << live;
    System.arraycopy(plan.unstableAtReference(), 0, pre, 0, plan.unstable());
    System.arraycopy(plan.secondAtReference(), 0, linearY, 0, plan.secondUnstable());
    double linear = plan.constant();
    v[0] = linear + hiddenPart();
    int s = 0;
    for (int t = 1; t < n; t++) {
      int q = Integer.numberOfTrailingZeros(t);
      s ^= 1 << q;
      linear = step((s & (1 << q)) != 0, q, linear);
      v[s] = linear + hiddenPart();
    }
    CoalitionShapley.values(v, 0, live, phi);
    double[] contributions = new double[groups.count()];
    for (int q = 0; q < live; q++) {
      contributions[liveFeatures[q]] = phi[q];
    }
    return new Attribution(contributions, v[n - 1], v[0]);
  }

  /** Moves the walk's state by feature q joining (or leaving); returns the new linear part. */
  private double step(boolean joins, int q, double linear) {
    double sign = joins ? 1 : -1;
    int nu = plan.unstable();
    double[] move = plan.unstableMoves();
    int off = q * nu;
    for (int j = 0; j < nu; j++) {
      pre[j] += sign * move[off + j];
    }
    int n2 = plan.secondUnstable();
    double[] move2 = plan.secondMoves();
    int off2 = q * n2;
    for (int k = 0; k < n2; k++) {
      linearY[k] += sign * move2[off2 + k];
    }
    return linear + sign * plan.linearMoves()[q];
  }

  /**
   * The coalition's margin beyond the plan's linear part, from {@link #pre} and {@link #linearY}:
   * the positive ReLU outputs of U₁ are listed, then added to y four rows at a time (one pass over
   * y per four rows).
   */
  private double hiddenPart() {
    int nu = plan.unstable();
    double[] u = plan.unstableWeights();
    double z = 0;
    int pos = 0;
    for (int j = 0; j < nu; j++) {
      double r = pre[j];
      if (r > 0) {
        z += u[j] * r;
        positiveRow[pos] = j;
        positiveValue[pos++] = r;
      }
    }
    if (weights.h2() == 0) {
      return z;
    }
    int n2 = plan.secondUnstable();
    System.arraycopy(linearY, 0, y, 0, n2);
    double[] w2 = plan.secondWeights(); // [j * n2 + k]
    int t = 0;
    for (; t + 4 <= pos; t += 4) {
      double r0 = positiveValue[t];
      double r1 = positiveValue[t + 1];
      double r2 = positiveValue[t + 2];
      double r3 = positiveValue[t + 3];
      int c0 = positiveRow[t] * n2;
      int c1 = positiveRow[t + 1] * n2;
      int c2 = positiveRow[t + 2] * n2;
      int c3 = positiveRow[t + 3] * n2;
      for (int k = 0; k < n2; k++) {
        y[k] += w2[c0 + k] * r0 + w2[c1 + k] * r1 + w2[c2 + k] * r2 + w2[c3 + k] * r3;
      }
    }
    for (; t < pos; t++) {
      double r = positiveValue[t];
      int c = positiveRow[t] * n2;
      for (int k = 0; k < n2; k++) {
        y[k] += w2[c + k] * r;
      }
    }
    if (laterW.length > 0) {
      return z + laterLayers();
    }
    double[] m = plan.secondMarginWeights();
    for (int k = 0; k < n2; k++) {
      z += y[k] > 0 ? m[k] * y[k] : 0;
    }
    return z;
  }

  /** Hidden layers 3.. and the margin, from the second layer's pre-activations in {@link #y}. */
  private double laterLayers() {
    double[] h = y;
    for (int i = 0; i < h.length; i++) {
      h[i] = h[i] > 0 ? h[i] : 0;
    }
    for (int l = 0; l < laterW.length; l++) {
      double[] out = hidden[l];
      double[] wl = laterW[l];
      int n = out.length;
      System.arraycopy(laterB[l], 0, out, 0, n);
      for (int i = 0; i < h.length; i++) {
        double a = h[i];
        if (a != 0) {
          int col = i * n;
          for (int o = 0; o < n; o++) {
            out[o] += wl[col + o] * a;
          }
        }
      }
      for (int o = 0; o < n; o++) {
        out[o] = out[o] > 0 ? out[o] : 0;
      }
      h = out;
    }
    double[] m = weights.margin();
    double z = weights.marginBias();
    for (int j = 0; j < h.length; j++) {
      z += m[j] * h[j];
    }
    return z;
  }

  static double[] transposed(float[][] m) {
    double[] out = new double[m.length * m[0].length];
    for (int o = 0; o < m.length; o++) {
      for (int i = 0; i < m[0].length; i++) {
        out[i * m.length + o] = m[o][i];
      }
    }
    return out;
  }
}
