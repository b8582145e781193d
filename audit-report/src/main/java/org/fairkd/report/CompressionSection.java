package org.fairkd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.PairedComparison;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.summary.CompressedModel;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.policies.eval.Numbers;

/**
 * The report's "compression" section: the chain teacher → student → each compressed student ({@code
 * student.compress}), one row per model with its test AUC, its decision agreement with the float
 * student and with the teacher (paired intervals from the audit), its latency and size; then, per
 * compressed student and protected attribute, the paired deltas of the demographic-parity and
 * equalized-odds differences against the student and against the teacher, since compression can
 * shift group behaviour too. Left out of the report when the audit has no compressed student.
 *
 * @param chain the models in chain order
 * @param deltas the compressed students' fairness deltas
 * @param methods what each compression did, one sentence each
 */
public record CompressionSection(
    List<ChainRow> chain, List<DeltaRow> deltas, List<String> methods) {

  /** The section's entry in {@link ReportSections}: its model is the built section or null. */
  static final ReportSection SECTION =
      new ReportSection() {
        @Override
        public String id() {
          return "compression";
        }

        @Override
        public String title() {
          return "Compression: teacher → student → compressed students";
        }

        @Override
        public Object model(AuditResult audit, ReportModel report) {
          return build(audit);
        }
      };

  /** Metrics whose paired deltas the section shows, per attribute. */
  static final List<String> DELTA_METRICS =
      List.of("demographic_parity_difference", "equalized_odds_difference");

  /** One model of the chain. */
  public record ChainRow(
      String model,
      Cell auc,
      Cell fidelityToStudent,
      Cell fidelityToTeacher,
      String p50,
      String sizeBytes,
      String weights) {}

  /** One compressed student's delta of one metric on one attribute. */
  public record DeltaRow(
      String model, String attribute, String metric, Cell vsStudent, Cell vsTeacher) {}

  /** The section of {@code audit}, or null when it has no compressed student. */
  static CompressionSection build(AuditResult audit) {
    List<AuditedModel> compressed =
        audit.models().stream().filter(m -> !m.pairedWith().isEmpty()).toList();
    if (compressed.isEmpty()) {
      return null;
    }
    DistillSummary d = audit.distillation() == null ? null : audit.distillation().summary();
    List<ChainRow> chain = new ArrayList<>();
    DeploymentSummary dep = d == null ? null : d.deployment();
    chain.add(
        new ChainRow(
            "teacher",
            auc(audit, ModelRole.TEACHER),
            Cell.EMPTY,
            Cell.EMPTY,
            dep == null ? "—" : p50(fastest(dep)),
            dep == null || dep.teacher() == null ? "—" : Numbers.count(dep.teacher().sizeBytes()),
            ""));
    chain.add(
        new ChainRow(
            "student",
            auc(audit, ModelRole.STUDENT),
            Cell.EMPTY,
            audit.comparison() == null ? Cell.MISSING : Cell.of(audit.comparison().fidelity()),
            dep == null ? "—" : p50(dep.studentPortable()),
            dep == null ? "—" : Numbers.count(dep.studentPortable().sizeBytes()),
            d == null ? "" : Numbers.count(d.test().student().parameters()) + " parameters"));
    List<DeltaRow> deltas = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    for (AuditedModel m : compressed) {
      CompressedModel c = d == null ? null : find(d, m.role());
      PairedComparison vsS = m.pairedWith(ModelRole.STUDENT);
      PairedComparison vsT = m.pairedWith(ModelRole.TEACHER);
      chain.add(
          new ChainRow(
              m.role().key(),
              auc(audit, m.role()),
              vsS == null ? Cell.MISSING : Cell.of(vsS.comparison().fidelity()),
              vsT == null ? Cell.MISSING : Cell.of(vsT.comparison().fidelity()),
              c == null ? "—" : p50(c.deployment()),
              c == null ? "—" : Numbers.count(c.deployment().sizeBytes()),
              c == null
                  ? ""
                  : Numbers.count(c.nonZeroWeights())
                      + " of "
                      + Numbers.count(c.weights())
                      + " weights non-zero"));
      if (c != null) {
        methods.add(m.role().key() + ": " + c.method() + " (file " + c.file() + ").");
      }
      Map<String, AttributeDisparities> byAttr =
          vsT == null ? Map.of() : vsT.comparison().deltas().disparities();
      for (String attr : byAttr.keySet()) {
        if (attr.contains("*")) {
          continue; // intersections: in audit.json
        }
        for (String metric : DELTA_METRICS) {
          deltas.add(
              new DeltaRow(
                  m.role().key(),
                  attr,
                  metric,
                  Cell.of(delta(vsS, attr, metric)),
                  Cell.of(delta(vsT, attr, metric))));
        }
      }
    }
    return new CompressionSection(chain, deltas, methods);
  }

  private static Cell auc(AuditResult audit, ModelRole role) {
    return audit
        .model(role)
        .map(m -> Cell.of(m.result().overall().metrics().get("auc")))
        .orElse(Cell.MISSING);
  }

  private static Estimate delta(PairedComparison p, String attribute, String metric) {
    if (p == null) {
      return null;
    }
    Comparison c = p.comparison();
    AttributeDisparities a = c.deltas().disparities().get(attribute);
    return a == null ? null : a.overall().get(metric);
  }

  private static CompressedModel find(DistillSummary d, ModelRole role) {
    return d.compression().stream()
        .filter(c -> c.role().equals(role.key()))
        .findFirst()
        .orElse(null);
  }

  /** The teacher's faster serving path (the one the speed-up is quoted against). */
  private static DeploymentFigures fastest(DeploymentSummary dep) {
    if (dep.teacher() == null) {
      return null;
    }
    return dep.teacherFast() != null
            && dep.teacherFast().latencyP50Us() < dep.teacher().latencyP50Us()
        ? dep.teacherFast()
        : dep.teacher();
  }

  private static String p50(DeploymentFigures f) {
    return f == null ? "—" : Numbers.estimate(f.latencyP50Us());
  }
}
