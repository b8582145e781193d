package org.fairkd.kd.teacher;

/**
 * A two-class Tribuo logistic member as one weight vector over encoded columns: Tribuo's softmax
 * over two label rows {@code W·x + b} gives {@code P(fav) = σ((w_fav − w_other)·x + b_fav −
 * b_other)}. No allocation per row.
 *
 * @param weights per encoded column, the favourable row minus the other
 * @param bias the bias difference
 */
record CompiledLinear(double[] weights, double bias) {

  /** P(favourable) of an encoded row. */
  double score(float[] x) {
    double z = bias;
    for (int j = 0; j < weights.length; j++) {
      z += weights[j] * x[j];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
