package org.fairkd.audit.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.RuleOutcome;
import org.fairkd.policies.eval.Status;
import org.junit.jupiter.api.Test;

/**
 * The lending-standard pack on an audit assembled from the fairness module's real output (teacher
 * primary, student compared): every rule finds its figures, the verdicts agree with numbers
 * computed here independently, and the audit read back from its audit.json judges the same.
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
    AuditResult audit = audit(FairnessAnalysis.compare(input, student));

    PolicyResult result =
        Policies.evaluate(Policies.resolve("lending-standard"), new AuditFacts(audit));
    AuditResult readBack = AuditJsonReader.read(AuditJsonWriter.toTree(audit));
    PolicyResult again =
        Policies.evaluate(Policies.resolve("lending-standard"), new AuditFacts(readBack));
    assertEquals(result.outcomes(), again.outcomes(), "a read-back audit judges the same");
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
    // every rule of the pack found its figures, but the reason rules: an audit of scores has no
    // reasons, so those two are not evaluated (a warning: they are warn rules)
    assertEquals(
        List.of("reason-fidelity", "reason-proxies"),
        result.outcomes().stream()
            .filter(o -> o.status() == Status.ERROR)
            .map(o -> o.rule().id())
            .toList(),
        result.outcomes().toString());
    assertEquals(
        List.of(
            "air-four-fifths",
            "auc-non-regression",
            "dpd-non-inferiority",
            "eod-non-inferiority",
            "fidelity",
            "eod-cap",
            "smd-cap",
            "group-auc-non-regression",
            "group-agreement",
            "reason-fidelity",
            "reason-proxies"),
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

  /** The audit of a paired fairness analysis (teacher primary, student compared). */
  private static AuditResult audit(FairnessReport r) {
    return new AuditResult(
        null,
        List.of(
            new AuditedModel(ModelRole.TEACHER, r.primary(), CalibrationBins.none()),
            new AuditedModel(ModelRole.STUDENT, r.comparison().compared(), CalibrationBins.none())),
        r.comparison(),
        null,
        r.config(),
        null,
        null);
  }
}
