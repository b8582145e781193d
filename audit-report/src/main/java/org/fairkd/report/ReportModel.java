package org.fairkd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.Distillation;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.PolicyHeader;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RunProvenance;
import org.fairkd.fairness.report.AnalysisConfig;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.report.svg.Charts;

/**
 * Everything the report template shows, derived from the typed {@link AuditResult}: the verdict and
 * a plain-words summary, the gate table (failing rules first, harm told apart from "not shown"),
 * the rows of each model input (read, used, left out for a missing value), the distillation
 * summary, one section per protected attribute and intersection, calibration, methodology and
 * provenance. Figures follow policies' {@link Numbers}.
 */
public record ReportModel(
    String verdict,
    String summary,
    String policy,
    String dataset,
    GateSection gate,
    DataSection data,
    DistillationSection distillation,
    List<AttributeSection> attributes,
    List<CalibrationSection> calibration,
    List<MetricDoc> metrics,
    List<KeyValue> settings,
    List<String> references,
    List<KeyValue> ruleSources,
    List<KeyValue> provenance,
    List<InputRow> inputs,
    String command,
    String config) {

  /** A labelled value. */
  public record KeyValue(String key, String value) {}

  /** An input file with its role and SHA-256. */
  public record InputRow(String role, String path, String sha256) {}

  /** Echoes configuration maps and the provenance's configuration as JSON text. */
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Builds the model; {@code metricDocs} documents the metrics in the methodology section. */
  public static ReportModel from(AuditResult audit, List<MetricDoc> metricDocs) {
    ModelResult teacher = result(audit, ModelRole.TEACHER);
    ModelResult student = result(audit, ModelRole.STUDENT);
    Comparison cmp = audit.comparison();
    PolicyRecord policy = audit.policy();
    RunProvenance prov = audit.provenance();
    DistillSummary distill = audit.distillation() == null ? null : audit.distillation().summary();
    GateSection gate = GateSection.build(policy);
    List<String> keys = AttributeSection.keys(teacher);
    for (String k : AttributeSection.keys(student)) {
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    List<AttributeSection> attrs = new ArrayList<>();
    for (String k : keys) {
      attrs.add(AttributeSection.build(k, teacher, student, cmp == null ? null : cmp.deltas()));
    }
    PolicyHeader header = policy == null ? null : policy.policy();
    String policyName =
        header != null && header.id() != null
            ? header.id()
            : prov != null && prov.policyName() != null ? prov.policyName() : "";
    String verdict = policy == null ? "ERROR" : policy.verdict().name();
    String dataset =
        distill != null ? distill.dataset() : Objects.requireNonNullElse(audit.dataset(), "");
    return new ReportModel(
        verdict,
        summary(verdict, policyName, gate, audit),
        policyName,
        dataset,
        gate,
        DataSection.build(audit.data()),
        DistillationSection.build(distill, cmp),
        attrs,
        CalibrationSection.build(bins(audit, ModelRole.TEACHER), bins(audit, ModelRole.STUDENT)),
        metricDocs,
        settings(audit.config()),
        header == null ? List.of() : header.references(),
        ruleSources(header),
        provenance(prov),
        inputs(prov),
        prov == null ? "" : text(prov.command()),
        prov == null || prov.config() == null ? "" : pretty(prov.config()));
  }

  private static ModelResult result(AuditResult audit, ModelRole role) {
    return audit.model(role).map(AuditedModel::result).orElse(null);
  }

  private static CalibrationBins bins(AuditResult audit, ModelRole role) {
    return audit.model(role).map(AuditedModel::calibration).orElse(null);
  }

  /**
   * The verdict in words: the checks per status and finding, then the checks that did not pass
   * named by finding (harm apart from "not shown"), the distillation's test AUC, fidelity and
   * speed.
   */
  private static String summary(
      String verdict, String policy, GateSection gate, AuditResult audit) {
    StringBuilder sb = new StringBuilder();
    int total = gate.rules().size();
    sb.append("Verdict ")
        .append(verdict)
        .append(": the policy ")
        .append(policy.isEmpty() ? "(unnamed)" : "“" + policy + "”")
        .append(" was checked in ")
        .append(total)
        .append(total == 1 ? " rule check: " : " rule checks: ")
        .append(gate.tally())
        .append(". ");
    appendFailures(sb, gate, "harm", "Harm shown (the estimate is beyond the threshold)");
    appendFailures(
        sb,
        gate,
        "not_shown",
        "Not shown (the estimate is within the threshold but the interval is too wide to show it)");
    appendFailures(sb, gate, "not_evaluated", "Not evaluated");
    Distillation dist = audit.distillation();
    if (dist != null) {
      sb.append(distillationSummary(dist.summary()));
    }
    Comparison cmp = audit.comparison();
    if (cmp != null && Charts.plotted(cmp.fidelity())) {
      sb.append("The student makes the same decision as the teacher for ")
          .append(DataSection.percent(cmp.fidelity().value()))
          .append(" of applicants. ");
    }
    if (dist != null && dist.summary().deployment().teacher() != null) {
      // the claim survives the fairest comparison: the teacher's fastest serving path
      sb.append("It scores one applicant ")
          .append(Numbers.estimate(dist.summary().deployment().latencySpeedupVsFastest()))
          .append("× faster than the teacher's fastest serving path. ");
    }
    return sb.toString().strip();
  }

  /**
   * "Label: rule on slice (about n rows), ...": the failing or warning checks with {@code finding}
   * (at most five named), or nothing.
   */
  private static void appendFailures(
      StringBuilder sb, GateSection gate, String finding, String label) {
    List<GateSection.RuleRow> hits = gate.notPassing(finding);
    if (hits.isEmpty()) {
      return;
    }
    List<String> named = new ArrayList<>();
    for (GateSection.RuleRow r : hits.subList(0, Math.min(5, hits.size()))) {
      String rows =
          r.requiredRows().isEmpty() ? "" : ", about " + r.requiredRows() + " rows needed";
      named.add(r.id() + " on " + r.slice() + " (" + r.status() + rows + ")");
    }
    sb.append(label)
        .append(": ")
        .append(String.join(", ", named))
        .append(hits.size() > 5 ? " and " + (hits.size() - 5) + " more" : "")
        .append(". ");
  }

  /** The test-split AUC of student, teacher and baseline in words (undefined figures left out). */
  private static String distillationSummary(DistillSummary d) {
    double student = d.test().student().metrics().auc();
    double teacher = d.test().teacher().auc();
    double baseline = d.test().baseline().metrics().auc();
    if (Double.isNaN(student) || Double.isNaN(teacher)) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("On the held-out test split the student reaches AUC ")
        .append(Numbers.estimate(student))
        .append(" against the teacher ensemble's ")
        .append(Numbers.estimate(teacher));
    if (!Double.isNaN(baseline)) {
      sb.append(" (a student trained on hard labels only: ")
          .append(Numbers.estimate(baseline))
          .append(")");
    }
    return sb.append(". ").toString();
  }

  /** The analysis settings in audit.json's order; maps as JSON text. */
  private static List<KeyValue> settings(AnalysisConfig c) {
    List<KeyValue> out = new ArrayList<>();
    if (c == null) {
      return out;
    }
    Double t = c.threshold();
    out.add(new KeyValue("threshold", t == null || !Double.isFinite(t) ? "null" : t.toString()));
    out.add(new KeyValue("ci_level", Double.toString(c.ciLevel())));
    out.add(new KeyValue("bootstrap", Integer.toString(c.bootstrap())));
    out.add(new KeyValue("seed", Long.toString(c.seed())));
    out.add(new KeyValue("min_slice_size", Integer.toString(c.minSliceSize())));
    out.add(new KeyValue("correction", text(c.correction())));
    out.add(new KeyValue("references", json(c.references())));
    out.add(new KeyValue("reference_source", json(c.referenceSource())));
    out.add(new KeyValue("bootstrap_method", text(c.bootstrapMethod())));
    out.add(new KeyValue("weighted", Boolean.toString(c.weighted())));
    out.add(new KeyValue("soft_membership", Boolean.toString(c.softMembership())));
    return out;
  }

  private static List<KeyValue> ruleSources(PolicyHeader header) {
    List<KeyValue> out = new ArrayList<>();
    for (PolicyHeader.RuleHeader r :
        header == null ? List.<PolicyHeader.RuleHeader>of() : header.rules()) {
      String text = text(r.rationale());
      if (r.source() != null && !r.source().isEmpty()) {
        text += (text.isEmpty() ? "" : " ") + "Sources: " + r.source();
      }
      out.add(new KeyValue(text(r.id()), text));
    }
    return out;
  }

  /** The provenance's single values, in audit.json's order. */
  private static List<KeyValue> provenance(RunProvenance p) {
    List<KeyValue> out = new ArrayList<>();
    if (p == null) {
      return out;
    }
    out.add(new KeyValue("tool", String.valueOf(p.tool())));
    out.add(new KeyValue("tool_version", String.valueOf(p.toolVersion())));
    if (p.gitCommit() != null) {
      out.add(new KeyValue("git_commit", p.gitCommit()));
    }
    out.add(new KeyValue("seed", Long.toString(p.seed())));
    out.add(new KeyValue("command", String.valueOf(p.command())));
    out.add(new KeyValue("started_at", String.valueOf(p.startedAt())));
    out.add(new KeyValue("finished_at", String.valueOf(p.finishedAt())));
    out.add(new KeyValue("java", String.valueOf(p.java())));
    out.add(new KeyValue("os", String.valueOf(p.os())));
    return out;
  }

  private static List<InputRow> inputs(RunProvenance p) {
    List<InputRow> out = new ArrayList<>();
    if (p == null) {
      return out;
    }
    for (RunProvenance.HashedInput i : p.inputs()) {
      out.add(new InputRow(text(i.role()), text(i.path()), text(i.sha256())));
    }
    out.add(new InputRow("policy", text(p.policyName()), text(p.policySha256())));
    return out;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String json(Map<String, String> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pretty(Object tree) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
