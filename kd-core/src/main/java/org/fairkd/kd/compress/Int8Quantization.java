package org.fairkd.kd.compress;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.kd.student.StudentWeights;

/**
 * Post-training int8 weight quantisation, symmetric and per output unit: for each row {@code o} of
 * a layer's weight matrix, {@code scale_o = max_j |W[o][j]| / 127}, {@code q[o][j] = round(W[o][j]
 * / scale_o)} in {@code [-127, 127]}, and the student scores with the dequantised weights {@code
 * q·scale_o}, so each weight moves by at most {@code scale_o / 2}. Biases stay float32 (as int8
 * runtimes keep them in higher precision). A row of zeros has scale 0.
 */
public record Int8Quantization() implements CompressionMethod {

  /** The quantised form of one layer: codes {@code [out][in]}, one scale per output, the bias. */
  public record QuantizedLayer(byte[][] codes, float[] scales, float[] bias) {}

  @Override
  public String name() {
    return "int8";
  }

  @Override
  public String description() {
    return "int8 weights, symmetric per output unit (scale = max |w| / 127), float32 biases,"
        + " no retraining";
  }

  /** Quantises every layer. */
  public static List<QuantizedLayer> quantize(StudentWeights w) {
    List<QuantizedLayer> out = new ArrayList<>();
    for (int l = 0; l < w.weights().size(); l++) {
      float[][] wl = w.weights().get(l);
      byte[][] q = new byte[wl.length][];
      float[] scales = new float[wl.length];
      for (int o = 0; o < wl.length; o++) {
        float max = 0f;
        for (float v : wl[o]) {
          max = Math.max(max, Math.abs(v));
        }
        scales[o] = max / 127f;
        q[o] = new byte[wl[o].length];
        for (int j = 0; j < wl[o].length; j++) {
          q[o][j] =
              scales[o] == 0f
                  ? 0
                  : (byte) Math.max(-127, Math.min(127, Math.round(wl[o][j] / scales[o])));
        }
      }
      out.add(new QuantizedLayer(q, scales, w.biases().get(l).clone()));
    }
    return out;
  }

  /** The float weights the codes stand for: {@code q·scale}. */
  public static StudentWeights dequantize(List<QuantizedLayer> layers) {
    List<float[][]> weights = new ArrayList<>();
    List<float[]> biases = new ArrayList<>();
    for (QuantizedLayer ql : layers) {
      float[][] wl = new float[ql.codes().length][];
      for (int o = 0; o < wl.length; o++) {
        wl[o] = new float[ql.codes()[o].length];
        for (int j = 0; j < wl[o].length; j++) {
          wl[o][j] = ql.codes()[o][j] * ql.scales()[o];
        }
      }
      weights.add(wl);
      biases.add(ql.bias());
    }
    return new StudentWeights(weights, biases);
  }

  @Override
  public StudentWeights apply(StudentWeights w) {
    return dequantize(quantize(w));
  }
}
