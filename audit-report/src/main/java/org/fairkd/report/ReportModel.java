package org.fairkd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.Distillation;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.PolicyHeader;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.audit.result.RunProvenance;
import org.fairkd.fairness.report.AnalysisConfig;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.yaml.PolicyWriter;
import org.fairkd.report.svg.Charts;

/**
 * Everything the report template shows, derived from the typed {@link AuditResult}: the verdict and
 * a plain-words summary, the gate table (failing rules first), the distillation summary, one
 * section per protected attribute and intersection, calibration, methodology and provenance.
 */
public record ReportModel(
    String verdict,
    String summary,
    String policy,
    String dataset,
    List<RuleRow> rules,
    Map<String, Integer> counts,
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

  /** One gate-table row (one rule evaluated on one slice). */
  public record RuleRow(
      String status,
      String severity,
      String id,
      String title,
      String subject,
      String metric,
      String slice,
      String evidence,
      String explanation) {}

  /** Echoes configuration maps and the provenance's configuration as JSON text. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> STATUS_ORDER =
      Stream.of(Status.FAIL, Status.ERROR, Status.WARN, Status.PASS).map(Status::jsonName).toList();

  /** Builds the model; {@code metricDocs} documents the metrics in the methodology section. */
  public static ReportModel from(AuditResult audit, List<MetricDoc> metricDocs) {
    ModelResult teacher = result(audit, ModelRole.TEACHER);
    ModelResult student = result(audit, ModelRole.STUDENT);
    Comparison cmp = audit.comparison();
    PolicyRecord policy = audit.policy();
    RunProvenance prov = audit.provenance();
    DistillSummary distill = audit.distillation() == null ? null : audit.distillation().summary();
    List<RuleRow> rules = rules(policy);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String s : STATUS_ORDER) {
      counts.put(s, (int) rules.stream().filter(r -> r.status().equals(s)).count());
    }
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
        summary(verdict, policyName, counts, rules, audit),
        policyName,
        dataset,
        rules,
        counts,
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

  private static List<RuleRow> rules(PolicyRecord policy) {
    List<RuleRow> out = new ArrayList<>();
    for (RuleCheck r : policy == null ? List.<RuleCheck>of() : policy.checks()) {
      out.add(
          new RuleRow(
              r.status().jsonName(),
              r.severity().yamlName(),
              text(r.id()),
              text(r.title()),
              r.subject().yamlName(),
              text(r.metric()),
              r.slice() == null ? "(overall)" : r.slice(),
              evidence(r.evidence()),
              text(r.explanation())));
    }
    out.sort(
        Comparator.comparingInt(
            (RuleRow r) -> {
              int i = STATUS_ORDER.indexOf(r.status());
              return i < 0 ? 1 : i;
            }));
    return out;
  }

  private static String evidence(Evidence e) {
    List<String> parts = new ArrayList<>();
    if (e.value() != null) {
      String v = Charts.fmt(e.value());
      if (e.ciLow() != null && e.ciHigh() != null) {
        v += " [" + Charts.fmt(e.ciLow()) + ", " + Charts.fmt(e.ciHigh()) + "]";
      }
      parts.add("value " + v);
    } else {
      parts.add("value undefined");
    }
    if (e.pValue() != null) {
      parts.add("p " + pValue(e.pValue()));
    }
    if (e.threshold() != null) {
      // as the policy file has it: a number, or [low,high] for between
      Object t = PolicyWriter.threshold(e.comparator(), e.threshold());
      parts.add(
          "threshold " + (t instanceof Double d ? Charts.fmt(d) : t.toString().replace(" ", "")));
    }
    if (e.mode() != null) {
      parts.add("mode " + e.mode().yamlName());
    }
    return String.join("; ", parts);
  }

  static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
  }

  private static String summary(
      String verdict,
      String policy,
      Map<String, Integer> counts,
      List<RuleRow> rules,
      AuditResult audit) {
    StringBuilder sb = new StringBuilder();
    int total = rules.size();
    sb.append("Verdict ")
        .append(verdict)
        .append(": the policy ")
        .append(policy.isEmpty() ? "(unnamed)" : "“" + policy + "”")
        .append(" was checked in ")
        .append(total)
        .append(total == 1 ? " rule check: " : " rule checks: ")
        .append(counts.get("fail"))
        .append(" failed, ")
        .append(counts.get("error"))
        .append(" could not be evaluated, ")
        .append(counts.get("warn"))
        .append(" warned and ")
        .append(counts.get("pass"))
        .append(" passed. ");
    List<String> failing =
        rules.stream()
            .filter(r -> r.status().equals("fail") || r.status().equals("error"))
            .map(r -> r.id() + " on " + r.slice())
            .limit(5)
            .toList();
    if (!failing.isEmpty()) {
      sb.append("Not passing: ").append(String.join(", ", failing)).append(". ");
    }
    Distillation dist = audit.distillation();
    if (dist != null) {
      sb.append(distillationSummary(dist.summary()));
    }
    Comparison cmp = audit.comparison();
    if (cmp != null && Charts.plotted(cmp.fidelity())) {
      sb.append(
          String.format(
              Locale.ROOT,
              "The student makes the same decision as the teacher for %.1f%% of applicants. ",
              100 * cmp.fidelity().value()));
    }
    if (dist != null && dist.summary().deployment().teacher() != null) {
      sb.append("It scores one applicant ")
          .append(Charts.fmt(dist.summary().deployment().latencySpeedup()))
          .append("× faster than the teacher. ");
    }
    return sb.toString().strip();
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
        .append(Charts.fmt(student))
        .append(" against the teacher ensemble's ")
        .append(Charts.fmt(teacher));
    if (!Double.isNaN(baseline)) {
      sb.append(" (a student trained on hard labels only: ")
          .append(Charts.fmt(baseline))
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
