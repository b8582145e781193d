package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.summary.GapRecovered;
import org.fairkd.policies.eval.Numbers;
import org.junit.jupiter.api.Test;

/**
 * The report's account of a distillation, from kd-core's typed summary: how the student was built,
 * its spread over seeds, the notes, the model table and the deployment gain.
 */
class DistillationSectionTest {
  static final String NOTE =
      "the penalised student collapsed to a near-constant score with seed 3; kept restart 1";

  /** The demo's distill.json with a penalty, a searched architecture, 3 seeds and a note. */
  static ObjectNode tree() {
    ObjectNode t = DistillSummaries.demoTree();
    ((ObjectNode) t.path("config").path("student"))
        .put("temperature", 2.0)
        .put("alpha", 0.9)
        .put("lambda", 3.0)
        .put("penalty", "demographic_parity")
        .put("transfer", "auto")
        .put("transfer_multiplier", 8.0);
    ((ObjectNode) t.path("test").path("student")).put("best_epoch", 59).put("epochs_run", 70);
    ObjectNode sel = (ObjectNode) t.path("selection");
    sel.put("architecture", "64x64")
        .put("architecture_rule", "searched")
        .put("transfer", "auto")
        .put("transfer_used", true)
        .put("validation_objective_without_transfer", 0.31234)
        .put("validation_objective_with_transfer", 0.29871)
        .put("objective", "validation loss incl. penalty")
        .put("early_stopping", "validation loss (KD term against the teacher plus the penalty)")
        .put("student_restarts", 1);
    ArrayNode cands = sel.putArray("candidates");
    cands.addObject().put("architecture", "16");
    cands.addObject().put("architecture", "64x64");
    ArrayNode reps = t.putArray("repeats");
    double[][] figures = {
      {0.9187, 0.9087, 0.9797, 0.541},
      {0.9190, 0.9098, 0.9811, 0.545},
      {0.9204, 0.9100, 0.9834, 0.591}
    };
    for (int i = 0; i < figures.length; i++) {
      double[] f = figures[i];
      reps.addObject()
          .put("seed", 40 + i)
          .put("student_auc", f[0])
          .put("baseline_auc", f[1])
          .put("teacher_auc", 0.93)
          .put("fidelity", f[2])
          .put("gap_recovered", f[3]);
    }
    t.putArray("notes").add(NOTE);
    return t;
  }

  static DistillationSection section(ObjectNode tree) {
    return DistillationSection.build(DistillSummaries.read(tree), null);
  }

  @Test
  void developmentChoicesRepeatsAndNotesAreSpelledOut() {
    DistillationSection s = section(tree());
    assertEquals(
        List.of(
            "Student architecture 64x64 (searched among 2 candidates on the validation split:"
                + " lowest validation objective, the smallest net within the tie tolerance).",
            "Loss: temperature T = 2, alpha = 0.9, fairness penalty lambda = 3"
                + " (demographic_parity).",
            "MUNGE transfer set: auto, used (8× rows); validation loss incl. penalty without"
                + " 0.312, with 0.299.",
            "Early stopping on the validation loss (KD term against the teacher plus the penalty);"
                + " kept epoch 59 of 70.",
            "The penalised student collapsed and was retrained 1 time(s) with other seeds (see the"
                + " notes)."),
        s.development());
    // mean ± sample SD [min, max] of the three seeds, computed by hand (3 significant digits)
    assertEquals(
        List.of(
            "student auc over 3 seeds: 0.919 ± 0.000907 [0.919, 0.920]",
            "baseline auc over 3 seeds: 0.910 ± 0.000700 [0.909, 0.910]",
            "fidelity over 3 seeds: 0.981 ± 0.00187 [0.980, 0.983]",
            "gap recovered over 3 seeds: 0.559 ± 0.0278 [0.541, 0.591]"),
        s.repeats());
    assertEquals(List.of(NOTE), s.notes());
  }

