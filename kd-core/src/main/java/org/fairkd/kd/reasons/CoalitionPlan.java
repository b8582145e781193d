package org.fairkd.kd.reasons;

import java.util.List;
import org.fairkd.kd.portable.PortableStudent;

/**
 * For one applicant, which of the student's hidden units can change sign on some coalition of its
 * differing features, and the linear terms of those that cannot ({@link StudentCoalitions}'s
 * formula).
 *
 * <p>First layer: over all coalitions S, {@code p_j(S) = a_j + Σ_{q∈S} D_qj} lies in {@code [a_j +
 * Σ_q min(0, D_qj), a_j + Σ_q max(0, D_qj)]}. A unit whose lower bound is ≥ 0 is linear on every
 * coalition ({@code relu(p) = p}: set A₁), one whose upper bound is ≤ 0 is 0 on every coalition;
 * only the others (U₁) need a ReLU per coalition. A differing feature with {@code D_q = 0} moves
 * nothing: a null player, left out (its value is exactly 0).
 *
 * <p>Second layer (two hidden layers): {@code y_k(S) = c_k + Σ_{q∈S} L_qk + Σ_{j∈U₁}
 * W₂[k][j]·relu(p_j(S))} with {@code c = b₂ + W₂[·,A₁]·a[A₁]} and {@code L_q = W₂[·,A₁]·D_q[A₁]};
 * as {@code relu(p_j) ∈ [0, max p_j]} on U₁, y_k has interval bounds too. A unit always ≥ 0 (A₂)
 * adds {@code m_k·y_k}, linear in the coalition's terms, so it folds into {@code C = b + Σ_{A₂} m_k
 * c_k}, {@code ℓ_q = Σ_{A₂} m_k L_qk}, {@code u_j = Σ_{A₂} m_k W₂[k][j]}; a unit always ≤ 0 drops;
 * the others (U₂) are evaluated per coalition. With one hidden layer {@code C = b + Σ_{A₁} m_j
 * a_j}, {@code ℓ_q = Σ_{A₁} m_j D_qj}, {@code u_j = m_j}; with none (a linear student) {@code C} is
 * the margin at the reference and {@code ℓ_q} feature q's change of it. Deeper students keep every
 * second-layer unit (the layers above are not linear in it). Holds scratch: one per thread.
 */
final class CoalitionPlan {

  /**
   * The student's weights, compiled against the reference.
   *
   * @param h1 first hidden width (0: linear student)
   * @param h2 second hidden width (0: fewer than two hidden layers)
   * @param depth number of hidden layers
   * @param w1 first layer, transposed: {@code [i * h1 + j]}
   * @param firstAtReference {@code a = W₁r + b₁}
   * @param w2 second layer, transposed: {@code [j * h2 + k]}
   * @param b2 second layer's bias
   * @param margin weights of {@code z₁ − z₀} over the last hidden layer (or the input)
   * @param marginBias bias of {@code z₁ − z₀}
   * @param linearAtReference a linear student's margin at the reference (else 0)
   */
  record Weights(
      int h1,
      int h2,
      int depth,
      double[] w1,
      double[] firstAtReference,
      double[] w2,
      double[] b2,
      double[] margin,
      double marginBias,
      double linearAtReference) {

    static Weights of(PortableStudent student, float[] reference) {
      List<PortableStudent.Layer> layers = student.layers();
      int depth = layers.size() - 1;
      PortableStudent.Layer out = layers.get(depth);
      double[] margin = new double[out.weights()[0].length];
      for (int i = 0; i < margin.length; i++) {
        margin[i] = (double) out.weights()[1][i] - out.weights()[0][i];
      }
      double marginBias = (double) out.bias()[1] - out.bias()[0];
      if (depth == 0) {
        double z = marginBias;
        for (int i = 0; i < margin.length; i++) {
          z += margin[i] * reference[i];
        }
        return new Weights(0, 0, 0, null, new double[0], null, null, margin, marginBias, z);
      }
      float[][] first = layers.get(0).weights();
      int h1 = first.length;
      double[] a = new double[h1];
      for (int j = 0; j < h1; j++) {
        double s = layers.get(0).bias()[j];
        for (int i = 0; i < first[0].length; i++) {
          s += (double) first[j][i] * reference[i];
        }
        a[j] = s;
      }
      int h2 = depth >= 2 ? layers.get(1).weights().length : 0;
      double[] w2 = depth >= 2 ? StudentCoalitions.transposed(layers.get(1).weights()) : null;
      double[] b2 = new double[h2];
      for (int k = 0; k < h2; k++) {
        b2[k] = layers.get(1).bias()[k];
      }
      return new Weights(
          h1, h2, depth, StudentCoalitions.transposed(first), a, w2, b2, margin, marginBias, 0);
    }
  }

