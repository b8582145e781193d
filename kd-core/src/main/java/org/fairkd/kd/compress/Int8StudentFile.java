package org.fairkd.kd.compress;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.encode.EncoderSpec;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.portable.StudentFiles;

/**
 * The int8 student on disk: format {@code fairkd.student-int8} version 1, the portable student's
 * layout ({@link PortableStudent}) with each layer as {@code {"codes": [base64 of one output unit's
 * int8 codes, ...], "scales": [out], "bias": [out]}}; weight {@code [o][j] = codes[o][j] ·
 * scales[o]}. {@link #read} gives back the portable student that scores with exactly those weights.
 */
public record Int8StudentFile(
    String format,
    int version,
    String architecture,
    String activation,
    String output,
    EncoderSpec encoder,
    @JsonProperty("input_names") List<String> inputNames,
    List<Int8Quantization.QuantizedLayer> layers,
    Map<String, Object> metadata) {

  /** Format name written in every file. */
  public static final String FORMAT = "fairkd.student-int8";

  /** Current format version. */
  public static final int VERSION = 1;

  /** The int8 file of a float portable student. */
  public static Int8StudentFile of(PortableStudent p, Map<String, Object> metadata) {
    return new Int8StudentFile(
        FORMAT,
        VERSION,
        p.architecture(),
        p.activation(),
        p.output(),
        p.encoder(),
        p.inputNames(),
        Int8Quantization.quantize(p.weights()),
        metadata);
  }

  /** The portable student scoring with the dequantised weights. */
  public PortableStudent dequantized() {
    return PortableStudent.of(
        encoder,
        inputNames,
        Int8Quantization.dequantize(layers),
        metadata == null ? Map.of() : metadata);
  }

  /** Serialises to JSON bytes. */
  public byte[] toJson() {
    return StudentFiles.bytes(this, "int8 student");
  }

  /** Reads and checks an int8 student file. */
  public static Int8StudentFile read(Path file) {
    Int8StudentFile f = StudentFiles.read(file, Int8StudentFile.class, "int8 student");
    if (!FORMAT.equals(f.format()) || f.version() != VERSION) {
      throw new DistillationException(
          file + ": key 'format': expected '" + FORMAT + "' version " + VERSION);
    }
    if (f.layers() == null || f.layers().isEmpty() || f.encoder() == null) {
      throw new DistillationException(file + ": keys 'layers' and 'encoder' are required");
    }
    return f;
  }
}
