package org.fairkd.kd.portable;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.student.StudentWeights;

/**
 * The deployable student: one versioned JSON file with the fitted encoder and the MLP weights, so
 * that a raw row can be scored without DJL or any native library ({@link PortableScorer}).
 *
 * <p>Format {@code fairkd.student} version 1: {@code {"format", "version", "architecture",
 * "activation": "relu", "output": "softmax2", "encoder": EncoderSpec, "input_names": [...],
 * "layers": [{"weights": [[out][in]], "bias": [out]}], "metadata": {...}}}. The score is {@code
 * softmax(z)[1]} of the last layer's two logits.
 */
public record PortableStudent(
    String format,
    int version,
    String architecture,
    String activation,
    String output,
    EncoderSpec encoder,
    @JsonProperty("input_names") List<String> inputNames,
    List<Layer> layers,
    java.util.Map<String, Object> metadata) {

  /** Format name written in every file. */
  public static final String FORMAT = "fairkd.student";

  /** Current format version. */
  public static final int VERSION = 1;

  /** One dense layer: {@code z = W x + b}, W stored {@code [out][in]}. */
  public record Layer(float[][] weights, float[] bias) {}

  /** Bundles encoder and weights. */
  public static PortableStudent of(
      EncoderSpec encoder,
      List<String> inputNames,
      StudentWeights w,
      java.util.Map<String, Object> metadata) {
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l < w.weights().size(); l++) {
      layers.add(new Layer(w.weights().get(l), w.biases().get(l)));
    }
    return new PortableStudent(
        FORMAT,
        VERSION,
        w.architecture().toString(),
        "relu",
        "softmax2",
        encoder,
        List.copyOf(inputNames),
        layers,
        metadata);
  }

  /** The weights as a {@link StudentWeights}. */
  public StudentWeights weights() {
    return new StudentWeights(
        layers.stream().map(Layer::weights).toList(), layers.stream().map(Layer::bias).toList());
  }

  /** Serialises to JSON bytes. */
  public byte[] toJson() {
    return StudentFiles.bytes(this, "student");
  }

  /** Reads and checks a portable student file. */
  public static PortableStudent read(Path file) {
    PortableStudent p = StudentFiles.read(file, PortableStudent.class, "portable student");
    if (!FORMAT.equals(p.format())) {
      throw new DistillationException(
          file + ": key 'format': expected '" + FORMAT + "', got '" + p.format() + "'");
    }
    if (p.version() != VERSION) {
      throw new DistillationException(
          file
              + ": key 'version': unsupported version "
              + p.version()
              + " (this fairkd reads "
              + VERSION
              + ")");
    }
    if (p.layers() == null || p.layers().isEmpty() || p.encoder() == null) {
      throw new DistillationException(file + ": keys 'layers' and 'encoder' are required");
    }
    return p;
  }
}
