package org.fairkd.kd.student;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A student as a DJL model (PyTorch engine) built from {@link StudentWeights}; scores encoded rows.
 * Close it to free native memory.
 */
public final class DjlStudent implements AutoCloseable {
  private final Model model;
  private final ParameterStore store;
  private final int width;

  private DjlStudent(Model model, int width) {
    this.model = model;
    this.width = width;
    this.store = new ParameterStore(model.getNDManager(), false);
  }

  /** Builds the MLP block for an architecture: Linear(h1) ReLU … Linear(2). */
  public static Block block(StudentArchitecture arch) {
    SequentialBlock b = new SequentialBlock();
    for (int h : arch.hidden()) {
      b.add(Linear.builder().setUnits(h).build()).add(Activation::relu);
    }
    b.add(Linear.builder().setUnits(2).build());
    return b;
  }

  /** A DJL model holding exactly these weights. */
  public static DjlStudent of(StudentWeights w) {
    DjlEngine.ensureQuiet();
    Model model = Model.newInstance("student", "PyTorch");
    Block block = block(w.architecture());
    model.setBlock(block);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, w.inputWidth()));
    setWeights(block, w);
    return new DjlStudent(model, w.inputWidth());
  }

  /** Copies weights into an initialised block (parameters in order weight, bias per layer). */
  static void setWeights(Block block, StudentWeights w) {
    List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
    for (int l = 0; l < w.weights().size(); l++) {
      float[][] m = w.weights().get(l);
      float[] flat = new float[m.length * m[0].length];
      for (int o = 0; o < m.length; o++) {
        System.arraycopy(m[o], 0, flat, o * m[0].length, m[0].length);
      }
      params.get(2 * l).getValue().getArray().set(flat);
      params.get(2 * l + 1).getValue().getArray().set(w.biases().get(l));
    }
  }

  /** Reads the weights of an initialised block. */
  static StudentWeights readWeights(Block block) {
    List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
    List<float[][]> ws = new java.util.ArrayList<>();
    List<float[]> bs = new java.util.ArrayList<>();
    for (int l = 0; l < params.size() / 2; l++) {
      NDArray wa = params.get(2 * l).getValue().getArray();
      long[] shape = wa.getShape().getShape();
      float[] flat = wa.toFloatArray();
      float[][] m = new float[(int) shape[0]][(int) shape[1]];
      for (int o = 0; o < m.length; o++) {
        System.arraycopy(flat, o * m[0].length, m[o], 0, m[0].length);
      }
      ws.add(m);
      bs.add(params.get(2 * l + 1).getValue().getArray().toFloatArray());
    }
    return new StudentWeights(ws, bs);
  }

  /** Favourable-class probability for each encoded row. */
  public double[] predict(float[][] x) {
    double[] out = new double[x.length];
    int chunk = 4096;
    for (int start = 0; start < x.length; start += chunk) {
      int n = Math.min(chunk, x.length - start);
      float[] flat = new float[n * width];
      for (int i = 0; i < n; i++) {
        System.arraycopy(x[start + i], 0, flat, i * width, width);
      }
      try (NDManager sub = model.getNDManager().newSubManager()) {
        NDArray in = sub.create(flat, new Shape(n, width));
        NDArray logits = model.getBlock().forward(store, new NDList(in), false).singletonOrThrow();
        float[] p = logits.softmax(1).get(":, 1").toFloatArray();
        for (int i = 0; i < n; i++) {
          out[start + i] = p[i];
        }
      }
    }
    return out;
  }

  /** Saves the DJL parameter file as {@code dir/student.params}; returns its path. */
  public Path save(Path dir) {
    try {
      Files.createDirectories(dir);
      model.save(dir, "student");
      try (var s = Files.list(dir)) {
        return s.filter(p -> p.getFileName().toString().endsWith(".params"))
            .findFirst()
            .orElseThrow(() -> new IOException("DJL wrote no .params file in " + dir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the DJL student in " + dir, e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
