package org.fairkd.kd.reasons;

import java.util.List;
import org.fairkd.kd.portable.PortableStudent;

/**
 * The portable student's margin {@code z₁ − z₀} (log-odds) on every coalition of an applicant's
 * differing features, for {@link ShapleyAttributor}'s exact path, without scoring 2^m rows: the
 * first layer's pre-activations of a coalition are {@code W₁r + b₁ + Σ_{g∈S} W₁(x − r)_g}, so the
 * coalitions are walked in Gray-code order (one feature joins or leaves per step, one column added
 * to the first layer) and only the later layers are evaluated per coalition. Holds scratch buffers:
 * one instance per thread.
 */
final class StudentCoalitions {
  private final FeatureGroups groups;
  private final float[] reference;
  private final int inputs;
  private final int h1; // first-layer width (0: linear student)
  private final double[] w1; // [j * inputs + i]
  private final double[] firstAtReference;
  private final double[][] w; // later hidden layers, transposed: [l][i * out + o]
  private final double[][] b;
  private final double[] margin; // over the last hidden layer (or the input)
  private final double marginBias;
  private final double[] pre;
  private final double[][] hidden;

  StudentCoalitions(PortableStudent student, FeatureGroups groups, float[] reference) {
    this.groups = groups;
    this.reference = reference.clone();
    List<PortableStudent.Layer> layers = student.layers();
    int depth = layers.size() - 1;
    inputs = layers.get(0).weights()[0].length;
    PortableStudent.Layer out = layers.get(depth);
    margin = new double[out.weights()[0].length];
    for (int i = 0; i < margin.length; i++) {
      margin[i] = (double) out.weights()[1][i] - out.weights()[0][i];
    }
    marginBias = (double) out.bias()[1] - out.bias()[0];
    h1 = depth == 0 ? 0 : layers.get(0).weights().length;
    w1 = depth == 0 ? new double[0] : flat(layers.get(0).weights());
    firstAtReference = new double[h1];
    for (int j = 0; j < h1; j++) {
      double s = layers.get(0).bias()[j];
      for (int i = 0; i < inputs; i++) {
        s += w1[j * inputs + i] * reference[i];
      }
      firstAtReference[j] = s;
    }
    int later = Math.max(0, depth - 1);
    w = new double[later][];
    b = new double[later][];
    hidden = new double[Math.max(depth, 1)][];
    hidden[0] = new double[h1];
    for (int l = 0; l < later; l++) {
      w[l] = transposed(layers.get(l + 1).weights());
      float[] bias = layers.get(l + 1).bias();
      b[l] = new double[bias.length];
      for (int o = 0; o < bias.length; o++) {
        b[l][o] = bias[o];
      }
      hidden[l + 1] = new double[bias.length];
    }
    pre = new double[h1];
  }

  /**
   * {@code v[s]}, the margin with the applicant's slots for the features {@code active[q]} whose
   * bit q is set in s and the reference's elsewhere, for every s in {@code [0, 2^m)}.
   */
  double[] values(float[] x, int[] active) {
    int m = active.length;
    int width = h1 == 0 ? 1 : h1;
    double[] move = new double[m * width]; // feature q's change of the first layer (or margin)
    for (int q = 0; q < m; q++) {
      int f = active[q];
      for (int i = groups.start()[f]; i < groups.end()[f]; i++) {
        double d = (double) x[i] - reference[i];
        if (h1 == 0) {
          move[q] += margin[i] * d;
        } else {
          for (int j = 0; j < h1; j++) {
            move[q * h1 + j] += w1[j * inputs + i] * d;
          }
        }
      }
    }
    double[] v = new double[1 << m];
    double linear = h1 == 0 ? marginAtReferenceOfLinear() : 0;
    System.arraycopy(firstAtReference, 0, pre, 0, h1);
    int s = 0;
    v[0] = h1 == 0 ? linear : forward();
    for (int t = 1; t < 1 << m; t++) {
      int q = Integer.numberOfTrailingZeros(t);
      s ^= 1 << q;
      double sign = (s & (1 << q)) != 0 ? 1 : -1;
      if (h1 == 0) {
        linear += sign * move[q];
        v[s] = linear;
      } else {
        int off = q * h1;
        for (int j = 0; j < h1; j++) {
          pre[j] += sign * move[off + j];
        }
        v[s] = forward();
      }
    }
    return v;
  }

  private double marginAtReferenceOfLinear() {
    double z = marginBias;
    for (int i = 0; i < inputs; i++) {
      z += margin[i] * reference[i];
    }
    return z;
  }

  /** The margin from the first layer's pre-activations in {@link #pre}. */
  private double forward() {
    double[] h = hidden[0];
    for (int j = 0; j < h1; j++) {
      h[j] = pre[j] > 0 ? pre[j] : 0;
    }
    for (int l = 0; l < w.length; l++) {
      double[] in = hidden[l];
      double[] out = hidden[l + 1];
      double[] wl = w[l];
      int n = out.length;
      System.arraycopy(b[l], 0, out, 0, n);
      for (int i = 0; i < in.length; i++) {
        double a = in[i];
        if (a != 0) { // a ReLU output: most are 0
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
    double z = marginBias;
    for (int j = 0; j < h.length; j++) {
      z += margin[j] * h[j];
    }
    return z;
  }

  private static double[] transposed(float[][] m) {
    double[] out = new double[m.length * m[0].length];
    for (int o = 0; o < m.length; o++) {
      for (int i = 0; i < m[0].length; i++) {
        out[i * m.length + o] = m[o][i];
      }
    }
    return out;
  }

  private static double[] flat(float[][] m) {
    double[] out = new double[m.length * m[0].length];
    for (int o = 0; o < m.length; o++) {
      for (int i = 0; i < m[0].length; i++) {
        out[o * m[0].length + i] = m[o][i];
      }
    }
    return out;
  }
}
