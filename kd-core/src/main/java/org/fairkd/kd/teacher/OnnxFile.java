package org.fairkd.kd.teacher;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model scored by an ONNX Runtime session (one intra-op thread): one float input tensor of
 * shape {@code [N, k]}; the score is taken from the output named {@code probabilities} or {@code
 * probability}, else the first float tensor output: column 1 of an {@code [N, 2]} output, or the
 * only column of {@code [N, 1]} / {@code [N]}. ONNX models have no per-feature names, so only the
 * input count is checked.
 *
 * @param session the session
 * @param input the input tensor's name
 * @param width k
 * @param output the output read
 */
record OnnxFile(OrtSession session, String input, int width, String output)
    implements ImportedModel {

  static OnnxFile open(Path file) {
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions o = new OrtSession.SessionOptions();
      o.setIntraOpNumThreads(1);
      o.setInterOpNumThreads(1);
      OrtSession s = env.createSession(file.toString(), o);
      Map<String, NodeInfo> in = s.getInputInfo();
      if (in.size() != 1) {
        throw new IllegalArgumentException(
            "the ONNX model has " + in.size() + " inputs; fairkd feeds one float tensor [N, k]");
      }
      NodeInfo ni = in.values().iterator().next();
      long[] shape = ni.getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
      if (!(ni.getInfo() instanceof TensorInfo t2)
          || t2.type != ai.onnxruntime.OnnxJavaType.FLOAT
          || shape.length != 2
          || shape[1] <= 0) {
        throw new IllegalArgumentException(
            "the ONNX model's input '" + ni.getName() + "' is not a float tensor [N, k]");
      }
      String out = null;
      for (Map.Entry<String, NodeInfo> e : s.getOutputInfo().entrySet()) {
        boolean floatTensor =
            e.getValue().getInfo() instanceof TensorInfo t
                && t.type == ai.onnxruntime.OnnxJavaType.FLOAT;
        if (floatTensor
            && (out == null
                || e.getKey().equals("probabilities")
                || e.getKey().equals("probability"))) {
          out = e.getKey();
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("the ONNX model has no float tensor output");
      }
      return new OnnxFile(s, ni.getName(), (int) shape[1], out);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "ONNX Runtime cannot load " + file + ": " + e.getMessage());
    }
  }

  @Override
  public int inputCount() {
    return width;
  }

  @Override
  public List<String> inputNames() {
    return List.of();
  }

  @Override
  public double[] score(float[] x, int n) {
    if (n == 0) {
      return new double[0];
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor t =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(x, 0, n * width), new long[] {n, width});
        OrtSession.Result r = session.run(Map.of(input, t), java.util.Set.of(output))) {
      OnnxValue v = r.get(0);
      FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
      long[] shape = ((TensorInfo) v.getInfo()).getShape();
      int cols = shape.length == 2 ? (int) shape[1] : 1;
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = fb.get(i * cols + (cols == 2 ? 1 : 0));
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    }
  }
}
