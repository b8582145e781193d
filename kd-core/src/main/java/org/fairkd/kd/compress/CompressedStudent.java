package org.fairkd.kd.compress;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.StudentWeights;

/**
 * A compressed copy of the portable student: the method, the student it scores as (a {@link
 * PortableStudent} with the compressed weights), the file written beside the student and the count
 * of weights left non-zero.
 *
 * @param method how it was compressed
 * @param student the compressed student (dequantised weights for int8, zeros for pruning)
 * @param fileName the file name under {@code student/}, e.g. {@code student_int8.json}
 * @param fileBytes the file's content ({@link Int8StudentFile} for int8, a portable student
 *     otherwise)
 * @param nonZeroWeights weights (not biases) that are not 0
 */
public record CompressedStudent(
    CompressionMethod method,
    PortableStudent student,
    String fileName,
    byte[] fileBytes,
    long nonZeroWeights) {

  /** Compresses {@code original} with {@code method}. */
  public static CompressedStudent of(CompressionMethod method, PortableStudent original) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (original.metadata() != null) {
      metadata.putAll(original.metadata());
    }
    metadata.put("compression", method.name());
    metadata.put("compression_method", method.description());
    StudentWeights w = method.apply(original.weights());
    PortableStudent compressed =
        PortableStudent.of(original.encoder(), original.inputNames(), w, metadata);
    byte[] bytes =
        method instanceof Int8Quantization
            ? Int8StudentFile.of(original, metadata).toJson()
            : compressed.toJson();
    return new CompressedStudent(
        method, compressed, "student_" + method.name() + ".json", bytes, nonZero(w));
  }

  private static long nonZero(StudentWeights w) {
    long n = 0;
    for (float[][] wl : w.weights()) {
      for (float[] row : wl) {
        for (float v : row) {
          if (v != 0f) {
            n++;
          }
        }
      }
    }
    return n;
  }
}
