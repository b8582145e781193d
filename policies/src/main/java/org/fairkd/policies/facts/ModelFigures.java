package org.fairkd.policies.facts;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Subject;

/**
 * Figures of the whole student-vs-teacher comparison and of the distillation run: {@code fidelity}
 * ({@code comparison.fidelity}), {@code kl} ({@code comparison.kl_divergence}), {@code
 * gap_recovered} ({@code distillation.gap_recovered}), deployment figures ({@code
 * distillation.deployment.*}) and {@code log_loss} ({@code distillation.test.<s>.log_loss}; for the
 * delta {@code comparison.deltas.overall.log_loss}, else the difference of the two point values).
 */
final class ModelFigures {
  private ModelFigures() {}

  /** The figure of a comparison or distillation metric (one per audit). */
  static Fact figure(JsonNode audit, Rule rule) {
    String m = rule.metric();
    JsonNode dist = audit.path("distillation");
    String loc;
    JsonNode node;
    switch (m) {
      case "fidelity" -> {
        loc = "comparison.fidelity";
        node = audit.path("comparison").path("fidelity");
      }
      case "kl", "kl_divergence" -> {
        loc = "comparison.kl_divergence";
        node = audit.path("comparison").path("kl_divergence");
      }
      case "gap_recovered" -> {
        loc = "distillation.gap_recovered";
        node = dist.path("gap_recovered");
      }
      case "log_loss" -> {
        return logLoss(audit, rule.subject());
      }
      default -> {
        loc = "distillation.deployment." + m;
        node = dist.path("deployment").path(m);
      }
    }
    if (node.isMissingNode() && loc.startsWith("distillation") && dist.isMissingNode()) {
      return Fact.missing(
          null, "the audit has no distillation section (an audit of external scores)", loc);
    }
    return Fact.found(null, Estimate.from(node), null, "", loc);
  }

  private static Fact logLoss(JsonNode audit, Subject s) {
    JsonNode test = audit.path("distillation").path("test");
    if (s != Subject.DELTA) {
      String loc = "distillation.test." + s.yamlName() + ".log_loss";
      return Fact.found(
          null, Estimate.from(test.path(s.yamlName()).path("log_loss")), null, "", loc);
    }
    Estimate d =
        Estimate.from(audit.path("comparison").path("deltas").path("overall").path("log_loss"));
    if (d != null) {
      return Fact.found(null, d, null, "", "comparison.deltas.overall.log_loss");
    }
    Estimate st = Estimate.from(test.path("student").path("log_loss"));
    Estimate te = Estimate.from(test.path("teacher").path("log_loss"));
    String loc = "distillation.test.student.log_loss - distillation.test.teacher.log_loss";
    if (st == null || te == null || !st.defined() || !te.defined()) {
      return Fact.missing(null, "missing from the audit result", loc);
    }
    return Fact.found(null, Estimate.point(st.value() - te.value()), null, "", loc);
  }
}