  private final Weights w;
  private final double[] move; // [q * h1 + j]: D_qj of the live features
  private final int[] firstLinear; // A₁
  private final int[] firstUnstable; // U₁
  private final double[] firstUpper; // max p_j of U₁
  private final double[] unstableAtReference;
  private final double[] unstableMoves; // [q * |U₁| + j']
  private final double[] unstableWeights; // u_j over U₁
  private final double[] linearMoves; // ℓ_q
  private final double[] c; // [k]
  private final double[] bigL; // [q * h2 + k]
  private final double[] secondAtReference; // c_k over U₂
  private final double[] secondMoves; // [q * |U₂| + k']
  private final double[] secondWeights; // [j' * |U₂| + k']: W₂[k][j] over U₁ × U₂
  private final double[] secondMarginWeights; // m_k over U₂
  private final int[] kept; // U₂
  private final double[] lower; // bounds of y_k over all coalitions
  private final double[] upper;
  private final double[] foldWeight; // m_k on A₂, else 0
  private int unstable;
  private int secondUnstable;
  private double constant;

  CoalitionPlan(Weights w, int maxFeatures) {
    this.w = w;
    int h1 = w.h1();
    int h2 = w.h2();
    move = new double[maxFeatures * h1];
    firstLinear = new int[h1];
    firstUnstable = new int[h1];
    firstUpper = new double[h1];
    unstableAtReference = new double[h1];
    unstableMoves = new double[maxFeatures * h1];
    unstableWeights = new double[h1];
    linearMoves = new double[maxFeatures];
    c = new double[h2];
    bigL = new double[maxFeatures * h2];
    secondAtReference = new double[h2];
    secondMoves = new double[maxFeatures * h2];
    secondWeights = new double[h1 * h2];
    secondMarginWeights = new double[h2];
    kept = new int[h2];
    lower = new double[h2];
    upper = new double[h2];
    foldWeight = new double[h2];
  }

  /**
   * Plans one applicant: writes the live features (differing features that move the first layer, or
   * a linear student's margin) into {@code live} and returns how many.
   */
  int prepare(float[] x, float[] reference, FeatureGroups groups, int[] active, int[] live) {
    int h1 = w.h1();
    int n = 0;
    for (int f : active) {
      if (w.depth() == 0) {
        double d = 0;
        for (int i = groups.start()[f]; i < groups.end()[f]; i++) {
          d += w.margin()[i] * ((double) x[i] - reference[i]);
        }
        linearMoves[n] = d;
      } else {
        int off = n * h1;
        java.util.Arrays.fill(move, off, off + h1, 0);
        for (int i = groups.start()[f]; i < groups.end()[f]; i++) {
          double d = (double) x[i] - reference[i];
          if (d != 0) {
            int row = i * h1;
            for (int j = 0; j < h1; j++) {
              move[off + j] += w.w1()[row + j] * d;
            }
          }
        }
      }
      if (movesAnything(n)) {
        live[n++] = f;
      }
    }
    unstable = 0;
    secondUnstable = 0;
    if (w.depth() == 0) {
      constant = w.linearAtReference();
      return n;
    }
    int linear = splitFirstLayer(n);
    if (w.depth() == 1) {
      constant = w.marginBias();
      for (int t = 0; t < linear; t++) {
        constant += w.margin()[firstLinear[t]] * w.firstAtReference()[firstLinear[t]];
      }
      for (int q = 0; q < n; q++) {
        double s = 0;
        for (int t = 0; t < linear; t++) {
          s += w.margin()[firstLinear[t]] * move[q * h1 + firstLinear[t]];
        }
        linearMoves[q] = s;
      }
      for (int j = 0; j < unstable; j++) {
        unstableWeights[j] = w.margin()[firstUnstable[j]];
      }
      return n;
    }
    secondLayerLinearTerms(n, linear);
    splitSecondLayer(n);
    return n;
  }

  private boolean movesAnything(int q) {
    if (w.depth() == 0) {
      return linearMoves[q] != 0;
    }
    for (int j = q * w.h1(); j < (q + 1) * w.h1(); j++) {
      if (move[j] != 0) {
        return true;
      }
    }
    return false;
  }

