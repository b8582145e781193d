package org.fairkd.kd.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

/**
 * The teacher-side check: Shapley values of an XGBoost model's scoring (a black box to {@link
 * ShapleyAttributor}) against XGBoost's own TreeSHAP ({@code predictContrib}), in margin space.
 * TreeSHAP measures against the training distribution (cover-weighted), the attributor against one
 * reference point, so the comparable quantity is {@code contrib(x) − contrib(r)} per feature: for
 * additive trees (depth 1) the two are equal exactly.
 */
class XgboostAgreementTest {

  @Test
  void shapleyOfAnAdditiveXgboostModelEqualsTreeShapDifferences() throws XGBoostError {
    float[][] train = ReasonFixtures.rows(3000, 21);
    Booster booster = fit(train, labels(train, 22), 1);
    FeatureGroups groups = FeatureGroups.of(ReasonFixtures.encoder());
    ReferencePoint ref = ReferencePoint.trainingMean(train);
    ShapleyAttributor shap =
        new ShapleyAttributor(rows -> probability(booster, rows), groups, ref, 4, 1);
    float[][] x = ReasonFixtures.rows(200, 23);
    List<Attribution> ours = shap.attribute(x);
    double[][] tree = treeShapDifferences(booster, x, ref, groups);
    for (int r = 0; r < x.length; r++) {
      assertEquals(0, ours.get(r).completenessGap(), 1e-6);
      for (int g = 0; g < groups.count(); g++) {
        assertEquals(
            tree[r][g], ours.get(r).contributions()[g], 1e-4, "row " + r + " feature " + g);
      }
    }
  }

  /** Per applicant and raw feature, Σ_{slot∈g} TreeSHAP(x)[slot] − TreeSHAP(r)[slot]. */
  static double[][] treeShapDifferences(
      Booster booster, float[][] x, ReferencePoint ref, FeatureGroups groups) throws XGBoostError {
    float[][] cx = booster.predictContrib(matrix(x), 0);
    float[][] cr = booster.predictContrib(matrix(new float[][] {ref.x()}), 0);
    double[][] out = new double[x.length][groups.count()];
    for (int r = 0; r < x.length; r++) {
      for (int g = 0; g < groups.count(); g++) {
        for (int i = groups.start()[g]; i < groups.end()[g]; i++) {
          out[r][g] += (double) cx[r][i] - cr[0][i];
        }
      }
    }
    return out;
  }

  static Booster fit(float[][] x, float[] y, int depth) throws XGBoostError {
    DMatrix d = matrix(x);
    d.setLabel(y);
    Map<String, Object> p = new HashMap<>();
    p.put("objective", "binary:logistic");
    p.put("max_depth", depth);
    p.put("eta", 0.3);
    p.put("nthread", 1);
    p.put("verbosity", 0);
    return XGBoost.train(d, p, 60, Map.of(), null, null);
  }

  /** σ(margin) in double, so that the logit taken by the attributor is XGBoost's margin. */
  static double[] probability(Booster booster, float[][] rows) {
    try {
      float[][] m = booster.predict(matrix(rows), true);
      double[] p = new double[rows.length];
      for (int r = 0; r < rows.length; r++) {
        p[r] = 1 / (1 + Math.exp(-m[r][0]));
      }
      return p;
    } catch (XGBoostError e) {
      throw new IllegalStateException(e);
    }
  }

  /** Labels from a logistic model with an interaction (income × home). */
  static float[] labels(float[][] x, long seed) {
    Random rng = new Random(seed);
    float[] y = new float[x.length];
    for (int r = 0; r < x.length; r++) {
      double z =
          0.8 * x[r][0] - 1.2 * x[r][1] + 0.7 * x[r][3] * x[r][0] - 0.6 * x[r][6] + 0.9 * x[r][7];
      y[r] = rng.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1f : 0f;
    }
    return y;
  }

  static DMatrix matrix(float[][] x) throws XGBoostError {
    int w = x[0].length;
    float[] flat = new float[x.length * w];
    for (int r = 0; r < x.length; r++) {
      System.arraycopy(x[r], 0, flat, r * w, w);
    }
    return new DMatrix(flat, x.length, w, Float.NaN);
  }
}
