package org.fairkd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkd.report.svg.Charts;

/**
 * Everything the report template shows, derived from an audit.json tree: the verdict and a
 * plain-words summary, the gate table (failing rules first), the distillation summary, one section
 * per protected attribute and intersection, calibration, methodology and provenance.
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

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STATUS_ORDER = List.of("fail", "error", "warn", "pass");

  /** Builds the model; {@code metricDocs} documents the metrics in the methodology section. */
  public static ReportModel from(JsonNode audit, List<MetricDoc> metricDocs) {
    JsonNode teacher = audit.path("models").path("teacher");
    JsonNode student = audit.path("models").path("student");
    JsonNode cmp = audit.path("comparison");
    List<RuleRow> rules = rules(audit.path("rules"));
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (String s : STATUS_ORDER) {
      counts.put(s, (int) rules.stream().filter(r -> r.status().equals(s)).count());
    }
    List<AttributeSection> attrs = new ArrayList<>();
    List<String> keys = AttributeSection.keys(teacher);
    for (String k : AttributeSection.keys(student)) {
      if (!keys.contains(k)) {
        keys.add(k);
      }
    }
    for (String k : keys) {
      attrs.add(AttributeSection.build(k, teacher, student, cmp));
    }
    JsonNode prov = audit.path("provenance");
    JsonNode policy = audit.path("policy");
    String policyName = policy.path("id").asText(prov.path("policy").path("name").asText(""));
    String verdict = audit.path("verdict").asText("ERROR");
    DistillationSection distillation = DistillationSection.build(audit.get("distillation"), cmp);
    return new ReportModel(
        verdict,
        summary(verdict, policyName, counts, rules, audit),
        policyName,
        audit.path("distillation").path("dataset").asText(prov.path("dataset").asText("")),
        rules,
        counts,
        distillation,
        attrs,
        CalibrationSection.build(teacher, student),
        metricDocs,
        settings(audit.path("config")),
        texts(policy.path("references")),
        ruleSources(policy.path("rules")),
        provenance(prov),
        inputs(prov),
        prov.path("command").asText(""),
        pretty(prov.path("config")));
  }

  private static List<RuleRow> rules(JsonNode rules) {
    List<RuleRow> out = new ArrayList<>();
    for (JsonNode r : rules) {
      out.add(
          new RuleRow(
              r.path("status").asText("error"),
              r.path("severity").asText(""),
              r.path("id").asText(""),
              r.path("title").asText(""),
              r.path("subject").asText(""),
              r.path("metric").asText(""),
              r.path("slice").isNull() ? "(overall)" : r.path("slice").asText("(overall)"),
              evidence(r.path("evidence")),
              r.path("explanation").asText("")));
    }
    out.sort(
        Comparator.comparingInt(
            (RuleRow r) -> {
              int i = STATUS_ORDER.indexOf(r.status());
              return i < 0 ? 1 : i;
            }));
    return out;
  }

  private static String evidence(JsonNode e) {
    List<String> parts = new ArrayList<>();
    if (e.path("value").isNumber()) {
      String v = Charts.fmt(e.get("value").asDouble());
      if (e.path("ci_low").isNumber() && e.path("ci_high").isNumber()) {
        v +=
            " ["
                + Charts.fmt(e.get("ci_low").asDouble())
                + ", "
                + Charts.fmt(e.get("ci_high").asDouble())
                + "]";
      }
      parts.add("value " + v);
    } else if (e.has("value")) {
      parts.add("value undefined");
    }
    if (e.path("p_value").isNumber()) {
      parts.add("p " + pValue(e.get("p_value").asDouble()));
    }
    if (e.has("threshold") && !e.get("threshold").isNull()) {
      JsonNode t = e.get("threshold");
      parts.add("threshold " + (t.isNumber() ? Charts.fmt(t.asDouble()) : t.toString()));
    }
    if (e.hasNonNull("mode")) {
      parts.add("mode " + e.get("mode").asText());
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
      JsonNode audit) {
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
    JsonNode test = audit.path("distillation").path("test");
    if (test.path("student").path("auc").isNumber()
        && test.path("teacher").path("auc").isNumber()) {
      sb.append("On the held-out test split the student reaches AUC ")
          .append(Charts.fmt(test.path("student").path("auc").asDouble()))
          .append(" against the teacher ensemble's ")
          .append(Charts.fmt(test.path("teacher").path("auc").asDouble()));
      if (test.path("baseline").path("auc").isNumber()) {
        sb.append(" (a student trained on hard labels only: ")
            .append(Charts.fmt(test.path("baseline").path("auc").asDouble()))
            .append(")");
      }
      sb.append(". ");
    }
    JsonNode fid = audit.path("comparison").path("fidelity").path("value");
    if (fid.isNumber()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "The student makes the same decision as the teacher for %.1f%% of applicants. ",
              100 * fid.asDouble()));
    }
    JsonNode speed = audit.path("distillation").path("deployment").path("latency_speedup");
    if (speed.isNumber()) {
      sb.append("It scores one applicant ")
          .append(Charts.fmt(speed.asDouble()))
          .append("× faster than the teacher. ");
    }
    return sb.toString().strip();
  }

  private static List<KeyValue> settings(JsonNode config) {
    List<KeyValue> out = new ArrayList<>();
    config
        .fields()
        .forEachRemaining(
            e ->
                out.add(
                    new KeyValue(
                        e.getKey(),
                        e.getValue().isValueNode()
                            ? e.getValue().asText()
                            : e.getValue().toString())));
    return out;
  }

  private static List<String> texts(JsonNode arr) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : arr) {
      out.add(n.isValueNode() ? n.asText() : n.toString());
    }
    return out;
  }

  private static List<KeyValue> ruleSources(JsonNode rules) {
    List<KeyValue> out = new ArrayList<>();
    for (JsonNode r : rules) {
      String text = r.path("rationale").asText("");
      if (r.has("references")) {
        text +=
            (text.isEmpty() ? "" : " ")
                + "Sources: "
                + String.join("; ", texts(r.get("references")));
      }
      out.add(new KeyValue(r.path("id").asText(""), text));
    }
    return out;
  }

  private static List<KeyValue> provenance(JsonNode prov) {
    List<KeyValue> out = new ArrayList<>();
    prov.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode()) {
                out.add(new KeyValue(e.getKey(), e.getValue().asText()));
              }
            });
    return out;
  }

  private static List<InputRow> inputs(JsonNode prov) {
    List<InputRow> out = new ArrayList<>();
    for (JsonNode i : prov.path("inputs")) {
      out.add(
          new InputRow(
              i.path("role").asText(""), i.path("path").asText(""), i.path("sha256").asText("")));
    }
    JsonNode p = prov.path("policy");
    if (p.has("sha256")) {
      out.add(new InputRow("policy", p.path("name").asText(""), p.path("sha256").asText()));
    }
    return out;
  }

  private static String pretty(JsonNode n) {
    if (n.isMissingNode()) {
      return "";
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      return n.toString();
    }
  }
}
