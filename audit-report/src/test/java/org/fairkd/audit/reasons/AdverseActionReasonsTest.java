package org.fairkd.audit.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.datasets.synth.SyntheticLending;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ProxyScreen;
import org.fairkd.fairness.reasons.ScreenedFeature;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.reasons.ReasonTexts;
import org.fairkd.kd.reasons.ReferencePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reasons on synthetic-lending with a linear student of known weights, the teacher being the same
 * scoring function: both methods are exact and equal for a linear model, so the fidelity is 1 and
 * the reasons are the weights times the distance from the reference; the planted proxy {@code
 * region_score} (given a weight, so that it is a reason) is flagged against race.
 */
class AdverseActionReasonsTest {
  @TempDir Path dir;

  @Test
  void reasonsFidelityProxyFlagsAndTheCsv() throws Exception {
    TabularDataset data = SyntheticLending.generate(3000, 42, SyntheticLending.Config.defaults());
    Split split = Split.stratified(data, 0.15, 0.2, 42);
    FeatureEncoder enc = FeatureEncoder.fit(data, split.train());
    List<String> names = enc.outputNames();
    float[][] w = new float[2][names.size()];
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      w[1][i] =
          n.equals("debt_to_income")
              ? -1.0f
              : n.equals("region_score")
                  ? 0.8f
                  : n.equals("income")
                      ? 0.5f
                      : n.equals("delinquencies_2y")
                          ? -0.4f
                          : n.equals("home_ownership=rent") ? -0.3f : 0f;
    }
    PortableStudent student =
        new PortableStudent(
            PortableStudent.FORMAT,
            1,
            "linear",
            "relu",
            "softmax2",
            enc.spec(),
            names,
            List.of(new PortableStudent.Layer(w, new float[] {0f, -0.2f})),
            Map.of());
    PortableScorer scorer = new PortableScorer(student);
    AdverseActionResult r =
        AdverseActionReasons.compute(
            data,
            split.test(),
            split.train(),
            student,
            scorer::scoreEncoded,
            new ReasonTexts(Map.of("debt_to_income", "Debt-to-income ratio too high")),
            new AdverseActionReasons.Settings(4, 0.5, 8, 200, 0.95, 1, 1000));
    assertEquals(split.test().length, r.rows().size());
    long declined = r.rows().stream().filter(x -> x.decision().equals(ReasonRow.DECLINED)).count();
    assertTrue(declined > 50, "declined " + declined);
    assertEquals(declined, r.fidelity().overall().n());
    assertEquals(1.0, r.fidelity().overall().topKOverlap().value(), 1e-12);
    assertEquals(1.0, r.fidelity().overall().firstReasonAgreement().value(), 1e-12);
    // per declined applicant, the reasons are the features with negative w·(x − r), most negative
    // first
    float[][] x = enc.transform(data, split.test());
    float[] ref = ReferencePoint.trainingMean(enc.transform(data, split.train())).x();
    List<String> features =
        List.of("income", "debt_to_income", "delinquencies_2y", "home_ownership", "region_score");
    for (int i = 0; i < x.length; i++) {
      ReasonRow row = r.rows().get(i);
      if (!row.decision().equals(ReasonRow.DECLINED)) {
        assertTrue(row.student().isEmpty());
        continue;
      }
      List<double[]> byFeature = new ArrayList<>();
      for (int f = 0; f < features.size(); f++) {
        double c = 0;
        for (int j = 0; j < names.size(); j++) {
          String n = names.get(j);
          if (n.equals(features.get(f)) || n.startsWith(features.get(f) + "=")) {
            c += w[1][j] * ((double) x[i][j] - ref[j]);
          }
        }
        if (c < 0) {
          byFeature.add(new double[] {c, f});
        }
      }
      byFeature.sort(java.util.Comparator.comparingDouble(a -> a[0]));
      List<String> expected =
          byFeature.stream().limit(4).map(a -> features.get((int) a[1])).toList();
      assertEquals(expected, row.student().stream().map(q -> q.feature()).toList(), row.rowId());
      assertEquals(expected, row.teacher().stream().map(q -> q.feature()).toList(), row.rowId());
      assertEquals(byFeature.get(0)[0], row.student().get(0).contribution(), 1e-6);
    }
    ProxyFlag region =
        r.proxyFlags().stream()
            .filter(f -> f.feature().equals("region_score") && f.attribute().equals("race"))
            .findFirst()
            .orElseThrow();
    assertTrue(region.flagged());
    assertEquals("black", region.group());
    assertFalse(
        r.proxyFlags().stream()
            .filter(f -> f.feature().equals("debt_to_income"))
            .anyMatch(ProxyFlag::flagged));

    Path csv = dir.resolve("reasons.csv");
    ReasonsCsv.write(csv, r.rows(), 4);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(
        "row_id,decision,student_reason_1,student_reason_2,student_reason_3,student_reason_4,"
            + "student_contribution_1,student_contribution_2,student_contribution_3,"
            + "student_contribution_4,teacher_reason_1,teacher_reason_2,teacher_reason_3,"
            + "teacher_reason_4",
        lines.get(0));
    assertEquals(r.rows().size() + 1, lines.size());
    for (int i = 0; i < r.rows().size(); i++) {
      ReasonRow row = r.rows().get(i);
      String[] cells = lines.get(i + 1).split(",", -1);
      assertEquals(14, cells.length);
      assertEquals(row.rowId(), cells[0]);
      assertEquals(row.decision(), cells[1]);
      for (int q = 0; q < 4; q++) {
        boolean has = q < row.student().size();
        assertEquals(has ? row.student().get(q).feature() : "", cells[2 + q]);
        assertEquals(has ? String.valueOf(row.student().get(q).contribution()) : "", cells[6 + q]);
        assertEquals(q < row.teacher().size() ? row.teacher().get(q).feature() : "", cells[10 + q]);
      }
    }
  }

  /**
   * The planted proxy is flagged on the built-in synthetic-lending data (all rows, all features).
   */
  @Test
  void regionScoreIsFlaggedAgainstRaceOnSyntheticLending() {
    TabularDataset data =
        SyntheticLending.generate(
            SyntheticLending.DEFAULT_ROWS,
            SyntheticLending.DEFAULT_SEED,
            SyntheticLending.Config.defaults());
    var race = data.protectedAttribute("race").orElseThrow();
    String[] g = new String[data.rowCount()];
    for (int i = 0; i < g.length; i++) {
      g[i] = race.hardGroup(i) < 0 ? null : race.groups().get(race.hardGroup(i));
    }
    var values = ((NumericColumn) data.column("region_score").orElseThrow()).values();
    var income = ((NumericColumn) data.column("income").orElseThrow()).values();
    List<ProxyFlag> flags =
        ProxyScreen.screen(
            List.of(
                new ScreenedFeature.Numeric("region_score", values),
                new ScreenedFeature.Numeric("income", income)),
            Map.of("race", g));
    assertTrue(flags.get(0).flagged(), flags.get(0).toString());
    assertFalse(flags.get(1).flagged(), flags.get(1).toString());
  }
}
