package org.fairkd.kd.teacher;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.StudentWeights;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;

/**
 * An MLP member: trained with DJL by {@link StudentTrainer} on hard labels (alpha 0, no penalty),
 * scored by the plain-Java forward pass of {@link PortableScorer#scoreEncoded} (ReLU hidden layers,
 * {@code σ(z₁ − z₀)} of the 2 output logits); no DJL at scoring time.
 *
 * <p>Early stopping monitors the AUC on a seeded stratified {@code holdout} fraction of the
 * member's own training rows ({@link #holdout}); the ensemble's validation split is never seen. The
 * PyTorch random seed that initialises the weights is global to the JVM, so MLP trainings are
 * serialised (one at a time, while Tribuo members train alongside) to stay reproducible.
 *
 * <p>Saved as {@code members/<name>.json}, format {@code fairkd.teacher-mlp} version 1:
 *
 * <pre>
 * {"format": "fairkd.teacher-mlp", "version": 1, "architecture": "64x64", "activation": "relu",
 *  "output": "softmax2", "input_width": 104,
 *  "layers": [{"weights": [[out][in]], "bias": [out]}, ...],
 *  "training": {"seed": 2001, "epochs_trained": 23, "best_epoch": 17, "holdout_auc": 0.903,
 *               "training_rows": 24000, "holdout_rows": 2667, "seconds": 21.4,
 *               "djl_version": "0.35.1"}}
 * </pre>
 */
final class MlpMember implements MemberModel {
  /** The {@code format} field of a saved MLP member. */
  static final String FORMAT = "fairkd.teacher-mlp";

  /** The {@code version} field of a saved MLP member. */
  static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Object DJL_LOCK = new Object();

  private final StudentWeights weights;
  private final Training training;
  private final ThreadLocal<PortableScorer> scorer;

  /**
   * How the member was trained.
   *
   * @param seed the member seed (holdout draw, weight initialisation, batch order)
   * @param epochsTrained epochs run before early stopping
   * @param bestEpoch the 1-based epoch whose weights were kept
   * @param holdoutAuc AUC of the kept weights on the holdout rows
   * @param trainingRows rows the weights were fitted on
   * @param holdoutRows rows held out for early stopping
   * @param seconds wall-clock training seconds
   * @param djlVersion the DJL version that trained it
   */
  record Training(
      long seed,
      @JsonProperty("epochs_trained") int epochsTrained,
      @JsonProperty("best_epoch") int bestEpoch,
      @JsonProperty("holdout_auc") double holdoutAuc,
      @JsonProperty("training_rows") int trainingRows,
      @JsonProperty("holdout_rows") int holdoutRows,
      double seconds,
      @JsonProperty("djl_version") String djlVersion) {}

  /** The saved file. */
  record MlpFile(
      String format,
      int version,
      String architecture,
      String activation,
      String output,
      @JsonProperty("input_width") int inputWidth,
      List<PortableStudent.Layer> layers,
      Training training) {}

  MlpMember(StudentWeights weights, Training training) {
    this.weights = weights;
    this.training = training;
    PortableStudent p =
        PortableStudent.of(identity(weights.inputWidth()), List.of(), weights, null);
    this.scorer = ThreadLocal.withInitial(() -> new PortableScorer(p));
  }

