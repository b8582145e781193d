package org.fairkd.kd.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.datasets.synth.SyntheticLending;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.StudentWeights;

/** A portable student with random weights on encoded synthetic-lending rows (no training). */
final class CompressionFixtures {
  final float[][] x;
  final PortableStudent student;

  CompressionFixtures(int[] hidden, long seed) {
    TabularDataset d = SyntheticLending.generate(600, seed, SyntheticLending.Config.defaults());
    Split split = Split.stratified(d, 0.2, 0.2, seed);
    FeatureEncoder enc = FeatureEncoder.fit(d, split.train());
    x = enc.transform(d, split.test());
    student =
        PortableStudent.of(
            enc.spec(), enc.outputNames(), weights(x[0].length, hidden, seed), Map.of());
  }

  /** Gaussian weights (He scale) and biases for {@code in → hidden… → 2}. */
  static StudentWeights weights(int in, int[] hidden, long seed) {
    Random r = new Random(seed);
    List<float[][]> w = new ArrayList<>();
    List<float[]> b = new ArrayList<>();
    int prev = in;
    int[] sizes = java.util.Arrays.copyOf(hidden, hidden.length + 1);
    sizes[hidden.length] = 2;
    for (int out : sizes) {
      float[][] wl = new float[out][prev];
      float[] bl = new float[out];
      for (int o = 0; o < out; o++) {
        for (int j = 0; j < prev; j++) {
          wl[o][j] = (float) (r.nextGaussian() * Math.sqrt(2.0 / prev));
        }
        bl[o] = (float) (0.1 * r.nextGaussian());
      }
      w.add(wl);
      b.add(bl);
      prev = out;
    }
    return new StudentWeights(w, b);
  }

  /** An independent forward pass: ReLU between layers, σ(z₁ − z₀). */
  static double forward(StudentWeights w, float[] x) {
    double[] h = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      h[j] = x[j];
    }
    for (int l = 0; l < w.weights().size(); l++) {
      float[][] wl = w.weights().get(l);
      double[] z = new double[wl.length];
      for (int o = 0; o < wl.length; o++) {
        double s = w.biases().get(l)[o];
        for (int j = 0; j < h.length; j++) {
          s += (double) wl[o][j] * h[j];
        }
        z[o] = l < w.weights().size() - 1 ? Math.max(0, s) : s;
      }
      h = z;
    }
    return 1 / (1 + Math.exp(h[0] - h[1]));
  }
}
