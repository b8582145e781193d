package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.fairkd.kd.DistillationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeacherTrainerTest {
  private static final List<String> NAMES = List.of("a", "b", "c", "d", "cat=x", "cat=y");

  /** Rows with a non-linear signal: y ~ Bernoulli(σ(2a − b + 1.5·a·c + cat)). */
  static Data synthetic(int n, long seed) {
    Random rnd = new Random(seed);
    float[][] x = new float[n][];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      float a = (float) rnd.nextGaussian();
      float b = (float) rnd.nextGaussian();
      float c = (float) rnd.nextGaussian();
      float d = (float) rnd.nextGaussian();
      boolean cat = rnd.nextBoolean();
      x[i] = new float[] {a, b, c, d, cat ? 1 : 0, cat ? 0 : 1};
      double z = 2 * a - b + 1.5 * a * c + (cat ? 0.8 : -0.8);
      y[i] = rnd.nextDouble() < Combination.sigmoid(z);
    }
    return new Data(x, y);
  }

  record Data(float[][] x, boolean[] y) {}

  static TeacherConfig small(String extra) throws Exception {
    return TeacherConfig.fromNode(
        TeacherConfigTest.yaml(
            """
            teacher:
              members:
                - {type: logistic, epochs: 5}
                - {type: xgboost, trees: 40, max_depth: 3, eta: 0.2, nthread: 1}
                - {type: random_forest, trees: 8, max_depth: 6}
              folds: 3
            """
                + extra),
        "test.yaml");
  }

  @Test
  void chunkedParallelScoringEqualsOneBatch() throws Exception {
    Data train = synthetic(400, 3);
    Data big = synthetic(TribuoRows.CHUNK * 2 + 123, 4);
    TeacherFit fit =
        TeacherTrainer.fit(small(""), train.x(), train.y(), train.x(), train.y(), NAMES, 5);
    double[] chunked = fit.ensemble().predictFavourable(big.x());
    TribuoRows rows = new TribuoRows(NAMES);
    int[] active = TeacherEnsemble.activeMembers(fit.ensemble().weights());
    double[][] perMember = new double[active.length][];
    double[] w = new double[active.length];
    for (int k = 0; k < active.length; k++) {
      int m = active[k];
      w[k] = fit.ensemble().weights()[m];
      double[] p = new double[big.x().length];
      for (int i = 0; i < p.length; i += 1000) { // small slices: below the chunk size
        float[][] slice = java.util.Arrays.copyOfRange(big.x(), i, Math.min(p.length, i + 1000));
        System.arraycopy(
            fit.ensemble().members().get(m).model().predict(rows, slice), 0, p, i, slice.length);
      }
      perMember[k] = p;
    }
    double[] direct = fit.ensemble().combination().combine(perMember, w);
    assertArrayEquals(direct, chunked, 0.0);
  }

  @Test
  void ensembleNeverWorseThanBestMemberOnValidation() throws Exception {
    Data tr = synthetic(400, 1);
    Data va = synthetic(300, 2);
    for (String comb : List.of("probability", "logit")) {
      TeacherFit fit =
          TeacherTrainer.fit(
              small("  combination: " + comb + "\n"), tr.x(), tr.y(), va.x(), va.y(), NAMES, 5);
      TeacherEnsemble e = fit.ensemble();
      double ens = Combination.logLoss(e.predictFavourable(va.x()), va.y());
      Map<String, double[]> members = e.memberPredictions(va.x());
      assertEquals(List.of("logistic", "xgboost", "random_forest"), List.copyOf(members.keySet()));
      for (var m : members.entrySet()) {
        double ml = Combination.logLoss(m.getValue(), va.y());
        assertTrue(ens <= ml + 1e-9, comb + ": ensemble " + ens + " > " + m.getKey() + " " + ml);
      }
      assertEquals(1.0, Arrays.stream(e.weights()).sum(), 1e-9);
      // the ensemble prediction is the documented combination of the member predictions
      double[][] p = members.values().toArray(new double[0][]);
      assertArrayEquals(
          e.combination().combine(p, e.weights()), e.predictFavourable(va.x()), 1e-12);
      assertEquals(tr.x().length, fit.trainSoftTargets().length);
      assertTrue(Arrays.stream(fit.trainSoftTargets()).allMatch(v -> v >= 0 && v <= 1));
    }
  }

  /**
   * Labels are pure noise and every row is unique: a memorising member scores its own training rows
   * almost perfectly, so in-sample targets separate the labels; out-of-fold targets come from
   * models that never saw the row and cannot.
   */
  @Test
  void outOfFoldTargetsNeverSeeTheirOwnRow() throws Exception {
    Random rnd = new Random(3);
    int n = 300;
    float[][] x = new float[n][];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i] = new float[] {(float) rnd.nextGaussian(), (float) rnd.nextGaussian()};
      y[i] = rnd.nextBoolean();
    }
    String members =
        """
        teacher:
          members: [{type: xgboost, trees: 300, max_depth: 8, eta: 0.5, subsample: 1, colsample: 1,
                     min_child_weight: 0, lambda: 0, nthread: 1}]
          folds: 4
        """;
    TeacherConfig oof = TeacherConfig.fromNode(TeacherConfigTest.yaml(members), "t");
    TeacherConfig ins =
        TeacherConfig.fromNode(
            TeacherConfigTest.yaml(members + "  soft_targets: in_sample\n"), "t");
    List<String> names = List.of("u", "v");
    double aucIn = auc(TeacherTrainer.fit(ins, x, y, x, y, names, 1).trainSoftTargets(), y);
    double aucOof = auc(TeacherTrainer.fit(oof, x, y, x, y, names, 1).trainSoftTargets(), y);
    assertTrue(aucIn > 0.95, "in-sample AUC " + aucIn);
    assertTrue(Math.abs(aucOof - 0.5) < 0.1, "out-of-fold AUC " + aucOof);
  }

  /** A member of weight 0 changes nothing: OOF targets equal those of the ensemble without it. */
  @Test
  void zeroWeightMembersDoNotChangeSoftTargets() throws Exception {
    Data tr = synthetic(300, 9);
    String xgb = "{type: xgboost, trees: 20, max_depth: 3, nthread: 1}";
    TeacherConfig two =
        TeacherConfig.fromNode(
            TeacherConfigTest.yaml(
                "teacher: {members: [" + xgb + ", {type: logistic}], weights: [1, 0], folds: 3}"),
            "t");
    TeacherConfig one =
        TeacherConfig.fromNode(
            TeacherConfigTest.yaml("teacher: {members: [" + xgb + "], folds: 3}"), "t");
    TeacherFit a = TeacherTrainer.fit(two, tr.x(), tr.y(), tr.x(), tr.y(), NAMES, 3);
    TeacherFit b = TeacherTrainer.fit(one, tr.x(), tr.y(), tr.x(), tr.y(), NAMES, 3);
    assertArrayEquals(b.trainSoftTargets(), a.trainSoftTargets(), 1e-12);
    assertArrayEquals(
        b.ensemble().predictFavourable(tr.x()), a.ensemble().predictFavourable(tr.x()), 1e-12);
    // the timings say which members were refitted out of fold: only the one of positive weight
    assertEquals(List.of("xgboost", "logistic"), List.copyOf(a.foldSeconds().keySet()));
    assertTrue(a.foldSeconds().get("xgboost") > 0, a.foldSeconds().toString());
    assertEquals(0.0, a.foldSeconds().get("logistic"));
  }

  @Test
  void sameSeedSameTeacher() throws Exception {
    Data tr = synthetic(300, 4);
    Data va = synthetic(200, 5);
    TeacherConfig cfg = small("");
    TeacherFit a = TeacherTrainer.fit(cfg, tr.x(), tr.y(), va.x(), va.y(), NAMES, 11);
    TeacherFit b;
    System.setProperty("fairkd.teacher.threads", "1"); // same result on one thread
    try {
      b = TeacherTrainer.fit(cfg, tr.x(), tr.y(), va.x(), va.y(), NAMES, 11);
    } finally {
      System.clearProperty("fairkd.teacher.threads");
    }
    assertArrayEquals(a.trainSoftTargets(), b.trainSoftTargets());
    assertArrayEquals(a.ensemble().weights(), b.ensemble().weights());
    assertArrayEquals(
        a.ensemble().predictFavourable(va.x()), b.ensemble().predictFavourable(va.x()));
  }

  @Test
  void saveLoadGivesIdenticalPredictions(@TempDir Path dir) throws Exception {
    Data tr = synthetic(300, 6);
    Data va = synthetic(200, 7);
    TeacherConfig cfg =
        TeacherConfig.fromNode(
            TeacherConfigTest.yaml(
                """
                teacher:
                  members:
                    - {type: logistic, epochs: 3}
                    - {type: xgboost, trees: 20, max_depth: 3, nthread: 1}
                    - {type: extra_trees, trees: 4, max_depth: 5}
                    - {type: naive_bayes}
                  soft_targets: in_sample
                """),
            "t");
    TeacherEnsemble e =
        TeacherTrainer.fit(cfg, tr.x(), tr.y(), va.x(), va.y(), NAMES, 2).ensemble();
    e.save(dir);
    TeacherEnsemble back = TeacherEnsemble.load(dir);
    assertEquals(e.memberNames(), back.memberNames());
    assertArrayEquals(e.weights(), back.weights());
    assertEquals(e.featureNames(), back.featureNames());
    assertArrayEquals(e.predictFavourable(va.x()), back.predictFavourable(va.x()));
    assertEquals(0, back.predictFavourable(new float[0][]).length);
    for (String m : e.memberNames()) {
      assertArrayEquals(
          e.memberPredictions(va.x()).get(m), back.memberPredictions(va.x()).get(m), m);
    }
    long expected;
    try (Stream<Path> s = Files.walk(dir)) {
      expected = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    assertEquals(expected, e.sizeOnDiskBytes(dir));
    assertTrue(Files.isRegularFile(dir.resolve("members/xgboost.tribuo")));
    JsonNode prov = back.provenance();
    assertEquals(e.memberNames(), List.copyOf(iterable(prov.fieldNames())));
    assertTrue(prov.get("xgboost").toString().contains("XGBoostClassificationTrainer"));
    Path manifest = dir.resolve("teacher.json");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replaceFirst("\"weights\" : \\[ [0-9.E-]+", "\"weights\" : [ 7"));
    DistillationException bad =
        assertThrows(DistillationException.class, () -> TeacherEnsemble.load(dir));
    assertTrue(
        bad.getMessage().contains("teacher.json: key 'weights': must sum to 1"), bad.getMessage());
    assertTrue(Files.readString(dir.resolve("provenance.json")).contains("LinearSGDTrainer"));
  }

  @Test
  void corruptSaveIsAUserError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("teacher.json"), "{\"format\": \"other\"}");
    DistillationException e =
        assertThrows(DistillationException.class, () -> TeacherEnsemble.load(dir));
    assertTrue(e.getMessage().contains("teacher.json: key 'format'"), e.getMessage());
  }

  @Test
  void naiveBayesShiftsNegativeFeatures() throws Exception {
    Data tr = synthetic(300, 8);
    TeacherConfig cfg =
        TeacherConfig.fromNode(
            TeacherConfigTest.yaml("teacher: {members: [{type: naive_bayes}], folds: 2}"), "t");
    TeacherFit fit = TeacherTrainer.fit(cfg, tr.x(), tr.y(), tr.x(), tr.y(), NAMES, 1);
    assertTrue(auc(fit.ensemble().predictFavourable(tr.x()), tr.y()) > 0.6);
  }

  @Test
  void missingLabelIsAUserError() throws Exception {
    float[][] x = {{1, 2}, {2, 3}, {3, 4}};
    boolean[] y = {true, true, true};
    DistillationException e =
        assertThrows(
            DistillationException.class,
            () -> TeacherTrainer.fit(small(""), x, y, x, y, List.of("u", "v"), 1));
    assertTrue(e.getMessage().contains("training split needs at least 3 rows of each label"));
  }

  /** AUC by the rank-sum (Mann–Whitney) formula, ties counted half. */
  static double auc(double[] s, boolean[] y) {
    double num = 0;
    long pos = 0;
    long neg = 0;
    for (int i = 0; i < s.length; i++) {
      if (!y[i]) {
        continue;
      }
      pos++;
      for (int j = 0; j < s.length; j++) {
        if (!y[j]) {
          num += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    neg = IntStream.range(0, y.length).filter(i -> !y[i]).count();
    return num / (pos * neg);
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
