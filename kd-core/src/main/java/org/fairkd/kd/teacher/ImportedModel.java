package org.fairkd.kd.teacher;

import java.nio.file.Path;
import java.util.List;

/**
 * A model trained elsewhere and read from a file: an XGBoost model through xgboost4j ({@link
 * XgboostFile}) or an ONNX model through ONNX Runtime ({@link OnnxFile}). Scores are P(class 1) of
 * the model's own label, before any {@code predicts: unfavourable} flip.
 */
sealed interface ImportedModel permits XgboostFile, OnnxFile {

  /** Number of inputs the model declares. */
  int inputCount();

  /** The model's input names in order, or an empty list when the model has none. */
  List<String> inputNames();

  /** P(class 1) of {@code n} rows of {@link #inputCount} values each, row-major (NaN = missing). */
  double[] score(float[] x, int n);

  /**
   * Opens a model file.
   *
   * @param type {@link MemberType#XGBOOST_MODEL} or {@link MemberType#ONNX}
   * @throws IllegalArgumentException with a one-line reason when the file cannot be used
   */
  static ImportedModel open(MemberType type, Path file) {
    return switch (type) {
      case XGBOOST_MODEL -> XgboostFile.open(file);
      case ONNX -> OnnxFile.open(file);
      default -> throw new IllegalStateException(type.key() + " is not an imported model");
    };
  }
}
