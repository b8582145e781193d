package org.fairkd.policies.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.report.FairnessJson;
import org.fairkd.policies.Policies;
import org.junit.jupiter.api.Test;

/**
 * The lending-standard pack on an audit assembled from the fairness module's real output (teacher
 * primary, student compared): every rule finds its figures, and the verdicts agree with numbers
 * computed here independently.
 */
class FairnessContractTest {
  private static final int N = 2000;

  @Test
  void lendingStandardOnRealFairnessOutput() {
    Random r = new Random(7);
    boolean[] labels = new boolean[N];
    double[] teacher = new double[N];
    double[] student = new double[N];
    int[] sex = new int[N];
    int[] race = new int[N];
    for (int i = 0; i < N; i++) {
      sex[i] = r.nextDouble() < 0.4 ? 0 : 1; // female, male
      race[i] = i < 15 ? 2 : (r.nextDouble() < 0.3 ? 1 : 0); // white, black, asian (15 rows)
      double base = race[i] == 1 ? 0.3 : 0.6; // planted bias against black applicants
      teacher[i] = Math.min(0.99, Math.max(0.01, base + 0.3 * (r.nextDouble() - 0.5)));
      student[i] = Math.min(0.99, Math.max(0.01, teacher[i] + 0.04 * (r.nextDouble() - 0.5)));
      labels[i] = r.nextDouble() < teacher[i];
    }
    FairnessInput input =
        FairnessInput.builder(labels)
            .scores(teacher)
            .attribute(ProtectedAttribute.hard("sex", List.of("female", "male"), "male", sex))
            .attribute(
                ProtectedAttribute.hard("race", List.of("white", "black", "asian"), "white", race))
            .bootstrap(100)
            .seed(3)
            .build();
    JsonNode audit = audit(FairnessJson.toTree(FairnessAnalysis.compare(input, student)));

    PolicyResult result = Policies.evaluate(Policies.resolve("lending-standard"), audit);
    Map<String, Status> air =
        result.outcomes().stream()
            .filter(o -> o.rule().id().equals("air-four-fifths"))
            .collect(Collectors.toMap(RuleOutcome::slice, RuleOutcome::status));
    assertEquals(Status.FAIL, air.get("race=black"), result.outcomes().toString());
    assertEquals(Status.WARN, air.get("race=asian"), "15 rows: insufficient data warns");
    assertTrue(air.get("sex=female") != Status.ERROR);
    RuleOutcome black =
        result.outcomes().stream()
            .filter(o -> o.rule().id().equals("air-four-fifths") && "race=black".equals(o.slice()))
            .findFirst()
            .orElseThrow();
    // independent adverse impact ratio of the student's decisions (score >= 0.5)
    double blackRate = rate(student, race, 1);
    double whiteRate = rate(student, race, 0);
    assertEquals(blackRate / whiteRate, black.evidence().value(), 1e-9);
    assertTrue(black.evidence().pValue() < 0.05);
    assertTrue(black.evidence().ciLow() <= black.evidence().value());
    // every rule of the pack found its figures: no error anywhere
    assertEquals(0, result.count(Status.ERROR), result.outcomes().toString());
    assertEquals(
        List.of(
            "air-four-fifths",
            "auc-non-regression",
            "dpd-non-inferiority",
            "eod-non-inferiority",
            "fidelity",
            "eod-cap",
            "smd-cap"),
        result.outcomes().stream().map(o -> o.rule().id()).distinct().toList());
  }

  private static double rate(double[] scores, int[] codes, int group) {
    int n = 0;
    int selected = 0;
    for (int i = 0; i < scores.length; i++) {
      if (codes[i] == group) {
        n++;
        selected += scores[i] >= 0.5 ? 1 : 0;
      }
    }
    return (double) selected / n;
  }

  /** The audit.json shape (json-contract.md section 3) around a metrics JSON with comparison. */
  private static JsonNode audit(ObjectNode metrics) {
    ObjectNode audit = JsonNodeFactory.instance.objectNode();
    audit.put("schema", "fairkd.audit/1");
    audit.set("config", metrics.get("config"));
    ObjectNode models = audit.putObject("models");
    ObjectNode teacher = models.putObject("teacher");
    ObjectNode studentModel = models.putObject("student");
    JsonNode cmp = metrics.get("comparison");
    for (String k : List.of("overall", "slices", "disparities", "tests")) {
      teacher.set(k, metrics.get(k));
      studentModel.set(k, cmp.path("compared").get(k));
    }
    ObjectNode comparison = audit.putObject("comparison");
    for (String k : List.of("fidelity", "kl_divergence", "deltas", "tests")) {
      comparison.set(k, cmp.get(k));
    }
    return audit;
  }
}
