package org.fairkd.kd.workers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.kd.student.StudentWeights;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;

/**
 * The binary files between the lead process and its training workers: the training and validation
 * rows (written once per pool) and each trained student (written by the worker). Floats and doubles
 * are stored bit for bit (big-endian), so a worker trains on exactly the lead's numbers and the
 * lead reads back exactly the worker's weights.
 */
public final class TrainingDataFile {
  private static final int ROWS_MAGIC = 0x464b4452; // "FKDR"
  private static final int STUDENT_MAGIC = 0x464b4453; // "FKDS"
  private static final int VERSION = 1;

  private TrainingDataFile() {}

  /** The rows a pool trains on. */
  public record Rows(TrainingData train, TrainingData validation) {}

  /** Writes the training and validation rows to {@code file}. */
  public static void writeRows(Path file, TrainingData train, TrainingData validation)
      throws IOException {
    try (DataOutputStream out = open(file)) {
      out.writeInt(ROWS_MAGIC);
      out.writeInt(VERSION);
      write(out, train);
      write(out, validation);
    }
  }

  /** Reads {@link #writeRows}' file. */
  public static Rows readRows(Path file) throws IOException {
    try (DataInputStream in = read(file)) {
      header(in, ROWS_MAGIC, file);
      return new Rows(readData(in), readData(in));
    }
  }

  /** Writes one trained student to {@code file}. */
  public static void writeStudent(Path file, TrainedStudent s) throws IOException {
    try (DataOutputStream out = open(file)) {
      out.writeInt(STUDENT_MAGIC);
      out.writeInt(VERSION);
      StudentWeights w = s.weights();
      out.writeInt(w.weights().size());
      for (int l = 0; l < w.weights().size(); l++) {
        float[][] m = w.weights().get(l);
        out.writeInt(m.length);
        out.writeInt(m[0].length);
        for (float[] row : m) {
          floats(out, row);
        }
        floats(out, w.biases().get(l));
      }
      out.writeInt(s.bestEpoch());
      out.writeInt(s.epochsRun());
      out.writeDouble(s.validationAuc());
      out.writeDouble(s.validationObjective());
      out.writeDouble(s.seconds());
    }
  }

  /** Reads {@link #writeStudent}'s file. */
  public static TrainedStudent readStudent(Path file) throws IOException {
    try (DataInputStream in = read(file)) {
      header(in, STUDENT_MAGIC, file);
      int layers = in.readInt();
      List<float[][]> weights = new ArrayList<>();
      List<float[]> biases = new ArrayList<>();
      for (int l = 0; l < layers; l++) {
        int rows = in.readInt();
        int cols = in.readInt();
        float[][] m = new float[rows][];
        for (int r = 0; r < rows; r++) {
          m[r] = floats(in, cols);
        }
        weights.add(m);
        biases.add(floats(in, rows));
      }
      return new TrainedStudent(
          new StudentWeights(weights, biases),
          in.readInt(),
          in.readInt(),
          in.readDouble(),
          in.readDouble(),
          in.readDouble());
    }
  }

  private static void write(DataOutputStream out, TrainingData d) throws IOException {
    int n = d.size();
    int width = d.width();
    out.writeInt(n);
    out.writeInt(width);
    for (float[] row : d.x()) {
      if (row.length != width) {
        throw new IllegalArgumentException("training rows differ in width");
      }
      floats(out, row);
    }
    booleans(out, d.labels());
    out.writeBoolean(d.labelled() != null);
    if (d.labelled() != null) {
      booleans(out, d.labelled());
    }
    out.writeBoolean(d.teacherProb() != null);
    if (d.teacherProb() != null) {
      doubles(out, d.teacherProb());
    }
    out.writeBoolean(d.membership() != null);
    if (d.membership() != null) {
      int g = n == 0 ? 0 : d.membership()[0].length;
      out.writeInt(g);
      for (double[] row : d.membership()) {
        if (row.length != g) {
          throw new IllegalArgumentException("membership rows differ in width");
        }
        doubles(out, row);
      }
    }
  }

  private static TrainingData readData(DataInputStream in) throws IOException {
    int n = in.readInt();
    int width = in.readInt();
    float[][] x = new float[n][];
    for (int i = 0; i < n; i++) {
      x[i] = floats(in, width);
    }
    boolean[] labels = booleans(in, n);
    boolean[] labelled = in.readBoolean() ? booleans(in, n) : null;
    double[] teacher = in.readBoolean() ? doubles(in, n) : null;
    double[][] membership = null;
    if (in.readBoolean()) {
      int g = in.readInt();
      membership = new double[n][];
      for (int i = 0; i < n; i++) {
        membership[i] = doubles(in, g);
      }
    }
    return new TrainingData(x, labels, labelled, teacher, membership);
  }

  private static void floats(DataOutputStream out, float[] v) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length);
    b.asFloatBuffer().put(v);
    out.write(b.array());
  }

  private static float[] floats(DataInputStream in, int n) throws IOException {
    byte[] bytes = new byte[4 * n];
    in.readFully(bytes);
    float[] v = new float[n];
    ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
    return v;
  }

  private static void doubles(DataOutputStream out, double[] v) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length);
    b.asDoubleBuffer().put(v);
    out.write(b.array());
  }

  private static double[] doubles(DataInputStream in, int n) throws IOException {
    byte[] bytes = new byte[8 * n];
    in.readFully(bytes);
    double[] v = new double[n];
    ByteBuffer.wrap(bytes).asDoubleBuffer().get(v);
    return v;
  }

  private static void booleans(DataOutputStream out, boolean[] v) throws IOException {
    byte[] bytes = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      bytes[i] = (byte) (v[i] ? 1 : 0);
    }
    out.write(bytes);
  }

  private static boolean[] booleans(DataInputStream in, int n) throws IOException {
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    boolean[] v = new boolean[n];
    for (int i = 0; i < n; i++) {
      v[i] = bytes[i] != 0;
    }
    return v;
  }

  private static void header(DataInputStream in, int magic, Path file) throws IOException {
    if (in.readInt() != magic || in.readInt() != VERSION) {
      throw new IOException(file + ": not a fairkd training worker file (version " + VERSION + ")");
    }
  }

  private static DataOutputStream open(Path file) throws IOException {
    OutputStream o = Files.newOutputStream(file);
    return new DataOutputStream(new BufferedOutputStream(o, 1 << 20));
  }

  private static DataInputStream read(Path file) throws IOException {
    InputStream i = Files.newInputStream(file);
    return new DataInputStream(new BufferedInputStream(i, 1 << 20));
  }
}