  /** An encoder that passes already-encoded inputs through unchanged: {@code (x − 0) / 1}. */
  private static EncoderSpec identity(int width) {
    List<EncoderSpec.Column> cols = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      cols.add(new EncoderSpec.Column("x" + j, "numeric", 0.0, 1.0, false, null));
    }
    return new EncoderSpec(cols);
  }

  StudentWeights weights() {
    return weights;
  }

  Training training() {
    return training;
  }

  /** The hidden layers of {@code spec}: {@code layers} × {@code hidden} units. */
  static StudentArchitecture architecture(MemberSpec spec) {
    int hidden = intParam(spec, "hidden");
    return new StudentArchitecture(Collections.nCopies(intParam(spec, "layers"), hidden));
  }

  static MlpMember train(MemberSpec spec, float[][] x, boolean[] y, int[] rows, long seed) {
    int[][] split = holdout(y, rows, spec.params().get("holdout"), seed);
    if (split == null) {
      throw new DistillationException(
          "teacher member '"
              + spec.name()
              + "': an mlp needs at least 2 training rows of each label (one for its holdout)");
    }
    StudentSettings settings =
        new StudentSettings(
            intParam(spec, "epochs"),
            intParam(spec, "batch_size"),
            spec.params().get("learning_rate"),
            intParam(spec, "patience"),
            1.0, // temperature: unused with alpha 0
            0, // alpha: hard labels only
            0, // lambda: no fairness penalty
            PenaltyKind.DEMOGRAPHIC_PARITY);
    TrainingData all = new TrainingData(x, y, null, null, null);
    TrainingData fit = all.rows(split[0]);
    TrainingData held = all.rows(split[1]);
    TrainedStudent t;
    synchronized (DJL_LOCK) {
      t = StudentTrainer.train(fit, held, architecture(spec), settings, seed);
    }
    return new MlpMember(
        t.weights(),
        new Training(
            seed,
            t.epochsRun(),
            t.bestEpoch(),
            t.validationAuc(),
            split[0].length,
            split[1].length,
            t.seconds(),
            Engine.getDjlVersion()));
  }

  /**
   * Splits {@code rows} into {@code [fit rows, holdout rows]} (each ascending): within each label
   * the rows are shuffled with {@code new Random(seed)} (label false first) and the first {@code
   * round(fraction · n_label)} are held out, at least 1 and at most {@code n_label − 1}.
   *
   * @return null when a label has fewer than 2 rows
   */
  static int[][] holdout(boolean[] y, int[] rows, double fraction, long seed) {
    Random rnd = new Random(seed);
    boolean[] held = new boolean[y.length];
    for (boolean label : new boolean[] {false, true}) {
      List<Integer> of = new ArrayList<>();
      for (int r : rows) {
        if (y[r] == label) {
          of.add(r);
        }
      }
      if (of.size() < 2) {
        return null;
      }
      Collections.shuffle(of, rnd);
      int h = (int) Math.min(of.size() - 1, Math.max(1, Math.round(fraction * of.size())));
      for (int k = 0; k < h; k++) {
        held[of.get(k)] = true;
      }
    }
    int[] sorted = rows.clone();
    Arrays.sort(sorted);
    return new int[][] {
      IntStream.of(sorted).filter(r -> !held[r]).toArray(),
      IntStream.of(sorted).filter(r -> held[r]).toArray()
    };
  }

  @Override
  public double[] predict(TribuoRows rows, float[][] x) {
    for (float[] row : x) {
      if (row.length != weights.inputWidth()) {
        throw new IllegalArgumentException(
            "row has " + row.length + " features, the teacher expects " + weights.inputWidth());
      }
    }
    return scorer.get().scoreEncoded(x);
  }

  @Override
  public void save(Path dir, String name, ObjectNode entry) throws IOException {
    String file = "members/" + name + ".json";
    List<PortableStudent.Layer> layers = new ArrayList<>();
    for (int l = 0; l < weights.weights().size(); l++) {
      layers.add(new PortableStudent.Layer(weights.weights().get(l), weights.biases().get(l)));
    }
    MlpFile f =
        new MlpFile(
            FORMAT,
            VERSION,
            weights.architecture().toString(),
            "relu",
            "softmax2",
            weights.inputWidth(),
            layers,
            training);
    AtomicFiles.write(dir.resolve(file), JSON.writeValueAsBytes(f));
    entry.put("file", file);
  }

  /**
   * {@code {"type": "mlp", "architecture", "hyper_parameters", "seed", "epochs_trained",
   * "best_epoch", "holdout_auc", "training_rows", "holdout_rows", "training_seconds", "trainer"}}.
   */
  @Override
  public JsonNode provenance(MemberSpec spec) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", spec.type().key());
    o.put("architecture", weights.architecture().toString());
    spec.putParams(o.putObject("hyper_parameters"));
    o.put("seed", training.seed());
    o.put("epochs_trained", training.epochsTrained());
    o.put("best_epoch", training.bestEpoch());
    o.put("holdout_auc", training.holdoutAuc());
    o.put("training_rows", training.trainingRows());
    o.put("holdout_rows", training.holdoutRows());
    o.put("training_seconds", training.seconds());
    o.put(
        "trainer",
        "org.fairkd.kd.student.StudentTrainer (DJL "
            + training.djlVersion()
            + ", PyTorch engine, Adam, hard labels)");
    return o;
  }

  /**
   * Reads and checks a saved MLP member.
   *
   * @param width the teacher's number of encoded features
   * @throws DistillationException naming the file and key
   */
  static MlpMember read(Path file, int width) {
    MlpFile f;
    try {
      f = JSON.readValue(Files.readAllBytes(file), MlpFile.class);
    } catch (IOException e) {
      throw new DistillationException(file + ": cannot read the mlp member: " + e.getMessage(), e);
    }
    if (f == null || !FORMAT.equals(f.format())) {
      throw new DistillationException(file + ": key 'format': expected '" + FORMAT + "'");
    }
    if (f.version() != VERSION) {
      throw new DistillationException(
          file + ": key 'version': unsupported " + f.version() + " (expected " + VERSION + ")");
    }
    if (f.layers() == null || f.layers().isEmpty() || f.training() == null) {
      throw new DistillationException(file + ": keys 'layers' and 'training' are required");
    }
    int in = width;
    for (int l = 0; l < f.layers().size(); l++) {
      PortableStudent.Layer layer = f.layers().get(l);
      float[][] w = layer.weights();
      int inW = in;
      boolean ok =
          w != null
              && w.length > 0
              && layer.bias() != null
              && layer.bias().length == w.length
              && IntStream.range(0, w.length).allMatch(o -> w[o] != null && w[o].length == inW);
      if (!ok) {
        throw new DistillationException(
            file + ": key 'layers[" + l + "]': expected weights [out][" + in + "] and bias [out]");
      }
      in = w.length;
    }
    if (in != 2) {
      throw new DistillationException(file + ": key 'layers': the last layer must have 2 outputs");
    }
    StudentWeights w =
        new StudentWeights(
            f.layers().stream().map(PortableStudent.Layer::weights).toList(),
            f.layers().stream().map(PortableStudent.Layer::bias).toList());
    if (!w.architecture().toString().equals(f.architecture())) {
      throw new DistillationException(
          file
              + ": key 'architecture': '"
              + f.architecture()
              + "' does not match the layers ("
              + w.architecture()
              + ")");
    }
    return new MlpMember(w, f.training());
  }

  private static int intParam(MemberSpec spec, String key) {
    return (int) Math.round(spec.params().get(key));
  }
}
