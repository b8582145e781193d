package org.fairkd.policies.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fairkd.policies.facts.Fact.Availability;
import org.fairkd.policies.metric.MetricInfo;
import org.fairkd.policies.metric.PolicyMetrics;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Scope;
import org.fairkd.policies.model.Subject;

/**
 * Finds the figures a rule judges in an audit result (json-contract.md section 3).
 *
 * <ul>
 *   <li>per-slice metric: {@code models.<s>.slices[*].metrics.<m>}; overall: {@code
 *       models.<s>.overall.metrics.<m>} (falling back to {@code distillation.test.<s>.<m>})
 *   <li>disparity: {@code models.<s>.disparities.<attr>.<m>}, one estimate or a map by group;
 *       groups listed in {@code skipped} (other than the reference) are in scope too, as
 *       insufficient or undefined, never silently absent
 *   <li>significance of a group vs its reference: {@code models.<s>.tests[]} with matching
 *       attribute, group and metric ({@code p_adjusted}, else {@code p_value})
 *   <li>subject delta: {@code comparison.deltas.overall|slices|disparities}; its significance:
 *       {@code comparison.tests.delong_auc} / {@code mcnemar_accuracy}
 *   <li>comparison and distillation figures: see {@link ModelFigures}
 * </ul>
 *
 * A named attribute or group that the audit lacks, or a scope that matches nothing, is a MISSING
 * fact: the caller fails closed.
 */
public final class AuditFacts {
  private final JsonNode audit;
  private final Slices slices;

  /** A view of {@code audit} (an audit.json tree). */
  public AuditFacts(JsonNode audit) {
    this.audit = audit;
    this.slices = new Slices(audit);
  }

  /** The confidence level of the audit's intervals ({@code config.ci_level}; 0.95 if absent). */
  public double ciLevel() {
    JsonNode level = slices.config("ci_level");
    return level.isNumber() ? level.doubleValue() : 0.95;
  }

  /** Every figure in the rule's scope, in audit order; never empty (absence is a MISSING fact). */
  public List<Fact> facts(Rule rule) {
    MetricInfo info =
        PolicyMetrics.lookup(rule.metric())
            .orElseThrow(() -> new IllegalArgumentException("unknown metric " + rule.metric()));
    return switch (info.kind()) {
      case COMPARISON, DISTILLATION -> List.of(ModelFigures.figure(audit, rule));
      case SLICE ->
          rule.scope().kind() == Scope.Kind.OVERALL ? List.of(overall(rule)) : sliceFacts(rule);
      case ATTRIBUTE, GROUP_VS_REFERENCE -> disparityFacts(rule, info);
    };
  }

  private JsonNode subjectRoot(Subject s) {
    return s == Subject.DELTA
        ? audit.path("comparison").path("deltas")
        : audit.path("models").path(s.yamlName());
  }

  private static String prefix(Subject s) {
    return s == Subject.DELTA ? "comparison.deltas" : "models." + s.yamlName();
  }

  private Fact overall(Rule rule) {
    String m = rule.metric();
    Subject s = rule.subject();
    JsonNode overall = subjectRoot(s).path("overall");
    JsonNode metrics = overall.has("metrics") ? overall.path("metrics") : overall;
    String loc = prefix(s) + ".overall" + (overall.has("metrics") ? ".metrics." : ".") + m;
    Estimate e = Estimate.from(metrics.path(m));
    if (e == null && s != Subject.DELTA) {
      JsonNode t = audit.path("distillation").path("test").path(s.yamlName()).path(m);
      if (!t.isMissingNode()) {
        e = Estimate.from(t);
        loc = "distillation.test." + s.yamlName() + "." + m;
      }
    }
    Double p = null;
    String detail = "";
    if (s == Subject.DELTA && (m.equals("auc") || m.equals("accuracy"))) {
      String test = m.equals("auc") ? "delong_auc" : "mcnemar_accuracy";
      JsonNode pv = audit.path("comparison").path("tests").path(test).path("p_value");
      if (pv.isNumber()) {
        p = pv.doubleValue();
        detail = m.equals("auc") ? "DeLong test" : "McNemar test";
      }
    }
    return Fact.found(null, e, p, detail, loc);
  }

  private List<Fact> sliceFacts(Rule rule) {
    Subject s = rule.subject();
    Scope scope = rule.scope();
    List<Fact> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    JsonNode list = subjectRoot(s).path("slices");
    for (int i = 0; i < list.size(); i++) {
      JsonNode slice = list.get(i);
      String[] key = Slices.sliceKey(slice.path("attributes"));
      if (!scope.covers(key[0])
          || (scope.kind() == Scope.Kind.GROUP && !scope.group().equals(key[1]))) {
        continue;
      }
      seen.add(key[0]);
      String label = key[0] + "=" + key[1];
      String loc = prefix(s) + ".slices[" + i + "].metrics." + rule.metric();
      Estimate e = Estimate.from(slice.path("metrics").path(rule.metric()));
      if ("insufficient_data".equals(slices.sliceStatus(s, key[0], key[1]))) {
        out.add(insufficient(label, e, slices.insufficientDetail(s, key[0], key[1]), loc));
      } else {
        out.add(Fact.found(label, e, null, "", loc));
      }
    }
    addMissing(rule, seen, out, prefix(s) + ".slices");
    return out;
  }

