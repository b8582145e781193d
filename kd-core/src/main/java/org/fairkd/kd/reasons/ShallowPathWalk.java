package org.fairkd.kd.reasons;

/**
 * The path walk of {@link StudentAttributor} for one or two hidden layers, event by event: the
 * first layer's pre-activations are linear in t along the whole path, so their sign changes are
 * known up front (sorted once); between events only slopes change, so a first-layer sign change
 * updates the second layer's slopes ({@code O(H₂)}) and a second-layer sign change updates the
 * margin's gradient with respect to the first layer ({@code O(H₁)}). It returns, per first-layer
 * unit j, {@code I_j = ∫₀¹ 1[h_j(t) > 0] · ∂z/∂a_j(t) dt} (a_j the unit's output), so that feature
 * g's contribution is {@code Σ_j I_j · C[j][g]}. Holds scratch buffers: one per attributor.
 */
final class ShallowPathWalk {
  private static final double PATTERN_STEP = 1e-9;
  private final int h1;
  private final int h2;
  private final double[] w2; // [k * h1 + j]; null with one hidden layer
  private final double[] margin; // over the last hidden layer
  private final double[] firstAtReference;
  private final double[] secondAtReference; // pre-activations of layer 2 at the reference
  private final double[] eventTime;
  private final int[] eventUnit;
  private final boolean[] active1;
  private final boolean[] active2;
  private final double[] value2;
  private final double[] slope2;
  private final double[] gradient; // ∂z/∂a_j over the first layer's outputs
  private final double[] since;
  private final double[] integral;

  ShallowPathWalk(
      double[] firstAtReference, int h2, double[] w2, double[] margin, double[] secondBias) {
    this.h1 = firstAtReference.length;
    this.h2 = h2;
    this.w2 = w2;
    this.margin = margin;
    this.firstAtReference = firstAtReference;
    eventTime = new double[h1];
    eventUnit = new int[h1];
    active1 = new boolean[h1];
    active2 = new boolean[h2];
    value2 = new double[h2];
    slope2 = new double[h2];
    gradient = new double[h1];
    since = new double[h1];
    integral = new double[h1];
    secondAtReference = new double[h2];
    for (int k = 0; k < h2; k++) {
      double s = secondBias[k];
      for (int j = 0; j < h1; j++) {
        s += w2[k * h1 + j] * Math.max(0, firstAtReference[j]);
      }
      secondAtReference[k] = s;
    }
  }

  /** {@code I_j} for the first layer's slopes {@code d h_j/dt = slope1[j]}. */
  double[] integrals(double[] slope1) {
    int events = 0;
    for (int j = 0; j < h1; j++) {
      double a = firstAtReference[j];
      double d = slope1[j];
      active1[j] = a + PATTERN_STEP * d > 0;
      since[j] = 0;
      integral[j] = 0;
      if (d != 0) {
        double tc = -a / d;
        if (tc > 0 && tc < 1) {
          int pos = events++;
          while (pos > 0 && eventTime[pos - 1] > tc) {
            eventTime[pos] = eventTime[pos - 1];
            eventUnit[pos] = eventUnit[pos - 1];
            pos--;
          }
          eventTime[pos] = tc;
          eventUnit[pos] = j;
        }
      }
    }
    if (h2 == 0) {
      for (int j = 0; j < h1; j++) {
        gradient[j] = margin[j];
      }
    } else {
      startSecondLayer(slope1);
    }
    double t = 0;
    int next1 = 0;
    long guard = 0;
    long limit = 16L * (h1 + 1) * (h2 + 1) + 64;
    while (t < 1) {
      if (guard++ > limit) {
        throw new IllegalStateException("path walk did not finish in " + limit + " events");
      }
      double t1 = next1 < events ? eventTime[next1] : 1;
      int k2 = -1;
      double t2 = 1;
      for (int k = 0; k < h2; k++) {
        double s = slope2[k];
        if (active2[k] ? s < 0 : s > 0) {
          double tc = t - value2[k] / s;
          if (tc < t) {
            tc = t;
          }
          if (tc < t2) {
            t2 = tc;
            k2 = k;
          }
        }
      }
      double tn = Math.min(t1, t2);
      if (tn >= 1) {
        break;
      }
      for (int k = 0; k < h2; k++) {
        value2[k] += (tn - t) * slope2[k];
      }
      if (t2 < t1) {
        flipSecond(k2, tn);
      } else {
        flipFirst(eventUnit[next1++], tn, slope1[eventUnit[next1 - 1]]);
      }
      t = tn;
    }
    for (int j = 0; j < h1; j++) {
      if (active1[j]) {
        integral[j] += (1 - since[j]) * gradient[j];
      }
    }
    return integral;
  }

  private void startSecondLayer(double[] slope1) {
    for (int k = 0; k < h2; k++) {
      double s = 0;
      int row = k * h1;
      for (int j = 0; j < h1; j++) {
        if (active1[j]) {
          s += w2[row + j] * slope1[j];
        }
      }
      slope2[k] = s;
      value2[k] = secondAtReference[k];
      active2[k] = value2[k] + PATTERN_STEP * s > 0;
    }
    java.util.Arrays.fill(gradient, 0);
    for (int k = 0; k < h2; k++) {
      if (active2[k]) {
        double v = margin[k];
        int row = k * h1;
        for (int j = 0; j < h1; j++) {
          gradient[j] += v * w2[row + j];
        }
      }
    }
  }

  private void flipFirst(int j, double t, double slope) {
    if (active1[j]) {
      integral[j] += (t - since[j]) * gradient[j];
    }
    since[j] = t;
    active1[j] = !active1[j];
    double sign = active1[j] ? slope : -slope;
    for (int k = 0; k < h2; k++) {
      slope2[k] += sign * w2[k * h1 + j];
    }
  }

  private void flipSecond(int k, double t) {
    for (int j = 0; j < h1; j++) {
      if (active1[j]) {
        integral[j] += (t - since[j]) * gradient[j];
      }
      since[j] = t;
    }
    value2[k] = 0;
    active2[k] = !active2[k];
    double v = active2[k] ? margin[k] : -margin[k];
    int row = k * h1;
    for (int j = 0; j < h1; j++) {
      gradient[j] += v * w2[row + j];
    }
  }
}
