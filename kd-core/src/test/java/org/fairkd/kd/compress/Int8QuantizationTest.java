package org.fairkd.kd.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.student.StudentWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Int8QuantizationTest {
  @TempDir Path dir;

  @Test
  void eachWeightMovesByAtMostHalfAStepAndTheLargestMapsTo127() {
    StudentWeights w = CompressionFixtures.weights(12, new int[] {16, 8}, 3);
    List<Int8Quantization.QuantizedLayer> q = Int8Quantization.quantize(w);
    StudentWeights back = Int8Quantization.dequantize(q);
    for (int l = 0; l < q.size(); l++) {
      float[][] orig = w.weights().get(l);
      for (int o = 0; o < orig.length; o++) {
        double max = 0;
        int maxCode = 0;
        for (int j = 0; j < orig[o].length; j++) {
          max = Math.max(max, Math.abs(orig[o][j]));
          maxCode = Math.max(maxCode, Math.abs(q.get(l).codes()[o][j]));
        }
        double step = max / 127;
        assertEquals(step, q.get(l).scales()[o], 1e-7 * step);
        assertEquals(127, maxCode, "layer " + l + " unit " + o);
        for (int j = 0; j < orig[o].length; j++) {
          assertTrue(
              Math.abs(back.weights().get(l)[o][j] - orig[o][j]) <= step / 2 * (1 + 1e-5),
              "layer " + l + " weight " + o + "," + j);
        }
      }
      assertArrayEquals(w.biases().get(l), back.biases().get(l));
    }
  }

  /**
   * Rigorous per-row bound: with |ΔW[o][j]| ≤ scale_o / 2 and ReLU 1-Lipschitz, |Δz_o| ≤ Σ_j
   * (scale_o/2)·|h_j| + Σ_j |W'[o][j]|·|Δh_j|, layer by layer; σ(z₁ − z₀) is ¼-Lipschitz.
   */
  @Test
  void int8ScoresStayWithinTheErrorBoundOfTheFloatScores() {
    CompressionFixtures f = new CompressionFixtures(new int[] {32, 16}, 5);
    CompressedStudent c = CompressedStudent.of(new Int8Quantization(), f.student);
    double[] int8 = new PortableScorer(c.student()).scoreEncoded(f.x);
    StudentWeights w = f.student.weights();
    StudentWeights wq = c.student().weights();
    List<Int8Quantization.QuantizedLayer> q = Int8Quantization.quantize(w);
    double meanDiff = 0;
    for (int i = 0; i < f.x.length; i++) {
      double floatScore = CompressionFixtures.forward(w, f.x[i]);
      double bound = bound(w, wq, q, f.x[i]);
      double diff = Math.abs(int8[i] - floatScore);
      assertTrue(diff <= bound + 1e-9, "row " + i + ": " + diff + " > bound " + bound);
      assertEquals(CompressionFixtures.forward(wq, f.x[i]), int8[i], 1e-9, "row " + i);
      meanDiff += diff / f.x.length;
    }
    assertTrue(meanDiff < 0.01, "mean |Δscore| " + meanDiff);
  }

  private static double bound(
      StudentWeights w, StudentWeights wq, List<Int8Quantization.QuantizedLayer> q, float[] x) {
    double[] h = new double[x.length];
    double[] dh = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      h[j] = x[j];
    }
    int layers = w.weights().size();
    for (int l = 0; l < layers; l++) {
      float[][] wl = w.weights().get(l);
      float[][] wql = wq.weights().get(l);
      double[] z = new double[wl.length];
      double[] dz = new double[wl.length];
      for (int o = 0; o < wl.length; o++) {
        double s = w.biases().get(l)[o];
        double e = 0;
        for (int j = 0; j < h.length; j++) {
          s += (double) wl[o][j] * h[j];
          e += q.get(l).scales()[o] / 2.0 * Math.abs(h[j]) + Math.abs(wql[o][j]) * dh[j];
        }
        z[o] = l < layers - 1 ? Math.max(0, s) : s;
        dz[o] = e * (1 + 1e-5);
      }
      h = z;
      dh = dz;
    }
    return (dh[0] + dh[1]) / 4;
  }

  @Test
  void theInt8FileReadsBackToTheSameScoresAndIsSmallerThanTheFloatFile() throws Exception {
    CompressionFixtures f = new CompressionFixtures(new int[] {32}, 7);
    CompressedStudent c = CompressedStudent.of(new Int8Quantization(), f.student);
    Path file = dir.resolve(c.fileName());
    Files.write(file, c.fileBytes());
    Int8StudentFile back = Int8StudentFile.read(file);
    assertEquals(Int8StudentFile.FORMAT, back.format());
    assertArrayEquals(
        new PortableScorer(c.student()).scoreEncoded(f.x),
        new PortableScorer(back.dequantized()).scoreEncoded(f.x));
    assertTrue(
        c.fileBytes().length < f.student.toJson().length / 2,
        c.fileBytes().length + " vs " + f.student.toJson().length);
    assertEquals("student_int8.json", c.fileName());
    assertEquals("int8", c.student().metadata().get("compression"));
  }
}