  private List<Fact> disparityFacts(Rule rule, MetricInfo info) {
    Subject s = rule.subject();
    Scope scope = rule.scope();
    List<Fact> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    JsonNode disparities = subjectRoot(s).path("disparities");
    for (Iterator<Map.Entry<String, JsonNode>> it = disparities.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String attr = entry.getKey();
      if (!scope.covers(attr)) {
        continue;
      }
      seen.add(attr);
      JsonNode node = entry.getValue();
      String base = prefix(s) + ".disparities." + attr + "." + rule.metric();
      if (info.kind() == org.fairkd.policies.metric.MetricKind.ATTRIBUTE) {
        out.add(Fact.found(attr, Estimate.from(node.path(rule.metric())), null, "", base));
      } else {
        groupFacts(rule, info.testMetric(), attr, node, out);
      }
      skippedFacts(rule, info, attr, node, out);
      if (scope.kind() == Scope.Kind.GROUP && !hasSlice(out, attr + "=" + scope.group())) {
        out.add(
            Fact.missing(
                attr + "=" + scope.group(),
                "missing from the audit result",
                base + "." + scope.group()));
      }
    }
    addMissing(rule, seen, out, prefix(s) + ".disparities");
    return out;
  }

  private void groupFacts(
      Rule rule, String testMetric, String attr, JsonNode node, List<Fact> out) {
    Subject s = rule.subject();
    JsonNode byGroup = node.path(rule.metric());
    String base = prefix(s) + ".disparities." + attr + "." + rule.metric();
    if (!byGroup.isObject()) {
      out.add(Fact.missing(attr, "missing from the audit result", base));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> g = byGroup.fields(); g.hasNext(); ) {
      Map.Entry<String, JsonNode> ge = g.next();
      String group = ge.getKey();
      if (rule.scope().kind() == Scope.Kind.GROUP && !rule.scope().group().equals(group)) {
        continue;
      }
      String label = attr + "=" + group;
      Estimate e = Estimate.from(ge.getValue());
      if ("insufficient_data".equals(slices.sliceStatus(s, attr, group))) {
        out.add(insufficient(label, e, slices.insufficientDetail(s, attr, group), base));
        continue;
      }
      String reference = node.path("reference").asText("");
      if (e != null
          && !e.defined()
          && "insufficient_data".equals(slices.sliceStatus(s, attr, reference))) {
        String detail =
            "reference group "
                + reference
                + " has "
                + slices.insufficientDetail(s, attr, reference);
        out.add(insufficient(label, e, detail, base + "." + group));
        continue;
      }
      Double[] p = new Double[1];
      String detail = slices.testDetail(s, attr, group, testMetric, p);
      out.add(Fact.found(label, e, p[0], detail, base + "." + group));
    }
  }

  /**
   * Groups the audit left out of this disparity (other than the reference): those below the minimum
   * slice size, and those whose base metric (e.g. "true_positive_rate undefined") is one this
   * disparity is built from.
   */
  private void skippedFacts(
      Rule rule, MetricInfo info, String attr, JsonNode node, List<Fact> out) {
    Scope scope = rule.scope();
    String reference = node.path("reference").asText("");
    JsonNode skipped = node.path("skipped");
    for (int i = 0; i < skipped.size(); i++) {
      String group = skipped.get(i).path("group").asText();
      String label = attr + "=" + group;
      if (group.equals(reference)
          || hasSlice(out, label)
          || (scope.kind() == Scope.Kind.GROUP && !scope.group().equals(group))) {
        continue;
      }
      String reason = skipped.get(i).path("reason").asText("no reason given");
      String undefinedBase =
          reason.contains(" undefined") ? reason.substring(0, reason.indexOf(" undefined")) : "";
      if (PolicyMetrics.lookup(undefinedBase).isPresent()
          && !info.bases().contains(undefinedBase)) {
        continue;
      }
      boolean small =
          "insufficient_data".equals(slices.sliceStatus(rule.subject(), attr, group))
              || reason.toLowerCase(Locale.ROOT).contains("insufficient");
      String where = prefix(rule.subject()) + ".disparities." + attr + ".skipped[" + i + "]";
      out.add(
          new Fact(
              label,
              small ? Availability.INSUFFICIENT : Availability.UNDEFINED,
              null,
              null,
              "left out of the disparity: " + reason,
              where));
    }
  }

  private static Fact insufficient(String label, Estimate e, String detail, String location) {
    return new Fact(label, Availability.INSUFFICIENT, e, null, detail, location);
  }

  private static boolean hasSlice(List<Fact> facts, String label) {
    return facts.stream().anyMatch(f -> label.equals(f.slice()));
  }

  /** Fails closed when named attributes, or any attribute at all, are absent from the audit. */
  private static void addMissing(Rule rule, Set<String> seen, List<Fact> out, String location) {
    Scope scope = rule.scope();
    for (String a : scope.attributes()) {
      if (!seen.contains(a)) {
        String label = scope.kind() == Scope.Kind.GROUP ? a + "=" + scope.group() : a;
        out.add(Fact.missing(label, "attribute '" + a + "' is not in the audit result", location));
      }
    }
    if (scope.attributes().isEmpty() && seen.isEmpty()) {
      out.add(
          Fact.missing(
              null,
              "nothing in the audit result is in scope (" + scope.describe() + ")",
              location));
    }
  }
}
