package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.fairness.Correction;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.yaml.PolicyLoader;
import org.junit.jupiter.api.Test;

/**
 * The monitoring plan follows the policy actually used: one line per rule in the policy's order,
 * triggers at the policy's own warning and fail levels, the rows a window needs from this audit's
 * rows-needed figures, and this audit's outcome as the baseline.
 */
class MonitoringSectionTest {

  /** A small audit (wide intervals, so some checks are "not shown") judged by lending-standard. */
  private static AuditResult audit(Policy policy) {
    Random r = new Random(5);
    int n = 300;
    boolean[] y = new boolean[n];
    double[] t = new double[n];
    double[] s = new double[n];
    int[] sex = new int[n];
    for (int i = 0; i < n; i++) {
      sex[i] = r.nextInt(2);
      t[i] = r.nextDouble();
      y[i] = r.nextDouble() < t[i];
      s[i] = Math.max(0, Math.min(1, t[i] * (sex[i] == 1 ? 0.97 : 1) + 0.01 * r.nextGaussian()));
    }
    ProtectedAttribute a = ProtectedAttribute.hard("sex", List.of("m", "f"), "m", sex);
    return AuditPipeline.audit(
        new AuditPipeline.Scored(y, t, s, List.of(a)),
        new AuditPipeline.Settings(0.5, 100, 0.95, 30, 7, Correction.HOLM),
        null,
        policy);
  }

  @Test
  void oneLinePerRuleAtThePolicysLevels() {
    Policy policy = PolicyLoader.load("lending-standard");
    AuditResult audit = audit(policy);
    MonitoringSection.Model m =
        (MonitoringSection.Model)
            new MonitoringSection().model(audit, ReportModel.from(audit, List.of()));
    assertEquals(
        policy.rules().stream().map(Rule::id).toList(),
        m.rules().stream().map(MonitoringSection.Row::id).toList());
    Map<String, MonitoringSection.Row> byId =
        m.rules().stream().collect(Collectors.toMap(MonitoringSection.Row::id, x -> x));
    MonitoringSection.Row air = byId.get("air-four-fifths");
    assertEquals("below 0.9 (the policy's warning level)", air.watch());
    assertEquals("below 0.8 as the rule judges it (the policy's fail level)", air.revalidate());
    assertEquals("outside [-0.3, 0.3] (the rule's level)", byId.get("smd-cap").watch());
    assertEquals("above 0.1 (the rule's level)", byId.get("eod-cap").watch());
    assertTrue(byId.get("eod-cap").revalidate().startsWith("warn-only rule"));
    assertTrue(
        byId.get("auc-non-regression").watch().startsWith("an estimate below -0.01"),
        byId.get("auc-non-regression").watch());
    assertEquals("the interval reaching below 0.95 (an early sign)", byId.get("fidelity").watch());
    for (Rule rule : policy.rules()) {
      MonitoringSection.Row row = byId.get(rule.id());
      List<RuleCheck> checks =
          audit.policy().checks().stream().filter(c -> c.id().equals(rule.id())).toList();
      assertEquals(
          rule.subject() == Subject.DELTA, row.note().contains("shadow scoring"), rule.id());
      long needed =
          checks.stream()
              .filter(c -> c.requiredRows() != null)
              .mapToLong(RuleCheck::requiredRows)
              .max()
              .orElse(-1);
      assertEquals(
          needed > 0
              ? "about "
                  + Numbers.count(needed)
                  + " rows in the slice it judges (this audit's rows"
                  + " needed to settle it)"
              : "at least 30 rows per group (the minimum slice size)",
          row.windowRows(),
          rule.id());
      assertTrue(row.baseline().startsWith(checks.size() + " check"), row.baseline());
    }
    assertTrue(
        m.rules().stream().anyMatch(x -> x.windowRows().startsWith("about ")),
        "the small audit leaves some check not shown, with rows needed");
    assertEquals(MonitoringSection.TO_FILL, m.cadence());
  }

  @Test
  void noPolicyNoPlan() {
    AuditResult measured = audit(PolicyLoader.load("four-fifths")).withPolicy(null);
    assertNull(new MonitoringSection().model(measured, ReportModel.from(measured, List.of())));
  }
}
