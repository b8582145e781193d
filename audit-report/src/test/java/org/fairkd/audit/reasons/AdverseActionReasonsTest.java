package org.fairkd.audit.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
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
 * scoring function: the Shapley values of a linear model are its weights times the distance from
 * the reference, so the fidelity is 1 and the reasons are computed by hand; the planted proxy
 * {@code region_score} (given a weight, so that it is a reason) is flagged against race and is a
 * flagged top reason; reasons.csv holds the texts, quoted where needed.
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
    ReasonTexts texts =
        new ReasonTexts(
            Map.of(
                "debt_to_income", "Debt-to-income ratio too high",
                "income", "Income insufficient for the amount of credit, \"net\""));
    AdverseActionResult r =
        AdverseActionReasons.compute(
            data,
            split.test(),
            split.train(),
            student,
            scorer::scoreEncoded,
            texts,
            new AdverseActionReasons.Settings(4, 0.5, 8, 200, 0.95, 1, 1000));
    assertEquals(split.test().length, r.rows().size());
    long declined = r.rows().stream().filter(x -> x.decision().equals(ReasonRow.DECLINED)).count();
    assertTrue(declined > 50, "declined " + declined);
    assertEquals(declined, r.declined());
    assertEquals(declined, r.teacherExplained());
    assertEquals(declined, r.fidelity().overall().n());
    assertEquals(1.0, r.fidelity().overall().topKOverlap().value(), 1e-12);
    assertEquals(1.0, r.fidelity().overall().firstReasonAgreement().value(), 1e-12);
    // a linear student's integrated gradients are its Shapley values
    assertEquals(1.0, r.methodCheck().topKOverlap().value(), 1e-12);
    // the reference: the best-scoring tenth of the training rows' typical applicant
    float[][] train = enc.transform(data, split.train());
    float[] ref =
        ReferencePoint.bestScoringDecile(enc.spec(), train, scorer.scoreEncoded(train), "teacher")
            .x();
    assertTrue(r.reference().contains("best-scoring decile"), r.reference());
    // per declined applicant, the reasons are the features with negative w·(x − r), most negative
    // first
    float[][] x = enc.transform(data, split.test());
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
    // region_score is among the most frequent reasons, so it is a flagged top reason
    assertTrue(
        r.topReasons().overall().reasons().stream()
            .anyMatch(c -> c.feature().equals("region_score")));
    assertEquals(List.of("region_score"), r.flaggedTopReasons());

    Path csv = dir.resolve("reasons.csv");
    ReasonsCsv.write(csv, r.rows(), 4);
    List<List<String>> lines = readCsv(csv);
    assertEquals(ReasonsCsv.header(4), lines.get(0));
    assertEquals(
        "row_id,decision,student_reason_1,student_reason_2,student_reason_3,student_reason_4,"
            + "student_contribution_1,student_contribution_2,student_contribution_3,"
            + "student_contribution_4,teacher_reason_1,teacher_reason_2,teacher_reason_3,"
            + "teacher_reason_4",
        Files.readAllLines(csv).get(0));
    assertEquals(r.rows().size() + 1, lines.size());
    boolean quoted = false;
    for (int i = 0; i < r.rows().size(); i++) {
      ReasonRow row = r.rows().get(i);
      List<String> cells = lines.get(i + 1);
      assertEquals(14, cells.size());
      assertEquals(row.rowId(), cells.get(0));
      assertEquals(row.decision(), cells.get(1));
      for (int q = 0; q < 4; q++) {
        boolean has = q < row.student().size();
        String text = has ? texts.text(row.student().get(q).feature()) : "";
        quoted |= text.contains(",");
        assertEquals(text, cells.get(2 + q));
        assertEquals(
            has ? String.valueOf(row.student().get(q).contribution()) : "", cells.get(6 + q));
        assertEquals(
            q < row.teacher().size() ? texts.text(row.teacher().get(q).feature()) : "",
            cells.get(10 + q));
      }
    }
    assertTrue(quoted, "a reason text with a comma and quotes was written and read back");
  }

  private static List<List<String>> readCsv(Path file) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (MappingIterator<List<String>> it =
        new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .readerForListOf(String.class)
            .readValues(file.toFile())) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
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
