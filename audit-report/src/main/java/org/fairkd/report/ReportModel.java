package org.fairkd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.PolicyHeader;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.audit.result.RunProvenance;
import org.fairkd.fairness.report.AnalysisConfig;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.PairedTests;
import org.fairkd.fairness.report.SignificanceTest;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.policies.eval.Numbers;

/**
 * Everything the report template shows, derived from the typed {@link AuditResult}: the verdict and
 * a plain-words summary, the gate table (failing rules first, harm told apart from "not shown"),
 * the rows of each model input (read, used, left out for a missing value), the distillation
 * summary, one section per protected attribute and intersection, calibration, methodology and
 * provenance. Figures follow policies' {@link Numbers}.
 */
public record ReportModel(
    String verdict,
    String policy,
    String dataset,
    GateSection gate,
    DataSection data,
    DistillationSection distillation,
    List<AttributeSection> attributes,
    List<AttributeSection.DisparityRow> pooled,
    List<KeyValue> pairedTests,
    List<CalibrationSection> calibration,
    List<MetricDoc> metrics,
    List<KeyValue> settings,
    List<String> references,
    List<KeyValue> ruleSources,
    List<KeyValue> provenance,
    List<InputRow> inputs,
    List<KeyValue> libraries,
    String command,
    String reproduce,
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
    GateSection gate = GateSection.build(policy, c -> rawTest(audit, c));
    PolicyThresholds thresholds = new PolicyThresholds(policy);
    List<String> keys = AttributeSection.keys(teacher);
    for (String k : AttributeSection.keys(student)) {
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    List<AttributeSection> attrs = new ArrayList<>();
    for (String k : keys) {
      attrs.add(
          AttributeSection.build(
              k, teacher, student, cmp == null ? null : cmp.deltas(), thresholds));
    }
    Set<String> pooledMetrics = pooled(attrs);
    List<AttributeSection.DisparityRow> pooled =
        attrs.isEmpty()
            ? List.of()
            : attrs.get(0).disparities().stream()
                .filter(d -> pooledMetrics.contains(d.metric()))
                .toList();
    attrs.replaceAll(a -> a.without(pooledMetrics));
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
        policyName,
        dataset,
        gate,
        DataSection.build(audit),
        DistillationSection.build(distill, cmp),
        attrs,
        pooled,
        pairedTests(cmp),
        CalibrationSection.build(bins(audit, ModelRole.TEACHER), bins(audit, ModelRole.STUDENT)),
        metricDocs,
        settings(audit.config()),
        header == null ? List.of() : header.references(),
        ruleSources(header),
        provenance(prov),
        inputs(prov),
        libraries(prov),
        prov == null ? "" : text(prov.command()),
        reproduce(prov),
        prov == null || prov.config() == null ? "" : pretty(prov.config()));
  }

  private static ModelResult result(AuditResult audit, ModelRole role) {
    return audit.model(role).map(AuditedModel::result).orElse(null);
  }

  private static CalibrationBins bins(AuditResult audit, ModelRole role) {
    return audit.model(role).map(AuditedModel::calibration).orElse(null);
  }

  /**
   * The whole-attribute metrics that are not per attribute: the same estimates (teacher, student
   * and Δ) under every attribute, as a pooled figure over all rows with a known group is (the Theil
   * index when no row lacks a group). They are shown once, not once per attribute.
   */
  private static Set<String> pooled(List<AttributeSection> attrs) {
    Set<String> out = new LinkedHashSet<>();
    if (attrs.size() < 2) {
      return out;
    }
    for (AttributeSection.DisparityRow d : attrs.get(0).disparities()) {
      boolean same =
          attrs.stream().allMatch(a -> a.disparities().stream().anyMatch(x -> x.equals(d)));
      if (same) {
        out.add(d.metric());
      }
    }
    return out;
  }

  /**
   * The significance test behind a check's adjusted p-value: the student's or teacher's test of the
   * check's group against the reference (raw and adjusted p), or null.
   */
  private static SignificanceTest rawTest(AuditResult audit, RuleCheck c) {
    if (c.evidence().pValue() == null || c.slice() == null || !c.slice().contains("=")) {
      return null;
    }
    ModelRole role =
        switch (c.subject()) {
          case STUDENT -> ModelRole.STUDENT;
          case TEACHER -> ModelRole.TEACHER;
          default -> null;
        };
    ModelResult m = role == null ? null : result(audit, role);
    if (m == null) {
      return null;
    }
    String attr = c.slice().substring(0, c.slice().indexOf('='));
    String group = c.slice().substring(c.slice().indexOf('=') + 1);
    return m.tests().stream()
        .filter(t -> t.attribute().equals(attr) && t.group().equals(group))
        .filter(t -> Math.abs(t.pAdjusted() - c.evidence().pValue()) < 1e-12)
        .findFirst()
        .orElse(null);
  }

  /** The paired tests of student against teacher on the same rows, in words. */
  private static List<KeyValue> pairedTests(Comparison cmp) {
    List<KeyValue> out = new ArrayList<>();
    PairedTests t = cmp == null ? null : cmp.tests();
    if (t == null) {
      return out;
    }
    if (t.mcnemarPValue() != null) {
      out.add(
          new KeyValue(
              "McNemar test (accuracy, discordant rows)",
              "χ² = "
                  + (t.mcnemarStatistic() == null ? "—" : Numbers.estimate(t.mcnemarStatistic()))
                  + ", "
                  + Numbers.p(t.mcnemarPValue())));
    }
    if (t.delongPValue() != null && t.delongDifference() != null) {
      String ci =
          t.delongCiLow() == null || t.delongCiHigh() == null
              ? ""
              : " ["
                  + Numbers.estimate(t.delongCiLow())
                  + ", "
                  + Numbers.estimate(t.delongCiHigh())
                  + "]";
      out.add(
          new KeyValue(
              "paired DeLong test (AUC)",
              "Δ AUC = "
                  + Numbers.estimate(t.delongDifference())
                  + ci
                  + ", "
                  + Numbers.p(t.delongPValue())));
    }
    return out;
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

  private static List<KeyValue> libraries(RunProvenance p) {
    List<KeyValue> out = new ArrayList<>();
    if (p != null) {
      p.libraries().forEach((k, v) -> out.add(new KeyValue(k, v)));
    }
    return out;
  }

  /**
   * The steps that reproduce this audit: check out the commit the tool was built from, rerun the
   * command with its seed into a new directory, and compare the SHA-256 of every file with the
   * table above; empty without provenance.
   */
  private static String reproduce(RunProvenance p) {
    if (p == null || p.command() == null || p.command().isBlank()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        p.gitCommit() == null
            ? "# the tool version " + p.toolVersion() + " (no git commit was recorded)\n"
            : "git checkout " + p.gitCommit() + "\n");
    String cmd = p.command().strip();
    String withSeed = cmd.contains("--seed") ? cmd : cmd + " --seed " + p.seed();
    String rerun = withSeed.replaceAll("--out(=|\\s+)\\S+", "--out reproduced");
    if (!rerun.contains("--out")) {
      rerun += " --out reproduced";
    }
    sb.append(rerun);
    if (p.inputs().isEmpty()) {
      return sb.toString();
    }
    sb.append("\n# then compare (from the directory the files were read in):\n");
    sb.append("sha256sum");
    for (RunProvenance.HashedInput i : p.inputs()) {
      sb.append(" \\\n  ")
          .append(i.path().startsWith("distill/") ? "reproduced/" + i.path() : i.path());
    }
    return sb.toString();
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
