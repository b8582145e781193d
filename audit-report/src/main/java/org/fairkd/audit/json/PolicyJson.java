package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkd.audit.AuditException;
import org.fairkd.audit.result.PolicyHeader;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RuleCheck;
import org.fairkd.policies.eval.Evidence;
import org.fairkd.policies.eval.Finding;
import org.fairkd.policies.eval.Status;
import org.fairkd.policies.eval.Verdict;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;
import org.fairkd.policies.yaml.PolicyWriter;

/**
 * A policy's recorded evaluation ↔ JSON: audit.json's {@code rules} list and {@code policy} header
 * (the same header {@code policy evaluate --out} writes), each rule entry {@code id, title,
 * severity, status, finding, [required_rows,] verdict, subject, metric, slice, comparator, evidence
 * {value, ci_low, ci_high, p_value, threshold, warn_threshold, mode, alpha, ci_level}, explanation,
 * source}; {@code finding} is on every entry, {@code required_rows} on every {@code not_shown} one
 * (null when it cannot be estimated).
 */
final class PolicyJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PolicyJson() {}

  /** The {@code rules} list. */
  static ArrayNode rules(PolicyRecord p) {
    ArrayNode rules = F.arrayNode();
    for (RuleCheck c : p.checks()) {
      ObjectNode r = rules.addObject();
      r.put("id", c.id());
      r.put("title", c.title());
      r.put("severity", c.severity().yamlName());
      r.put("status", c.status().jsonName());
      if (c.finding() != null) {
        r.put("finding", c.finding().jsonName());
      }
      if (c.finding() == Finding.NOT_SHOWN) {
        r.put("required_rows", c.requiredRows());
      }
      r.put("verdict", c.verdict().name());
      r.put("subject", c.subject().yamlName());
      r.put("metric", c.metric());
      r.put("slice", c.slice());
      r.put("comparator", c.comparator().symbol());
      r.set("evidence", evidence(c.evidence()));
      r.put("explanation", c.explanation());
      r.put("source", c.source());
    }
    return rules;
  }

  /** The policy header. */
  static ObjectNode header(PolicyHeader p) {
    ObjectNode h = F.objectNode();
    h.put("id", p.id());
    h.put("version", p.version());
    h.put("title", p.title());
    h.put("description", p.description());
    h.put("owner", p.owner());
    ArrayNode refs = h.putArray("references");
    p.references().forEach(refs::add);
    ArrayNode includes = h.putArray("includes");
    p.includes().forEach(includes::add);
    ArrayNode rules = h.putArray("rules");
    for (PolicyHeader.RuleHeader r : p.rules()) {
      ObjectNode n = rules.addObject();
      n.put("id", r.id());
      n.put("title", r.title());
      n.put("rationale", r.rationale());
      n.put("source", r.source());
      n.put("severity", r.severity().yamlName());
      n.put("check", r.check());
      if (r.source() != null && !r.source().isEmpty()) {
        n.putArray("references").add(r.source());
      }
    }
    return h;
  }

  /** The evidence object (also the body of a JUnit test case). */
  static ObjectNode evidence(Evidence e) {
    ObjectNode n = F.objectNode();
    n.put("value", e.value());
    n.put("ci_low", e.ciLow());
    n.put("ci_high", e.ciHigh());
    n.put("p_value", e.pValue());
    n.set("threshold", threshold(e.comparator(), e.threshold()));
    if (e.warnThreshold() != null) {
      n.set("warn_threshold", threshold(e.comparator(), e.warnThreshold()));
    }
    n.put("mode", e.mode().yamlName());
    if (e.mode() == EvidenceMode.SIGNIFICANT) {
      n.put("alpha", e.alpha());
    }
    n.put("ci_level", e.ciLevel());
    return n;
  }

  private static JsonNode threshold(Comparator c, Threshold t) {
    Object v = PolicyWriter.threshold(c, t);
    if (v instanceof Double d) {
      return F.numberNode(d);
    }
    ArrayNode a = F.arrayNode();
    for (Object o : (Iterable<?>) v) {
      a.add((Double) o);
    }
    return a;
  }

  /** The recorded evaluation in {@code audit} ({@code verdict}, {@code policy}, {@code rules}). */
  static PolicyRecord read(JsonNode audit) {
    List<RuleCheck> checks = new ArrayList<>();
    for (JsonNode r : audit.path("rules")) {
      Comparator c = Comparator.parse(r.path("comparator").asText());
      if (c == null) {
        throw new AuditException("rules[" + checks.size() + "]: unknown comparator");
      }
      checks.add(
          new RuleCheck(
              text(r.get("id")),
              text(r.get("title")),
              value(Severity.class, r.get("severity"), checks.size()),
              value(Status.class, r.get("status"), checks.size()),
              r.hasNonNull("finding")
                  ? value(Finding.class, r.get("finding"), checks.size())
                  : null,
              r.hasNonNull("required_rows") ? r.get("required_rows").asLong() : null,
              value(Verdict.class, r.get("verdict"), checks.size()),
              value(Subject.class, r.get("subject"), checks.size()),
              text(r.get("metric")),
              text(r.get("slice")),
              c,
              evidence(r.path("evidence"), c),
              text(r.get("explanation")),
              text(r.get("source"))));
    }
    return new PolicyRecord(
        value(Verdict.class, audit.get("verdict"), -1), header(audit.path("policy")), checks, null);
  }

  private static PolicyHeader header(JsonNode h) {
    List<PolicyHeader.RuleHeader> rules = new ArrayList<>();
    for (JsonNode r : h.path("rules")) {
      rules.add(
          new PolicyHeader.RuleHeader(
              text(r.get("id")),
              text(r.get("title")),
              text(r.get("rationale")),
              text(r.get("source")),
              value(Severity.class, r.get("severity"), rules.size()),
              text(r.get("check"))));
    }
    return new PolicyHeader(
        text(h.get("id")),
        text(h.get("version")),
        text(h.get("title")),
        text(h.get("description")),
        text(h.get("owner")),
        texts(h.path("references")),
        texts(h.path("includes")),
        rules);
  }

  private static Evidence evidence(JsonNode n, Comparator c) {
    JsonNode warn = n.get("warn_threshold");
    return new Evidence(
        EstimateJson.number(n.get("value")),
        EstimateJson.number(n.get("ci_low")),
        EstimateJson.number(n.get("ci_high")),
        n.path("ci_level").asDouble(),
        EstimateJson.number(n.get("p_value")),
        c,
        threshold(c, n.path("threshold")),
        warn == null ? null : threshold(c, warn),
        value(EvidenceMode.class, n.get("mode"), -1),
        n.path("alpha").asDouble(0.05));
  }

  private static Threshold threshold(Comparator c, JsonNode n) {
    return n.isArray()
        ? new Threshold(n.path(0).asDouble(), n.path(1).asDouble())
        : Threshold.of(c, n.asDouble());
  }

  private static <E extends Enum<E>> E value(Class<E> type, JsonNode n, int index) {
    String name = n == null ? "" : n.asText().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new AuditException(
        (index >= 0 ? "rules[" + index + "]: " : "")
            + "unknown "
            + type.getSimpleName().toLowerCase(Locale.ROOT)
            + " '"
            + (n == null ? "" : n.asText())
            + "'");
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }
}
