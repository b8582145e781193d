package org.fairkd.kd.reasons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.portable.PortableStudent;

/** Random students and encoded rows for the attribution tests. */
final class ReasonFixtures {
  private ReasonFixtures() {}

  /** Three numeric columns, a 3-level categorical (width 4) and a numeric with indicator. */
  static EncoderSpec encoder() {
    return new EncoderSpec(
        List.of(
            new EncoderSpec.Column("income", "numeric", 0.0, 1.0, false, null),
            new EncoderSpec.Column("debt_to_income", "numeric", 0.0, 1.0, false, null),
            new EncoderSpec.Column("home", "categorical", null, null, null, List.of("a", "b", "c")),
            new EncoderSpec.Column("utilization", "numeric", 0.0, 1.0, true, null),
            new EncoderSpec.Column("history", "numeric", 0.0, 1.0, false, null)));
  }

  /** A student with the given hidden widths (none: linear), Gaussian weights. */
  static PortableStudent student(EncoderSpec enc, long seed, int... hidden) {
    Random rng = new Random(seed);
    int in = FeatureGroups.of(enc).width();
    List<PortableStudent.Layer> layers = new ArrayList<>();
    int prev = in;
    int[] widths = new int[hidden.length + 1];
    System.arraycopy(hidden, 0, widths, 0, hidden.length);
    widths[hidden.length] = 2;
    for (int out : widths) {
      float[][] w = new float[out][prev];
      float[] b = new float[out];
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < prev; i++) {
          w[o][i] = (float) (rng.nextGaussian() / Math.sqrt(prev));
        }
        b[o] = (float) (0.3 * rng.nextGaussian());
      }
      layers.add(new PortableStudent.Layer(w, b));
      prev = out;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < in; i++) {
      names.add("x" + i);
    }
    return new PortableStudent(
        PortableStudent.FORMAT, 1, "test", "relu", "softmax2", enc, names, layers, Map.of());
  }

  /** Encoded rows consistent with {@link #encoder()}: numerics Gaussian, one-hot levels. */
  static float[][] rows(int n, long seed) {
    Random rng = new Random(seed);
    float[][] x = new float[n][9];
    for (int r = 0; r < n; r++) {
      x[r][0] = (float) rng.nextGaussian();
      x[r][1] = (float) rng.nextGaussian();
      x[r][2 + rng.nextInt(4)] = 1f;
      boolean missing = rng.nextInt(10) == 0;
      x[r][6] = missing ? 0f : (float) rng.nextGaussian();
      x[r][7] = missing ? 1f : 0f;
      x[r][8] = (float) rng.nextGaussian();
    }
    return x;
  }
}
