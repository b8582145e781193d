package org.fairkd.kd.reasons;

import java.util.List;
import org.fairkd.kd.portable.PortableStudent;

/**
 * Exact integrated gradients of the portable student's margin {@code z₁ − z₀} (log-odds of the
 * favourable outcome) over raw features, along the straight path from the {@link ReferencePoint} r
 * to the applicant x.
 *
 * <p>A ReLU network is piecewise linear along that path, so the path integral is a finite sum: the
 * walk finds each point where a hidden unit (of any layer) changes sign, and on each linear piece
 * {@code [t_a, t_b]} adds {@code (t_b − t_a)·∂z/∂h₁ · C[·][g]}, where {@code C[j][g] = Σ_{i∈g}
 * W₁[j][i]·(x_i − r_i)} is feature g's share of the first layer's movement. No sampling or step
 * count: the contributions add up to {@code z(x) − z(r)} up to rounding (completeness). For a
 * linear student (no hidden layer) the contribution of g is {@code Σ_{i∈g} w_i·(x_i − r_i)}, the
 * weights times the distance from the reference. Integrated gradients over a piecewise-linear model
 * is not the Shapley value in general (they coincide for additive models); {@link
 * ShapleyAttributor} gives the Shapley values of any score function, for comparison with a teacher.
 *
 * <p>With one or two hidden layers (every searched architecture) the walk is event-driven ({@link
 * ShallowPathWalk}); deeper students recompute the pattern on each piece.
 *
 * <p>Holds scratch buffers: one instance per thread.
 */
public final class StudentAttributor {
  private static final double PATTERN_STEP = 1e-9;
  private final FeatureGroups groups;
  private final float[] reference;
  private final int depth; // number of hidden layers
  private final double[][] w; // [layer][out * in + i], row-major
  private final double[][] b;
  private final int[] width; // width[l] = outputs of layer l (hidden); width of input at -1
  private final int inputs;
  private final double[] margin; // weights of z1 - z0 over the last hidden layer (or the input)
  private final double marginBias;
  private final double[] firstAtReference; // W₁ r + b₁
  private final double referenceMargin;
  private final double[] delta;
  private final double[] share; // [j * G + g]
  private final double[] totalSlope;
  private final double[][] value;
  private final double[][] slope;
  private final boolean[][] active;
  private final double[][] grad;
  private final ShallowPathWalk shallow; // one or two hidden layers, else null

  /** Compiles a student against a reference point; the encoder's columns are the features. */
  public StudentAttributor(PortableStudent student, ReferencePoint reference) {
    this.groups = FeatureGroups.of(student.encoder());
    this.reference = reference.x().clone();
    List<PortableStudent.Layer> layers = student.layers();
    this.depth = layers.size() - 1;
    this.inputs = layers.get(0).weights()[0].length;
    if (inputs != groups.width() || reference.x().length != inputs) {
      throw new IllegalArgumentException(
          "student input width "
              + inputs
              + ", encoder width "
              + groups.width()
              + ", reference width "
              + reference.x().length);
    }
    w = new double[depth][];
    b = new double[depth][];
    width = new int[depth];
    for (int l = 0; l < depth; l++) {
      float[][] wl = layers.get(l).weights();
      width[l] = wl.length;
      w[l] = new double[wl.length * wl[0].length];
      b[l] = new double[wl.length];
      for (int o = 0; o < wl.length; o++) {
        for (int i = 0; i < wl[0].length; i++) {
          w[l][o * wl[0].length + i] = wl[o][i];
        }
        b[l][o] = layers.get(l).bias()[o];
      }
    }
    PortableStudent.Layer out = layers.get(depth);
    margin = new double[out.weights()[0].length];
    for (int i = 0; i < margin.length; i++) {
      margin[i] = (double) out.weights()[1][i] - out.weights()[0][i];
    }
    marginBias = (double) out.bias()[1] - out.bias()[0];
    int h1 = depth == 0 ? 0 : width[0];
    delta = new double[inputs];
    share = new double[Math.max(h1, 1) * groups.count()];
    totalSlope = new double[h1];
    value = new double[depth][];
    slope = new double[depth][];
    active = new boolean[depth][];
    grad = new double[depth][];
    for (int l = 0; l < depth; l++) {
      value[l] = new double[width[l]];
      slope[l] = new double[width[l]];
      active[l] = new boolean[width[l]];
      grad[l] = new double[width[l]];
    }
    firstAtReference = new double[h1];
    if (depth > 0) {
      for (int j = 0; j < h1; j++) {
        double s = b[0][j];
        for (int i = 0; i < inputs; i++) {
          s += w[0][j * inputs + i] * this.reference[i];
        }
        firstAtReference[j] = s;
      }
    }
    referenceMargin = marginAt(this.reference);
    shallow =
        depth == 1
            ? new ShallowPathWalk(firstAtReference, 0, null, margin, new double[0])
            : depth == 2
                ? new ShallowPathWalk(firstAtReference, width[1], w[1], margin, b[1])
                : null;
  }

  /** The raw features attributed to. */
  public FeatureGroups groups() {
    return groups;
  }

  /** The method, for reports. */
  public static String method() {
    return "exact integrated gradients of the log-odds over raw features (piecewise-linear path"
        + " walk; equals weights x distance from the reference for a linear student)";
  }

