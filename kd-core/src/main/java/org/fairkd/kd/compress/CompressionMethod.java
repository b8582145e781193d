package org.fairkd.kd.compress;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairkd.kd.student.StudentWeights;

/**
 * One post-training compression of the portable student ({@code student.compress:} in the distill
 * configuration): {@code int8} (symmetric per-output-unit weight quantisation, {@link
 * Int8Quantization}) or {@code prune_<p>} (magnitude pruning of {@code p}% of each layer's weights,
 * {@link MagnitudePruning}). No retraining follows either step: the compressed student is audited
 * as it comes out of the step.
 */
public sealed interface CompressionMethod permits Int8Quantization, MagnitudePruning {

  /** The configuration name, e.g. {@code int8}, {@code prune_50}. */
  String name();

  /** One sentence saying what was done (distill.json's {@code method}). */
  String description();

  /** The weights the compressed student scores with (dequantised for int8, zeros for pruning). */
  StudentWeights apply(StudentWeights w);

  /** The audit.json model role of the compressed student: {@code student_<name>}. */
  default String role() {
    return "student_" + name();
  }

  /** The configuration names that parse, for error messages. */
  String KNOWN = "int8, prune_<percent> (1..99, e.g. prune_50)";

  /** Parses a configuration name; null when it is not one. */
  static CompressionMethod parseOrNull(String text) {
    if ("int8".equals(text)) {
      return new Int8Quantization();
    }
    Matcher m = Pattern.compile("prune_([1-9][0-9]?)").matcher(text == null ? "" : text);
    return m.matches() ? new MagnitudePruning(Integer.parseInt(m.group(1))) : null;
  }
}
