package org.fairkd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fairkd.fairness.Correction;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.report.FairnessJson;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.eval.PolicyResultJson;
import org.fairkd.policies.model.Policy;

/**
 * The audit itself, shared by {@code run}, {@code audit}, {@code demo} and {@code bench audit}: the
 * fairness analysis of the teacher (primary) and the student (compared, paired on the same rows),
 * reliability bins by group, the policy's evaluation, and the assembled audit.json tree.
 */
public final class AuditPipeline {
  /** Number of equal-width score bins of the reliability curves. */
  public static final int CALIBRATION_BINS = 10;

  private AuditPipeline() {}

  /** Two models' scores on the same rows, with labels and protected attributes. */
  public record Scored(
      boolean[] labels, double[] teacher, double[] student, List<ProtectedAttribute> attributes) {}

  /** Statistical settings of the audit. */
  public record Settings(
      double threshold,
      int bootstrap,
      double ciLevel,
      int minSliceSize,
      long seed,
      Correction correction) {

    /** fairkd's defaults: threshold 0.5, 1000 replicates, 95%, slices of at least 30, Holm. */
    public static Settings defaults(long seed) {
      return new Settings(0.5, 1000, 0.95, 30, seed, Correction.HOLM);
    }
  }

  /**
   * Runs the analysis and the policy; the returned tree has everything but {@code provenance}.
   * {@code distill} (distill.json) may be null.
   */
  public static ObjectNode audit(Scored s, Settings st, JsonNode distill, Policy policy) {
    ObjectNode metrics = FairnessJson.toTree(analyze(s, st));
    ObjectNode audit =
        AuditJson.models(
            metrics,
            Calibration.byGroup(s.teacher(), s.labels(), s.attributes(), CALIBRATION_BINS),
            Calibration.byGroup(s.student(), s.labels(), s.attributes(), CALIBRATION_BINS),
            distill);
    PolicyResult result = Policies.evaluate(policy, audit);
    AuditJson.addRules(audit, PolicyResultJson.toJson(result));
    return audit;
  }

  /** The fairness analysis alone: teacher as primary, student compared on the same rows. */
  public static FairnessReport analyze(Scored s, Settings st) {
    FairnessInput.Builder b =
        FairnessInput.builder(s.labels())
            .scores(s.teacher())
            .threshold(st.threshold())
            .bootstrap(st.bootstrap())
            .ciLevel(st.ciLevel())
            .minSliceSize(st.minSliceSize())
            .seed(st.seed())
            .correction(st.correction());
    for (ProtectedAttribute a : s.attributes()) {
      b.attribute(a);
    }
    return FairnessAnalysis.compare(b.build(), s.student());
  }
}
