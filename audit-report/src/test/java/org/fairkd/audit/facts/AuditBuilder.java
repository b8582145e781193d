package org.fairkd.audit.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Builds hand-made audit.json trees for tests of what a policy finds in them. */
final class AuditBuilder {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  final ObjectNode root = F.objectNode();

  AuditBuilder() {
    root.put("schema", "fairkd.audit/1");
    root.putObject("config").put("ci_level", 0.95).put("min_slice_size", 30);
    ObjectNode models = root.putObject("models");
    for (String m : new String[] {"teacher", "student"}) {
      ObjectNode model = models.putObject(m);
      model.putObject("overall").put("count", 1000.0).putObject("metrics");
      model.putArray("slices");
      model.putObject("disparities");
      model.putArray("tests");
    }
    ObjectNode deltas = root.putObject("comparison").putObject("deltas");
    deltas.putObject("overall");
    deltas.putArray("slices");
    deltas.putObject("disparities");
  }

  static ObjectNode est(double v, double lo, double hi) {
    return F.objectNode().put("value", v).put("ci_low", lo).put("ci_high", hi);
  }

  static ObjectNode point(double v) {
    return F.objectNode().put("value", v);
  }

  static ObjectNode undefined(String reason) {
    ObjectNode n = F.objectNode().putNull("value");
    n.put("reason", reason);
    return n;
  }

  private ObjectNode model(String subject) {
    return subject.equals("delta")
        ? (ObjectNode) root.path("comparison").path("deltas")
        : (ObjectNode) root.path("models").path(subject);
  }

  /** A group-vs-reference disparity estimate. */
  AuditBuilder group(String subject, String attr, String metric, String group, ObjectNode e) {
    ObjectNode a = disparity(subject, attr);
    ObjectNode byGroup = a.has(metric) ? (ObjectNode) a.get(metric) : a.putObject(metric);
    byGroup.set(group, e);
    return this;
  }

  /** A whole-attribute disparity estimate. */
  AuditBuilder attribute(String subject, String attr, String metric, ObjectNode e) {
    disparity(subject, attr).set(metric, e);
    return this;
  }

  AuditBuilder skipped(String subject, String attr, String group, String reason) {
    ObjectNode a = disparity(subject, attr);
    ArrayNode s = a.has("skipped") ? (ArrayNode) a.get("skipped") : a.putArray("skipped");
    ObjectNode g = s.addObject().put("group", group).put("reason", reason);
    // the codes fairkd's writer puts beside these two kinds of reason text
    if (reason.startsWith("insufficient_data")) {
      g.put("reason_code", "insufficient_data");
    } else if (reason.contains(" undefined (")) {
      g.put("reason_code", "base_undefined").put("base", reason.substring(0, reason.indexOf(' ')));
    }
    return this;
  }

  private ObjectNode disparity(String subject, String attr) {
    ObjectNode d = (ObjectNode) model(subject).get("disparities");
    if (!d.has(attr)) {
      d.putObject(attr).put("reference", attr.equals("race") ? "white" : "male");
    }
    return (ObjectNode) d.get(attr);
  }

  /** A significance test of a group vs the reference on selection_rate. */
  AuditBuilder test(String subject, String attr, String group, double pAdjusted) {
    ((ArrayNode) model(subject).get("tests"))
        .addObject()
        .put("attribute", attr)
        .put("group", group)
        .put("reference", "male")
        .put("metric", "selection_rate")
        .put("method", "fisher_exact")
        .put("statistic", 1.0)
        .put("p_value", pAdjusted / 3)
        .put("p_adjusted", pAdjusted)
        .put("correction", "holm");
    return this;
  }

  /** A slice with one metric. */
  AuditBuilder slice(
      String subject,
      Map<String, String> attrs,
      String status,
      double count,
      String metric,
      ObjectNode e) {
    ObjectNode s = ((ArrayNode) model(subject).get("slices")).addObject();
    ObjectNode a = s.putObject("attributes");
    attrs.forEach(a::put);
    if (!subject.equals("delta")) {
      s.put("count", count).put("status", status);
    }
    s.putObject("metrics").set(metric, e);
    return this;
  }

  AuditBuilder overall(String subject, String metric, ObjectNode e) {
    ObjectNode o = (ObjectNode) model(subject).get("overall");
    (subject.equals("delta") ? o : (ObjectNode) o.get("metrics")).set(metric, e);
    return this;
  }

  AuditBuilder comparison(String key, ObjectNode e) {
    ((ObjectNode) root.get("comparison")).set(key, e);
    return this;
  }

  AuditBuilder pairedTest(String name, double p) {
    ObjectNode c = (ObjectNode) root.get("comparison");
    ObjectNode t = c.has("tests") ? (ObjectNode) c.get("tests") : c.putObject("tests");
    t.putObject(name).put("statistic", 1.0).put("p_value", p);
    return this;
  }

  /** The paired tests and the decision agreement of the (last) delta slice {@code attrs}. */
  AuditBuilder sliceDelta(
      Map<String, String> attrs, Double delongP, Double mcnemarP, ObjectNode fidelity) {
    ObjectNode slice = null;
    for (var s : root.path("comparison").path("deltas").path("slices")) {
      if (s.path("attributes").equals(F.objectNode().setAll(toNodes(attrs)))) {
        slice = (ObjectNode) s;
      }
    }
    ObjectNode t = slice.putObject("tests");
    if (mcnemarP != null) {
      t.putObject("mcnemar_accuracy").put("statistic", 1.0).put("p_value", mcnemarP);
    }
    if (delongP != null) {
      t.putObject("delong_auc").put("difference", 0.0).put("p_value", delongP);
    }
    slice.set("fidelity", fidelity);
    return this;
  }

  private static Map<String, com.fasterxml.jackson.databind.JsonNode> toNodes(
      Map<String, String> attrs) {
    Map<String, com.fasterxml.jackson.databind.JsonNode> m = new java.util.LinkedHashMap<>();
    attrs.forEach((k, v) -> m.put(k, F.textNode(v)));
    return m;
  }

  /**
   * A distillation section: the demo's distill.json (golden copy) with the teacher {@code speedup}
   * times slower than the portable student (p50 latency 1 µs).
   */
  AuditBuilder latencySpeedup(double speedup) {
    try (InputStream in =
        new GZIPInputStream(
            AuditBuilder.class.getResourceAsStream("/golden/demo-distill.json.gz"))) {
      ObjectNode d = (ObjectNode) new ObjectMapper().readTree(in);
      ((ObjectNode) d.path("deployment").path("student_portable")).put("latency_p50_us", 1.0);
      ((ObjectNode) d.path("deployment").path("teacher")).put("latency_p50_us", speedup);
      root.set("distillation", d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
