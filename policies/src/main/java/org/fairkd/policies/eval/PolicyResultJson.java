package org.fairkd.policies.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.yaml.PolicyWriter;

/**
 * Writes a {@link PolicyResult} in the shapes of json-contract.md section 3: the {@code rules} list
 * of audit.json (one entry per rule and slice) and the {@code verdict}.
 */
public final class PolicyResultJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PolicyResultJson() {}

  /**
   * The {@code rules} list: {@code id, title, severity, status, subject, metric, slice, evidence
   * {value, ci_low, ci_high, p_value, threshold, mode, ...}, explanation}, plus the rule's {@code
   * comparator} and {@code source}, and {@code verdict}: what the entry contributes to the overall
   * verdict (an {@code error} is FAIL for a fail-severity rule, WARN for a warn-severity rule).
   */
  public static ArrayNode rules(PolicyResult result) {
    ArrayNode rules = F.arrayNode();
    for (RuleOutcome o : result.outcomes()) {
      ObjectNode r = rules.addObject();
      r.put("id", o.rule().id());
      r.put("title", o.rule().title());
      r.put("severity", o.rule().severity().yamlName());
      r.put("status", o.status().jsonName());
      r.put("verdict", o.verdict().name());
      r.put("subject", o.rule().subject().yamlName());
      r.put("metric", o.rule().metric());
      if (o.slice() == null) {
        r.putNull("slice");
      } else {
        r.put("slice", o.slice());
      }
      r.put("comparator", o.rule().comparator().symbol());
      r.set("evidence", evidence(o.evidence()));
      r.put("explanation", o.explanation());
      r.put("source", o.rule().source());
    }
    return rules;
  }

  /** {@code {"verdict": ..., "policy": {header}, "rules": [...]}}. */
  public static ObjectNode toJson(PolicyResult result) {
    ObjectNode root = F.objectNode();
    root.put("verdict", result.verdict().name());
    root.set("policy", header(result.policy()));
    root.set("rules", rules(result));
    return root;
  }

  /**
   * The one policy header, shared by audit.json (and so the report) and {@code policy evaluate}:
   * {@code id, version, title, description, owner, references, includes} and {@code rules} (id,
   * title, rationale, source, severity, {@code check}: the rule in words, and {@code references}:
   * {@code [source]}, present only when the rule cites a source) so a reader sees what each rule
   * checks and why.
   */
  public static ObjectNode header(Policy p) {
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
    for (Rule r : p.rules()) {
      ObjectNode n = rules.addObject();
      n.put("id", r.id());
      n.put("title", r.title());
      n.put("rationale", r.rationale());
      n.put("source", r.source());
      n.put("severity", r.severity().yamlName());
      n.put("check", Judgement.describe(r));
      if (r.source() != null && !r.source().isEmpty()) {
        n.putArray("references").add(r.source());
      }
    }
    return h;
  }

  private static ObjectNode evidence(Evidence e) {
    ObjectNode n = F.objectNode();
    put(n, "value", e.value());
    put(n, "ci_low", e.ciLow());
    put(n, "ci_high", e.ciHigh());
    put(n, "p_value", e.pValue());
    n.set("threshold", number(PolicyWriter.threshold(e.comparator(), e.threshold())));
    if (e.warnThreshold() != null) {
      n.set("warn_threshold", number(PolicyWriter.threshold(e.comparator(), e.warnThreshold())));
    }
    n.put("mode", e.mode().yamlName());
    if (e.mode() == EvidenceMode.SIGNIFICANT) {
      n.put("alpha", e.alpha());
    }
    n.put("ci_level", e.ciLevel());
    return n;
  }

  private static JsonNode number(Object threshold) {
    if (threshold instanceof Double d) {
      return F.numberNode(d);
    }
    ArrayNode a = F.arrayNode();
    for (Object o : (Iterable<?>) threshold) {
      a.add((Double) o);
    }
    return a;
  }

  private static void put(ObjectNode n, String key, Double v) {
    if (v == null) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }
}
