package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.IntStream;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.pipeline.Deployment;
import org.fairkd.kd.pipeline.RawRows;
import org.fairkd.kd.portable.PortableStudent;
import org.junit.jupiter.api.Test;

/**
 * The fast serving path scores raw rows as the ensemble scores encoded rows (1e-6), and the
 * deployment bench times it beside the library path.
 */
class FastTeacherTest {

  @Test
  void theFastPathScoresRawRowsAsTheEnsembleScoresEncodedRows() throws Exception {
    TabularDataset d = Datasets.loadSpec(ImportedFixtures.dir().resolve("loans.yaml"));
    int[] all = IntStream.range(0, d.rowCount()).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(d, all);
    float[][] x = enc.transform(d, all);
    boolean[] y = d.favourableLabels();
    TeacherEnsemble e =
        TeacherTrainer.fit(
                ImportedTeacherTest.fixtureConfig(),
                x,
                y,
                x,
                y,
                enc.outputNames(),
                enc.spec(),
                d,
                5)
            .ensemble();
    RawRows raw = RawRows.of(d, all);
    FastTeacher fast = FastTeacher.of(e, raw.header());
    assertNotNull(fast);
    double[] lib = e.predictFavourable(x);
    double max = 0;
    for (int i = 0; i < all.length; i++) {
      max = Math.max(max, Math.abs(fast.score(raw.rows()[i], x[i]) - lib[i]));
    }
    assertEquals(0, max, 1e-6, fast.description());
    assertEquals(
        fast.description().contains("py_xgb: compiled trees (40, flat arrays)"),
        true,
        fast.description());
  }

  @Test
  void trainedXgboostAndLogisticMembersCompiledScoreAsTribuo() {
    TabularDataset d =
        org.fairkd.datasets.synth.SyntheticLending.generate(
            3000, 4, org.fairkd.datasets.synth.SyntheticLending.Config.defaults());
    int[] all = IntStream.range(0, d.rowCount()).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(d, all);
    float[][] x = enc.transform(d, all);
    boolean[] y = d.favourableLabels();
    TeacherConfig cfg =
        new TeacherConfig(
            java.util.List.of(
                new MemberSpec("xgboost", MemberType.XGBOOST, java.util.Map.of("trees", 60.0)),
                MemberSpec.of("logistic", MemberType.LOGISTIC)),
            Combination.LOGIT,
            new double[] {0.7, 0.3},
            2,
            SoftTargets.IN_SAMPLE);
    TeacherEnsemble e = TeacherTrainer.fit(cfg, x, y, x, y, enc.outputNames(), 3).ensemble();
    FastTeacher fast = FastTeacher.of(e, RawRows.of(d, all).header());
    assertNotNull(fast);
    assertEquals(
        "xgboost: compiled trees (120, flat arrays) on the encoded row; logistic: compiled"
            + " linear (one weight vector) on the encoded row",
        fast.description());
    double[] lib = e.predictFavourable(x);
    double max = 0;
    for (int i = 0; i < all.length; i++) {
      max = Math.max(max, Math.abs(fast.score(null, x[i]) - lib[i]));
    }
    System.out.printf("trained xgboost + logistic: compiled vs Tribuo max |diff| %.3g%n", max);
    assertEquals(0, max, 1e-6);
  }

