package org.fairkd.kd.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * An XGBoost model file saved by Python's {@code xgboost} ({@code save_model}, JSON or UBJSON),
 * scored by xgboost4j (the library path), with its trees also compiled into {@link CompiledTrees}
 * (the fast serving path). Only {@code binary:logistic} gbtree models with numerical splits.
 *
 * @param booster the xgboost4j booster
 * @param compiled the same trees as flat arrays
 * @param names the model's feature names (empty when it was saved without them)
 */
record XgboostFile(Booster booster, CompiledTrees compiled, List<String> names)
    implements ImportedModel {

  static XgboostFile open(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the model file " + file + ": " + e);
    }
    JsonNode root;
    try {
      root =
          Ubjson.looksLikeUbjson(bytes) ? Ubjson.parse(bytes) : new ObjectMapper().readTree(bytes);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          file + " is not an XGBoost JSON or UBJSON model: " + e.getMessage());
    }
    CompiledTrees compiled = CompiledTrees.of(root);
    List<String> names = new ArrayList<>();
    root.path("learner").path("feature_names").forEach(n -> names.add(n.asText()));
    try {
      Booster b = XGBoost.loadModel(bytes);
      b.setParam("nthread", 1);
      return new XgboostFile(b, compiled, List.copyOf(names));
    } catch (XGBoostError | IOException e) {
      throw new IllegalArgumentException("xgboost4j cannot load " + file + ": " + e.getMessage());
    }
  }

  @Override
  public List<Declared> declaredInputs() {
    return List.of(new Declared("", "float", compiled.width(), names));
  }

  @Override
  public double[] score(ModelRows rows) {
    return score(rows.onlyFloats(), rows.rows());
  }

  /** P(class 1) of {@code n} rows of {@code width} values each, row-major (NaN = missing). */
  double[] score(float[] x, int n) {
    if (n == 0) {
      return new double[0];
    }
    DMatrix dm = null;
    try {
      dm = new DMatrix(x, n, compiled.width(), Float.NaN);
      float[][] p = booster.predict(dm);
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = p[i][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new IllegalStateException("xgboost4j prediction failed: " + e.getMessage(), e);
    } finally {
      if (dm != null) {
        dm.dispose();
      }
    }
  }
}
