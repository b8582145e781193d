package org.fairkd.kd.reasons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.datasets.synth.SyntheticLending;
import org.fairkd.kd.portable.PortableStudent;

/**
 * Test code, not shipped: {@code main} prints (1) the student's time per declined applicant for
 * random students of every searched architecture on synthetic-lending's encoding (10,000
 * applicants, best of 3, wall clock of one thread) and (2) for XGBoost models of depth 1–5 fitted
 * to synthetic-lending, how the baseline Shapley values of their scoring compare with XGBoost's
 * TreeSHAP differences {@code contrib(x) − contrib(r)} (max absolute difference, top-4 overlap and
 * first-reason agreement over 500 declines) and the cost per applicant.
 */
public final class AttributionBenchmark {
  private AttributionBenchmark() {}

  public static void main(String[] args) throws Exception {
    TabularDataset data = SyntheticLending.generate(20_000, 42, SyntheticLending.Config.defaults());
    Split split = Split.stratified(data, 0.15, 0.2, 42);
    FeatureEncoder enc = FeatureEncoder.fit(data, split.train());
    float[][] train = enc.transform(data, split.train());
    float[][] test = enc.transform(data, split.test());
    ReferencePoint ref = ReferencePoint.trainingMean(train);
    FeatureGroups groups = FeatureGroups.of(enc.spec());
    float[][] many = new float[10_000][];
    for (int i = 0; i < many.length; i++) {
      many[i] = test[i % test.length];
    }
    for (int[] hidden : new int[][] {{}, {16}, {32}, {64}, {16, 16}, {32, 32}, {64, 64}}) {
      PortableStudent s = ReasonFixtures.student(enc.spec(), 3, hidden);
      StudentAttributor a = new StudentAttributor(s, ref);
      double best = Double.MAX_VALUE;
      double gap = 0;
      for (int rep = 0; rep < 3; rep++) {
        long t = System.nanoTime();
        for (float[] row : many) {
          Attribution at = a.attribute(row);
          PrincipalReasons.of(at, groups, ReasonTexts.none(), 4);
          gap = Math.max(gap, Math.abs(at.completenessGap()));
        }
        best = Math.min(best, (System.nanoTime() - t) / 1e3 / many.length);
      }
      System.out.printf(
          "student %-6s %7.2f µs/applicant, max completeness gap %.1e%n",
          hidden.length == 0 ? "linear" : java.util.Arrays.toString(hidden), best, gap);
    }
    boolean[] fav = data.favourableLabels();
    float[] y = new float[split.train().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = fav[split.train()[i]] ? 1f : 0f;
    }
    for (int depth = 1; depth <= 5; depth++) {
      Booster b = XgboostAgreementTest.fit(train, y, depth);
      double[] p = XgboostAgreementTest.probability(b, test);
      List<float[]> dec = new ArrayList<>();
      for (int i = 0; i < test.length && dec.size() < 500; i++) {
        if (p[i] < 0.5) {
          dec.add(test[i]);
        }
      }
      float[][] x = dec.toArray(new float[0][]);
      ShapleyAttributor sh =
          new ShapleyAttributor(
              rows -> XgboostAgreementTest.probability(b, rows), groups, ref, 32, 1);
      long t = System.nanoTime();
      List<Attribution> ours = sh.attribute(x);
      double ms = (System.nanoTime() - t) / 1e6 / x.length;
      double[][] tree = XgboostAgreementTest.treeShapDifferences(b, x, ref, groups);
      double maxDiff = 0;
      double overlap = 0;
      int first = 0;
      for (int r = 0; r < x.length; r++) {
        for (int g = 0; g < groups.count(); g++) {
          maxDiff = Math.max(maxDiff, Math.abs(tree[r][g] - ours.get(r).contributions()[g]));
        }
        List<Reason> a = PrincipalReasons.of(ours.get(r), groups, ReasonTexts.none(), 4);
        List<Reason> c =
            PrincipalReasons.of(new Attribution(tree[r], 0, 0), groups, ReasonTexts.none(), 4);
        Set<String> sa = new HashSet<>();
        a.forEach(q -> sa.add(q.feature()));
        int shared = (int) c.stream().filter(q -> sa.contains(q.feature())).count();
        overlap += a.isEmpty() && c.isEmpty() ? 1 : (double) shared / Math.max(a.size(), c.size());
        first +=
            !a.isEmpty() && !c.isEmpty() && a.get(0).feature().equals(c.get(0).feature()) ? 1 : 0;
      }
      System.out.printf(
          "xgboost depth %d: %d declines, max |Shapley − TreeSHAP diff| %.2e, top-4 overlap %.3f,"
              + " first-reason agreement %.3f, %.2f ms/applicant (%s)%n",
          depth, x.length, maxDiff, overlap / x.length, (double) first / x.length, ms, sh.method());
    }
  }
}
