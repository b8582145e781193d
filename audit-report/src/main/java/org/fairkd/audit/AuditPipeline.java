package org.fairkd.audit;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.audit.facts.AuditFacts;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.Distillation;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.PairedComparison;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.fairness.Correction;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.policies.Policies;
import org.fairkd.policies.model.Policy;

/**
 * The audit itself, shared by {@code run}, {@code audit}, {@code demo} and {@code bench audit}: the
 * fairness analysis of the teacher (primary) and the student (compared, paired on the same rows),
 * reliability bins by group and the policy's evaluation, as one typed {@link AuditResult}.
 */
public final class AuditPipeline {
  /** Number of equal-width score bins of the reliability curves. */
  public static final int CALIBRATION_BINS = 10;

  private AuditPipeline() {}

  /**
   * A further model scored on the same rows as teacher and student (a compressed student): audited
   * as another model with its paired comparisons with the student and the teacher. The policy still
   * judges the student.
   *
   * @param role its role, e.g. {@code student_int8}
   * @param scores its P(favourable) per row
   */
  public record ExtraModel(ModelRole role, double[] scores) {
    /** One further model per entry of {@code scoresByRole} (role key to scores), in its order. */
    public static List<ExtraModel> of(java.util.Map<String, double[]> scoresByRole) {
      List<ExtraModel> out = new ArrayList<>();
      scoresByRole.forEach((role, scores) -> out.add(new ExtraModel(new ModelRole(role), scores)));
      return out;
    }
  }

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
   * Runs the analysis and the policy: the audit has everything but the dataset name and the
   * provenance. {@code distillation} may be null (external scores).
   */
  public static AuditResult audit(Scored s, Settings st, Distillation distillation, Policy policy) {
    return audit(s, st, distillation, policy, List.of());
  }

  /** {@link #audit(Scored, Settings, Distillation, Policy)} with further models audited beside. */
  public static AuditResult audit(
      Scored s, Settings st, Distillation distillation, Policy policy, List<ExtraModel> extra) {
    return judged(measure(s, st, distillation, extra), policy);
  }

  /** {@code measured} with {@code policy}'s evaluation of it. */
  public static AuditResult judged(AuditResult measured, Policy policy) {
    return measured.withPolicy(
        PolicyRecord.of(Policies.evaluate(policy, new AuditFacts(measured))));
  }

  /** The measurements a policy judges: both models, the comparison and the distillation. */
  public static AuditResult measure(Scored s, Settings st, Distillation distillation) {
    return measure(s, st, distillation, List.of());
  }

  /**
   * The measurements with further models: each is analysed paired with the teacher (its own result
   * and deltas vs the teacher) and with the student (deltas vs the student).
   */
  public static AuditResult measure(
      Scored s, Settings st, Distillation distillation, List<ExtraModel> extra) {
    FairnessReport r = analyze(s, st);
    AuditResult measured =
        measured(
            r,
            Calibration.byGroup(s.teacher(), s.labels(), s.attributes(), CALIBRATION_BINS),
            Calibration.byGroup(s.student(), s.labels(), s.attributes(), CALIBRATION_BINS),
            distillation);
    List<AuditedModel> models = new ArrayList<>(measured.models());
    for (ExtraModel e : extra) {
      Comparison vsTeacher =
          FairnessAnalysis.compare(input(s, s.teacher(), st), e.scores()).comparison();
      Comparison vsStudent =
          FairnessAnalysis.compare(input(s, s.student(), st), e.scores()).comparison();
      models.add(
          new AuditedModel(
              e.role(),
              vsTeacher.compared(),
              Calibration.byGroup(e.scores(), s.labels(), s.attributes(), CALIBRATION_BINS),
              List.of(
                  new PairedComparison(ModelRole.STUDENT, vsStudent),
                  new PairedComparison(ModelRole.TEACHER, vsTeacher))));
    }
    return new AuditResult(null, models, r.comparison(), distillation, r.config(), null, null);
  }

  /**
   * The audit of an analysis computed elsewhere (e.g. by a {@link
   * org.fairkd.fairness.cells.TableEngine}): teacher primary, student compared, with their
   * reliability bins; then the policy.
   */
  public static AuditResult audit(
      FairnessReport r,
      CalibrationBins teacher,
      CalibrationBins student,
      Distillation distillation,
      Policy policy) {
    return judged(measured(r, teacher, student, distillation), policy);
  }

  private static AuditResult measured(
      FairnessReport r, CalibrationBins teacher, CalibrationBins student, Distillation d) {
    List<AuditedModel> models =
        List.of(
            new AuditedModel(ModelRole.TEACHER, r.primary(), teacher),
            new AuditedModel(ModelRole.STUDENT, r.comparison().compared(), student));
    return new AuditResult(null, models, r.comparison(), d, r.config(), null, null);
  }

  /** The fairness analysis alone: teacher as primary, student compared on the same rows. */
  public static FairnessReport analyze(Scored s, Settings st) {
    return FairnessAnalysis.compare(input(s, s.teacher(), st), s.student());
  }

  /** The rows, labels and attributes of {@code s} with {@code primary} as the primary model. */
  private static FairnessInput input(Scored s, double[] primary, Settings st) {
    FairnessInput.Builder b =
        FairnessInput.builder(s.labels())
            .scores(primary)
            .threshold(st.threshold())
            .bootstrap(st.bootstrap())
            .ciLevel(st.ciLevel())
            .minSliceSize(st.minSliceSize())
            .seed(st.seed())
            .correction(st.correction());
    for (ProtectedAttribute a : s.attributes()) {
      b.attribute(a);
    }
    return b.build();
  }
}