  /** Sorts the first layer into A₁ and U₁ (returns |A₁|) and gathers U₁'s moves. */
  private int splitFirstLayer(int n) {
    int h1 = w.h1();
    int linear = 0;
    for (int j = 0; j < h1; j++) {
      double lo = w.firstAtReference()[j];
      double hi = lo;
      for (int q = 0; q < n; q++) {
        double d = move[q * h1 + j];
        if (d > 0) {
          hi += d;
        } else {
          lo += d;
        }
      }
      if (lo >= 0) {
        firstLinear[linear++] = j;
      } else if (hi > 0) {
        firstUpper[unstable] = hi;
        firstUnstable[unstable++] = j;
      }
    }
    for (int t = 0; t < unstable; t++) {
      int j = firstUnstable[t];
      unstableAtReference[t] = w.firstAtReference()[j];
      for (int q = 0; q < n; q++) {
        unstableMoves[q * unstable + t] = move[q * h1 + j];
      }
    }
    return linear;
  }

  /** {@code c = b₂ + W₂[·,A₁]·a[A₁]} and {@code L_q = W₂[·,A₁]·D_q[A₁]}. */
  private void secondLayerLinearTerms(int n, int linear) {
    int h1 = w.h1();
    int h2 = w.h2();
    double[] w2 = w.w2();
    System.arraycopy(w.b2(), 0, c, 0, h2);
    java.util.Arrays.fill(bigL, 0, n * h2, 0);
    for (int t = 0; t < linear; t++) {
      int j = firstLinear[t];
      int col = j * h2;
      double a = w.firstAtReference()[j];
      for (int k = 0; k < h2; k++) {
        c[k] += w2[col + k] * a;
      }
      for (int q = 0; q < n; q++) {
        double d = move[q * h1 + j];
        if (d != 0) {
          int off = q * h2;
          for (int k = 0; k < h2; k++) {
            bigL[off + k] += w2[col + k] * d;
          }
        }
      }
    }
  }

  /** Sorts the second layer into A₂ (folded), always-zero and U₂ (gathered). */
  private void splitSecondLayer(int n) {
    int h2 = w.h2();
    double[] w2 = w.w2();
    boolean fold = w.depth() == 2;
    System.arraycopy(c, 0, lower, 0, h2);
    System.arraycopy(c, 0, upper, 0, h2);
    for (int q = 0; q < n; q++) {
      bound(bigL, q * h2, 1);
    }
    for (int t = 0; t < unstable; t++) {
      bound(w2, firstUnstable[t] * h2, firstUpper[t]);
    }
    secondUnstable = 0;
    for (int k = 0; k < h2; k++) {
      boolean folded = fold && lower[k] >= 0;
      foldWeight[k] = folded ? w.margin()[k] : 0;
      if (!folded && (!fold || upper[k] > 0)) {
        kept[secondUnstable++] = k;
      }
    }
    constant = fold ? w.marginBias() + dot(foldWeight, c, 0, h2) : 0;
    for (int q = 0; q < n; q++) {
      linearMoves[q] = dot(foldWeight, bigL, q * h2, h2);
    }
    int n2 = secondUnstable;
    for (int t = 0; t < unstable; t++) {
      int row = firstUnstable[t] * h2;
      unstableWeights[t] = dot(foldWeight, w2, row, h2);
      for (int k = 0; k < n2; k++) {
        secondWeights[t * n2 + k] = w2[row + kept[k]];
      }
    }
    for (int k = 0; k < n2; k++) {
      secondAtReference[k] = c[kept[k]];
      secondMarginWeights[k] = fold ? w.margin()[kept[k]] : 0;
    }
    for (int q = 0; q < n; q++) {
      for (int k = 0; k < n2; k++) {
        secondMoves[q * n2 + k] = bigL[q * h2 + kept[k]];
      }
    }
  }

  /** Widens [lower, upper] by the term {@code scale·row[off + k]} of each second-layer unit k. */
  private void bound(double[] row, int off, double scale) {
    for (int k = 0; k < w.h2(); k++) {
      double d = row[off + k] * scale;
      lower[k] += Math.min(0, d);
      upper[k] += Math.max(0, d);
    }
  }

  private static double dot(double[] a, double[] b, int off, int n) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += a[k] * b[off + k];
    }
    return s;
  }

  /** |U₁|. */
  int unstable() {
    return unstable;
  }

  /** |U₂|. */
  int secondUnstable() {
    return secondUnstable;
  }

  /** C. */
  double constant() {
    return constant;
  }

  double[] unstableAtReference() {
    return unstableAtReference;
  }

  double[] unstableMoves() {
    return unstableMoves;
  }

  double[] unstableWeights() {
    return unstableWeights;
  }

  double[] linearMoves() {
    return linearMoves;
  }

  double[] secondAtReference() {
    return secondAtReference;
  }

  double[] secondMoves() {
    return secondMoves;
  }

  double[] secondWeights() {
    return secondWeights;
  }

  double[] secondMarginWeights() {
    return secondMarginWeights;
  }
}