  /** Contributions of each raw feature for one encoded applicant. */
  public Attribution attribute(float[] x) {
    int g = groups.count();
    double[] contrib = new double[g];
    for (int i = 0; i < inputs; i++) {
      delta[i] = (double) x[i] - reference[i];
    }
    if (depth == 0) {
      for (int f = 0; f < g; f++) {
        double s = 0;
        for (int i = groups.start()[f]; i < groups.end()[f]; i++) {
          s += margin[i] * delta[i];
        }
        contrib[f] = s;
      }
      return new Attribution(contrib, marginAt(x), referenceMargin);
    }
    firstLayerShares();
    if (shallow != null) {
      double[] integral = shallow.integrals(totalSlope);
      for (int j = 0; j < width[0]; j++) {
        double k = integral[j];
        if (k != 0) {
          int base = j * g;
          for (int f = 0; f < g; f++) {
            contrib[f] += k * share[base + f];
          }
        }
      }
      return new Attribution(contrib, marginAt(x), referenceMargin);
    }
    double t = 0;
    long guard = 0;
    long limit = 64L * totalHidden() * totalHidden() + 64;
    while (t < 1) {
      if (guard++ > limit) {
        throw new IllegalStateException("path walk did not finish in " + limit + " pieces");
      }
      pattern(t);
      double next = nextCrossing(t);
      backward();
      double len = next - t;
      int h1 = width[0];
      for (int j = 0; j < h1; j++) {
        double gj = grad[0][j];
        if (gj != 0) {
          double k = len * gj;
          int base = j * g;
          for (int f = 0; f < g; f++) {
            contrib[f] += k * share[base + f];
          }
        }
      }
      t = next;
    }
    return new Attribution(contrib, marginAt(x), referenceMargin);
  }

  private int totalHidden() {
    int s = 0;
    for (int l = 0; l < depth; l++) {
      s += width[l];
    }
    return s;
  }

  private void firstLayerShares() {
    int g = groups.count();
    int[] start = groups.start();
    int[] end = groups.end();
    for (int j = 0; j < width[0]; j++) {
      int row = j * inputs;
      double tot = 0;
      for (int f = 0; f < g; f++) {
        double s = 0;
        for (int i = start[f]; i < end[f]; i++) {
          s += w[0][row + i] * delta[i];
        }
        share[j * g + f] = s;
        tot += s;
      }
      totalSlope[j] = tot;
    }
  }

  /** Values, slopes (d/dt) and the activity pattern just after t. */
  private void pattern(double t) {
    for (int j = 0; j < width[0]; j++) {
      value[0][j] = firstAtReference[j] + t * totalSlope[j];
      slope[0][j] = totalSlope[j];
      active[0][j] = value[0][j] + PATTERN_STEP * slope[0][j] > 0;
    }
    for (int l = 1; l < depth; l++) {
      int in = width[l - 1];
      for (int o = 0; o < width[l]; o++) {
        double v = b[l][o];
        double s = 0;
        int row = o * in;
        for (int i = 0; i < in; i++) {
          if (active[l - 1][i]) {
            v += w[l][row + i] * value[l - 1][i];
            s += w[l][row + i] * slope[l - 1][i];
          }
        }
        value[l][o] = v;
        slope[l][o] = s;
        active[l][o] = v + PATTERN_STEP * s > 0;
      }
    }
  }

  /** The first t' > t where a hidden unit changes sign under the current pattern, capped at 1. */
  private double nextCrossing(double t) {
    double next = 1;
    for (int l = 0; l < depth; l++) {
      for (int o = 0; o < width[l]; o++) {
        double s = slope[l][o];
        double v = value[l][o];
        if ((s > 0 && v < 0) || (s < 0 && v > 0)) {
          double tc = t - v / s;
          if (tc > t && tc < next) {
            next = tc;
          }
        }
      }
    }
    return next;
  }

  /** ∂margin/∂(first-layer pre-activation) under the current pattern, into grad[0]. */
  private void backward() {
    int top = depth - 1;
    for (int o = 0; o < width[top]; o++) {
      grad[top][o] = active[top][o] ? margin[o] : 0;
    }
    for (int l = top; l >= 1; l--) {
      int in = width[l - 1];
      double[] g = grad[l - 1];
      java.util.Arrays.fill(g, 0);
      for (int o = 0; o < width[l]; o++) {
        double go = grad[l][o];
        if (go != 0) {
          int row = o * in;
          for (int i = 0; i < in; i++) {
            g[i] += w[l][row + i] * go;
          }
        }
      }
      for (int i = 0; i < in; i++) {
        if (!active[l - 1][i]) {
          g[i] = 0;
        }
      }
    }
  }

  /** The student's log-odds z₁ − z₀ at an encoded input. */
  private double marginAt(float[] x) {
    double[] prev = new double[inputs];
    for (int i = 0; i < inputs; i++) {
      prev[i] = x[i];
    }
    for (int l = 0; l < depth; l++) {
      int in = prev.length;
      double[] cur = new double[width[l]];
      for (int o = 0; o < width[l]; o++) {
        double s = b[l][o];
        for (int i = 0; i < in; i++) {
          s += w[l][o * in + i] * prev[i];
        }
        cur[o] = Math.max(0, s);
      }
      prev = cur;
    }
    double z = marginBias;
    for (int i = 0; i < prev.length; i++) {
      z += margin[i] * prev[i];
    }
    return z;
  }
}
