package org.fairkd.kd.teacher;

import java.nio.file.Path;
import java.util.List;

/**
 * A model trained elsewhere and read from a file: an XGBoost model through xgboost4j ({@link
 * XgboostFile}) or an ONNX model through ONNX Runtime ({@link OnnxFile}). Scores are P(the
 * configured class), before any {@code predicts: unfavourable} flip.
 */
sealed interface ImportedModel permits XgboostFile, OnnxFile {

  /**
   * One input the model declares.
   *
   * @param name its name ({@code ""} for an XGBoost model, which has one unnamed input vector)
   * @param type {@code float}, {@code string}, or another element type fairkd does not feed
   * @param width values per row, or −1 when the model leaves it open
   * @param features the names of its values where the model has them (XGBoost's {@code
   *     feature_names}), else empty
   */
  record Declared(String name, String type, int width, List<String> features) {}

  /** The inputs the model declares, in its order. */
  List<Declared> declaredInputs();

  /** P(class) of every row of {@code x} ({@link ModelRows} in the model's inputs). */
  double[] score(ModelRows x);

  /**
   * Opens a model file.
   *
   * @param type {@link MemberType#XGBOOST_MODEL} or {@link MemberType#ONNX}
   * @param favourableClass the class whose probability is read (an ONNX member's {@code
   *     favourable_class}), or null for class 1
   * @throws IllegalArgumentException with a one-line reason when the file cannot be used
   */
  static ImportedModel open(MemberType type, Path file, String favourableClass) {
    return switch (type) {
      case XGBOOST_MODEL -> XgboostFile.open(file);
      case ONNX -> OnnxFile.open(file, favourableClass);
      default -> throw new IllegalStateException(type.key() + " is not an imported model");
    };
  }
}