  @Test
  void trainedForestMembersCompiledScoreAsTribuo() {
    TabularDataset d =
        org.fairkd.datasets.synth.SyntheticLending.generate(
            2000, 6, org.fairkd.datasets.synth.SyntheticLending.Config.defaults());
    int[] all = IntStream.range(0, d.rowCount()).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(d, all);
    float[][] x = enc.transform(d, all);
    boolean[] y = d.favourableLabels();
    TeacherConfig cfg =
        new TeacherConfig(
            java.util.List.of(
                new MemberSpec(
                    "random_forest",
                    MemberType.RANDOM_FOREST,
                    java.util.Map.of("trees", 12.0, "max_depth", 8.0)),
                new MemberSpec(
                    "extra_trees",
                    MemberType.EXTRA_TREES,
                    java.util.Map.of("trees", 8.0, "max_depth", 6.0))),
            Combination.PROBABILITY,
            new double[] {0.6, 0.4},
            2,
            SoftTargets.IN_SAMPLE);
    TeacherEnsemble e = TeacherTrainer.fit(cfg, x, y, x, y, enc.outputNames(), 3).ensemble();
    FastTeacher fast = FastTeacher.of(e, RawRows.of(d, all).header());
    assertNotNull(fast);
    assertEquals(
        "random_forest: compiled forest (12 trees, flat arrays) on the encoded row; extra_trees:"
            + " compiled forest (8 trees, flat arrays) on the encoded row",
        fast.description());
    double[] lib = e.predictFavourable(x);
    double max = 0;
    double spread = 0;
    for (int i = 0; i < all.length; i++) {
      max = Math.max(max, Math.abs(fast.score(null, x[i]) - lib[i]));
      spread = Math.max(spread, Math.abs(lib[i] - lib[0]));
    }
    System.out.printf("trained forests: compiled vs Tribuo max |diff| %.3g%n", max);
    assertEquals(0, max, 1e-6);
    org.junit.jupiter.api.Assertions.assertTrue(spread > 0.3, "scores must vary: " + spread);
  }

  @Test
  void aTeacherWithoutCompilableMembersHasNoFastPathAndTheBenchTimesBothPathsOtherwise()
      throws Exception {
    TabularDataset d = Datasets.loadSpec(ImportedFixtures.dir().resolve("loans.yaml"));
    int[] all = IntStream.range(0, d.rowCount()).toArray();
    FeatureEncoder enc = FeatureEncoder.fit(d, all);
    float[][] x = enc.transform(d, all);
    boolean[] y = d.favourableLabels();
    TeacherConfig onlyTrained =
        new TeacherConfig(
            java.util.List.of(MemberSpec.of("nb", MemberType.NAIVE_BAYES)),
            Combination.LOGIT,
            null,
            2,
            SoftTargets.IN_SAMPLE);
    TeacherEnsemble trained =
        TeacherTrainer.fit(onlyTrained, x, y, x, y, enc.outputNames(), 3).ensemble();
    assertNull(FastTeacher.of(trained, RawRows.of(d, all).header()));

    TeacherEnsemble e =
        TeacherTrainer.fit(
                ImportedTeacherTest.fixtureConfig(),
                x,
                y,
                x,
                y,
                enc.outputNames(),
                enc.spec(),
                d,
                5)
            .ensemble();
    PortableStudent student =
        PortableStudent.of(
            enc.spec(),
            enc.outputNames(),
            new org.fairkd.kd.student.StudentWeights(
                java.util.List.<float[][]>of(new float[2][enc.width()]),
                java.util.List.<float[]>of(new float[2])),
            java.util.Map.of());
    DeploymentSummary s =
        Deployment.measure(d, all, enc, e, 1000, null, 0, student, 100, ScoringBench.quick());
    assertNotNull(s.teacherFast());
    assertEquals(1000, s.teacherFast().sizeBytes());
    assertEquals(
        Math.min(s.teacher().latencyP50Us(), s.teacherFast().latencyP50Us())
            / s.studentPortable().latencyP50Us(),
        s.latencySpeedupVsFastest(),
        1e-12);
    var tree = org.fairkd.kd.files.DistillJsonWriter.deployment(s);
    assertEquals(s.teacherFastPath(), tree.get("teacher_fast_path").asText());
    assertEquals(
        s.throughputSpeedupVsFastest(), tree.get("throughput_speedup_vs_fastest").asDouble(), 0.0);
    assertEquals(s, org.fairkd.kd.files.DistillJsonReader.deployment(tree));
  }
}