  @Test
  void oneSeedHasNoSpreadAndAConfiguredArchitectureSaysSo() {
    ObjectNode t = tree();
    ((ArrayNode) t.path("repeats")).remove(2);
    ((ArrayNode) t.path("repeats")).remove(1);
    ((ObjectNode) t.path("selection")).putArray("candidates");
    DistillationSection s = section(t);
    assertTrue(s.repeats().isEmpty());
    assertTrue(s.development().get(0).endsWith("64x64 (configured)."), s.development().get(0));
  }

  @Test
  void anAucTransferCriterionIsShownAsAPositiveAuc() {
    ObjectNode t = tree();
    ((ObjectNode) t.path("selection"))
        .put("validation_objective_without_transfer", -0.91263)
        .put("validation_objective_with_transfer", -0.91953)
        .put("objective", "-validation AUC");
    String line = section(t).development().get(2);
    assertTrue(line.endsWith("; validation AUC without 0.913, with 0.920."), line);
  }

  @Test
  void modelsAndDeploymentGainComeFromTheSummary() {
    DistillSummary d = DistillSummaries.read(DistillSummaries.demoTree());
    DistillationSection s = DistillationSection.build(d, null);
    assertEquals(
        List.of(
            "teacher ensemble",
            "  member: logistic",
            "  member: xgboost",
            "student",
            "baseline (hard labels)"),
        s.models().stream().map(DistillationSection.ModelRow::model).toList());
    assertEquals(
        Numbers.estimate(d.test().student().metrics().auc()), s.models().get(3).auc().value());
    assertEquals(Numbers.estimate(d.test().weights().get("logistic")), s.models().get(1).weight());
    assertEquals(3, s.deployment().size());
    assertEquals(
        "latency speedup: "
            + Numbers.estimate(
                d.deployment().teacher().latencyP50Us()
                    / d.deployment().studentPortable().latencyP50Us())
            + "×",
        s.speedups().get(0));
    assertTrue(s.notMeasured().isEmpty());
    assertEquals(
        Numbers.estimate(d.fidelity()), s.headline().get(0).value(), "fidelity of distill.json");
  }

  @Test
  void anExternalTeacherIsSaidNotMeasuredWithItsReason() {
    ObjectNode t = DistillSummaries.demoTree();
    ObjectNode dep = (ObjectNode) t.path("deployment");
    dep.remove(List.of("latency_speedup", "throughput_speedup", "size_ratio"));
    dep.putNull("teacher");
    dep.put("teacher_reason", "external teacher: scores only");
    t.put("gap_recovered", (String) null);
    t.put("gap_recovered_reason", "the teacher's lead is not significant");
    DistillationSection s = section(t);
    assertEquals(
        List.of("teacher ensemble not measured: external teacher: scores only"), s.notMeasured());
    assertTrue(s.speedups().isEmpty());
    assertEquals(
        List.of("student (DJL)", "student (portable Java)"),
        s.deployment().stream().map(DistillationSection.DeployRow::path).toList());
    assertEquals("undefined", s.headline().get(2).value(), "undefined gap recovered");
    assertEquals("the teacher's lead is not significant", s.headline().get(2).tooltip());
    assertTrue(
        s.gapRecovered()
            .startsWith("Gap recovered undefined: the teacher's lead is not significant"),
        "the reason is visible, not only on hover: " + s.gapRecovered());
  }

  @Test
  void gapRecoveredShowsItsIntervalOrWhyItIsUndefined() {
    GapRecovered.TeacherLead lead = new GapRecovered.TeacherLead(0.01234, 0.003, 0.00004, true);
    assertEquals(
        "Gap recovered 0.598 (95% Fieller interval 0.412 to 0.791); the teacher's AUC lead over"
            + " the baseline is 0.0123 (paired DeLong, p < 0.001, significant).",
        DistillationSection.gapRecovered(GapRecovered.of(0.5981, 0.4118, 0.7912, lead)));
    GapRecovered.TeacherLead weak = new GapRecovered.TeacherLead(0.0097, 0.0078, 0.2134, false);
    assertEquals(
        "Gap recovered undefined: the teacher's lead over the baseline is not significant.",
        DistillationSection.gapRecovered(
            GapRecovered.undefined(
                "the teacher's lead over the baseline is not significant", weak)));
  }

  @Test
  void noDistillationNoSection() {
    assertNull(DistillationSection.build(null, null));
  }
}
