package org.fairkd.kd.teacher;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ONNX model scored by an ONNX Runtime session (one intra-op thread). Inputs are float or string
 * tensors of shape {@code [N, k]} or {@code [N]} (a scikit-learn pipeline exported by skl2onnx
 * takes its categorical columns as string tensors and one-hot encodes them inside the graph).
 *
 * <p>The score is read from the output named {@code probabilities}, {@code probability} or {@code
 * output_probability}, else the first sequence of maps, else the first float tensor: of a sequence
 * of maps class → probability (skl2onnx's default ZipMap output), the value of the favourable class
 * key (int64 keys: the class number, 1 by default; string keys: {@code favourable_class} is
 * required); of a float tensor, column {@code favourable_class} (0 or 1, default 1) of {@code [N,
 * 2]}, or the only column of {@code [N, 1]} / {@code [N]} (its complement for class 0).
 *
 * @param session the session
 * @param inputs the declared inputs, in the model's order
 * @param ranks each input's declared rank (1 or 2), by name
 * @param output the output read
 * @param mapKey the class key read from a sequence-of-maps output ({@link Long} or {@link String}),
 *     or null for a tensor output
 * @param column the favourable class's column of a tensor output (0 or 1)
 */
record OnnxFile(
    OrtSession session,
    List<Declared> inputs,
    Map<String, Integer> ranks,
    String output,
    Object mapKey,
    int column)
    implements ImportedModel {

  private static final Set<String> PROBABILITY_NAMES =
      Set.of("probabilities", "probability", "output_probability");

  static OnnxFile open(Path file, String favourableClass) {
    OrtSession s;
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions o = new OrtSession.SessionOptions();
      o.setIntraOpNumThreads(1);
      o.setInterOpNumThreads(1);
      s = env.createSession(file.toString(), o);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "ONNX Runtime cannot load " + file + ": " + e.getMessage());
    }
    try {
      List<Declared> inputs = new ArrayList<>();
      Map<String, Integer> ranks = new HashMap<>();
      for (NodeInfo ni : s.getInputInfo().values()) {
        inputs.add(declared(ni));
        ranks.put(ni.getName(), ni.getInfo() instanceof TensorInfo t ? t.getShape().length : 0);
      }
      return withOutput(s, List.copyOf(inputs), Map.copyOf(ranks), favourableClass);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "ONNX Runtime cannot read the inputs and outputs of " + file + ": " + e.getMessage());
    }
  }

  private static Declared declared(NodeInfo ni) {
    if (!(ni.getInfo() instanceof TensorInfo t)) {
      String kind = ni.getInfo() instanceof SequenceInfo ? "sequence" : "map";
      return new Declared(ni.getName(), kind, -1, List.of());
    }
    long[] shape = t.getShape();
    if (shape.length < 1 || shape.length > 2) {
      throw new IllegalArgumentException(
          "the ONNX model's input '"
              + ni.getName()
              + "' has shape "
              + java.util.Arrays.toString(shape)
              + "; fairkd feeds [N, k] or [N]");
    }
    String type =
        t.type == OnnxJavaType.FLOAT
            ? "float"
            : t.type == OnnxJavaType.STRING ? "string" : t.type.name().toLowerCase();
    int width = shape.length == 1 ? 1 : (int) shape[1];
    return new Declared(ni.getName(), type, width > 0 ? width : -1, List.of());
  }

  /** Picks the output to read and resolves the favourable class against it. */
  private static OnnxFile withOutput(
      OrtSession s, List<Declared> inputs, Map<String, Integer> ranks, String favourable)
      throws OrtException {
    String tensor = null;
    String maps = null;
    String named = null;
    for (Map.Entry<String, NodeInfo> e : s.getOutputInfo().entrySet()) {
      ValueInfo vi = e.getValue().getInfo();
      boolean isTensor = vi instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT;
      boolean isMaps = vi instanceof SequenceInfo q && q.isSequenceOfMaps();
      if (isTensor && tensor == null) {
        tensor = e.getKey();
      }
      if (isMaps && maps == null) {
        maps = e.getKey();
      }
      if ((isTensor || isMaps) && named == null && PROBABILITY_NAMES.contains(e.getKey())) {
        named = e.getKey();
      }
    }
    String out = named != null ? named : maps != null ? maps : tensor;
    if (out == null) {
      throw new IllegalArgumentException(
          "the ONNX model has no float tensor or sequence-of-maps output to read a probability from");
    }
    ValueInfo vi = s.getOutputInfo().get(out).getInfo();
    if (vi instanceof SequenceInfo q) {
      MapInfo m = q.mapInfo;
      if (m.valueType != OnnxJavaType.FLOAT && m.valueType != OnnxJavaType.DOUBLE) {
        throw new IllegalArgumentException(
            "the ONNX model's output '"
                + out
                + "' maps classes to "
                + m.valueType
                + ", not floats");
      }
      Object key;
      if (m.keyType == OnnxJavaType.INT64) {
        try {
          key = favourable == null ? 1L : Long.parseLong(favourable);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "favourable_class '"
                  + favourable
                  + "' is not a class of output '"
                  + out
                  + "', whose classes are integers");
        }
      } else if (favourable == null) {
        throw new IllegalArgumentException(
            "the ONNX model's output '"
                + out
                + "' has string classes: say which is favourable with favourable_class");
      } else {
        key = favourable;
      }
      return new OnnxFile(s, inputs, ranks, out, key, 1);
    }
    if (favourable != null && !favourable.equals("0") && !favourable.equals("1")) {
      throw new IllegalArgumentException(
          "the ONNX model's output '"
              + out
              + "' is a tensor without class names: favourable_class must be its column, 0 or 1");
    }
    return new OnnxFile(s, inputs, ranks, out, null, "0".equals(favourable) ? 0 : 1);
  }

  @Override
  public List<Declared> declaredInputs() {
    return inputs;
  }

  @Override
  public double[] score(ModelRows x) {
    int n = x.rows();
    if (n == 0) {
      return new double[0];
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      for (ModelRows.Tensor t : x.tensors()) {
        String name = t.input().isEmpty() ? inputs.get(0).name() : t.input();
        long[] shape = ranks.get(name) == 1 ? new long[] {n} : new long[] {n, t.width()};
        feed.put(
            name,
            t.strings() != null
                ? OnnxTensor.createTensor(env, t.strings(), shape)
                : OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), shape));
      }
      try (OrtSession.Result r = session.run(feed, Set.of(output))) {
        return mapKey != null ? fromMaps(r.get(0), n) : fromTensor(r.get(0), n);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  private double[] fromTensor(OnnxValue v, int n) {
    FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
    long[] shape = ((TensorInfo) v.getInfo()).getShape();
    int cols = shape.length == 2 ? (int) shape[1] : 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double p = fb.get(i * cols + (cols == 2 ? column : 0));
      out[i] = cols == 2 || column == 1 ? p : 1 - p;
    }
    return out;
  }

  /**
   * The favourable class's probability of each map.
   *
   * @throws IllegalArgumentException when a map has no such class
   */
  private double[] fromMaps(OnnxValue v, int n) throws OrtException {
    List<? extends OnnxValue> maps = ((OnnxSequence) v).getValue();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      Map<?, ?> m = ((OnnxMap) maps.get(i)).getValue();
      Object p = m.get(mapKey);
      if (!(p instanceof Number num)) {
        Set<String> classes = new TreeSet<>();
        m.keySet().forEach(k -> classes.add(String.valueOf(k)));
        throw new IllegalArgumentException(
            "the model's output '"
                + output
                + "' has no class '"
                + mapKey
                + "' (classes: "
                + String.join(", ", classes)
                + "): set favourable_class to one of them");
      }
      out[i] = num.doubleValue();
    }
    return out;
  }
}
