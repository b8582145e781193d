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
 *       models.<s>.overall.metrics.<m>} (for auc/accuracy/log_loss falling back to {@code
 *       distillation.test.<s>.<m>})
 *   <li>disparity: {@code models.<s>.disparities.<attr>.<m>}, one estimate or a map by group;
 *       groups in {@code skipped} are insufficient or undefined, never silently absent
 *   <li>significance of a group vs its reference: {@code models.<s>.tests[]} with matching
 *       attribute, group and metric ({@code p_adjusted}, else {@code p_value})
 *   <li>subject delta: {@code comparison.deltas.overall|slices|disparities}; its significance:
 *       {@code comparison.tests.delong_auc} / {@code mcnemar_accuracy}
 *   <li>{@code fidelity}, {@code kl}: {@code comparison.fidelity}, {@code
 *       comparison.kl_divergence}; {@code gap_recovered} and deployment figures: {@code
 *       distillation.*}
 * </ul>
 */
public final class AuditFacts {
  private final JsonNode audit;

  /** A view of {@code audit} (an audit.json tree). */
  public AuditFacts(JsonNode audit) {
    this.audit = audit;
  }

  /** The confidence level of the audit's intervals ({@code config.ci_level}; 0.95 if absent). */
  public double ciLevel() {
    JsonNode level = config("ci_level");
    return level.isNumber() ? level.doubleValue() : 0.95;
  }

  /**
   * A key of the audit's configuration: top-level {@code config}, else a model's {@code config}.
   */
  private JsonNode config(String key) {
    for (JsonNode c :
        List.of(
            audit.path("config"),
            audit.path("models").path("student").path("config"),
            audit.path("models").path("teacher").path("config"))) {
      if (c.has(key)) {
        return c.get(key);
      }
    }
    return audit.path("config").path(key);
  }

  /** Every figure in the rule's scope, in audit order; never empty (absence is a MISSING fact). */
  public List<Fact> facts(Rule rule) {
    MetricInfo info =
        PolicyMetrics.lookup(rule.metric())
            .orElseThrow(() -> new IllegalArgumentException("unknown metric " + rule.metric()));
    List<Fact> out =
        switch (info.kind()) {
          case COMPARISON, DISTILLATION -> List.of(modelFigure(rule));
          case SLICE ->
              rule.scope().kind() == Scope.Kind.OVERALL ? List.of(overall(rule)) : sliceFacts(rule);
          case ATTRIBUTE -> attributeFacts(rule);
          case GROUP_VS_REFERENCE -> groupFacts(rule, info.testMetric());
        };
    return out;
  }

  private JsonNode subjectRoot(Subject s) {
    return s == Subject.DELTA
        ? audit.path("comparison").path("deltas")
        : audit.path("models").path(s.yamlName());
  }

  private static String prefix(Subject s) {
    return s == Subject.DELTA ? "comparison.deltas" : "models." + s.yamlName();
  }

  private static Fact found(String slice, Estimate e, Double p, String detail, String location) {
    if (e == null) {
      return Fact.missing(slice, "missing from the audit result", location);
    }
    if (!e.defined()) {
      boolean insufficient = e.reason().toLowerCase(Locale.ROOT).contains("insufficient");
      return new Fact(
          slice,
          insufficient ? Availability.INSUFFICIENT : Availability.UNDEFINED,
          e,
          p,
          e.reason().isEmpty() ? "no reason given" : e.reason(),
          location);
    }
    return new Fact(slice, Availability.OK, e, p, detail, location);
  }

  private Fact modelFigure(Rule rule) {
    String m = rule.metric();
    JsonNode dist = audit.path("distillation");
    String loc;
    JsonNode node;
    switch (m) {
      case "fidelity" -> {
        loc = "comparison.fidelity";
        node = audit.path("comparison").path("fidelity");
      }
      case "kl" -> {
        loc = "comparison.kl_divergence";
        node = audit.path("comparison").path("kl_divergence");
      }
      case "gap_recovered" -> {
        loc = "distillation.gap_recovered";
        node = dist.path("gap_recovered");
      }
      case "log_loss" -> {
        return logLoss(rule.subject());
      }
      default -> {
        loc = "distillation.deployment." + m;
        node = dist.path("deployment").path(m);
      }
    }
    if (node.isMissingNode() && loc.startsWith("distillation") && dist.isMissingNode()) {
      return Fact.missing(
          null, "the audit has no distillation section (an audit of external scores)", loc);
    }
    return found(null, Estimate.from(node), null, "", loc);
  }

  private Fact logLoss(Subject s) {
    JsonNode test = audit.path("distillation").path("test");
    if (s != Subject.DELTA) {
      String loc = "distillation.test." + s.yamlName() + ".log_loss";
      return found(null, Estimate.from(test.path(s.yamlName()).path("log_loss")), null, "", loc);
    }
    Estimate d =
        Estimate.from(audit.path("comparison").path("deltas").path("overall").path("log_loss"));
    if (d != null) {
      return found(null, d, null, "", "comparison.deltas.overall.log_loss");
    }
    Estimate st = Estimate.from(test.path("student").path("log_loss"));
    Estimate te = Estimate.from(test.path("teacher").path("log_loss"));
    String loc = "distillation.test.student.log_loss - distillation.test.teacher.log_loss";
    if (st == null || te == null || !st.defined() || !te.defined()) {
      return Fact.missing(null, "missing from the audit result", loc);
    }
    return found(null, Estimate.point(st.value() - te.value()), null, "", loc);
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
        detail = test.equals("delong_auc") ? "DeLong test" : "McNemar test";
      }
    }
    return found(null, e, p, detail, loc);
  }

  private List<Fact> sliceFacts(Rule rule) {
    Subject s = rule.subject();
    Scope scope = rule.scope();
    List<Fact> out = new ArrayList<>();
    Set<String> seenAttributes = new LinkedHashSet<>();
    JsonNode slices = subjectRoot(s).path("slices");
    for (int i = 0; i < slices.size(); i++) {
      JsonNode slice = slices.get(i);
      String[] key = sliceKey(slice.path("attributes"));
      if (!scope.covers(key[0])
          || (scope.kind() == Scope.Kind.GROUP && !scope.group().equals(key[1]))) {
        continue;
      }
      seenAttributes.add(key[0]);
      String label = key[0] + "=" + key[1];
      String loc = prefix(s) + ".slices[" + i + "].metrics." + rule.metric();
      String status = sliceStatus(s, key[0], key[1]);
      if ("insufficient_data".equals(status)) {
        out.add(
            new Fact(
                label,
                Availability.INSUFFICIENT,
                Estimate.from(slice.path("metrics").path(rule.metric())),
                null,
                insufficientDetail(s, key[0], key[1]),
                loc));
      } else {
        out.add(
            found(label, Estimate.from(slice.path("metrics").path(rule.metric())), null, "", loc));
      }
    }
    addMissingAttributes(rule, seenAttributes, out, prefix(s) + ".slices");
    return out;
  }

  private List<Fact> attributeFacts(Rule rule) {
    Subject s = rule.subject();
    List<Fact> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    JsonNode disparities = subjectRoot(s).path("disparities");
    for (Iterator<Map.Entry<String, JsonNode>> it = disparities.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attr = it.next();
      if (!rule.scope().covers(attr.getKey())) {
        continue;
      }
      seen.add(attr.getKey());
      String loc = prefix(s) + ".disparities." + attr.getKey() + "." + rule.metric();
      out.add(
          found(attr.getKey(), Estimate.from(attr.getValue().path(rule.metric())), null, "", loc));
    }
    addMissingAttributes(rule, seen, out, prefix(s) + ".disparities");
    return out;
  }

  private List<Fact> groupFacts(Rule rule, String testMetric) {
    Subject s = rule.subject();
    Scope scope = rule.scope();
    List<Fact> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    JsonNode disparities = subjectRoot(s).path("disparities");
    for (Iterator<Map.Entry<String, JsonNode>> it = disparities.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attrEntry = it.next();
      String attr = attrEntry.getKey();
      if (!scope.covers(attr)) {
        continue;
      }
      seen.add(attr);
      JsonNode byGroup = attrEntry.getValue().path(rule.metric());
      String base = prefix(s) + ".disparities." + attr + "." + rule.metric();
      boolean groupFound = false;
      for (Iterator<Map.Entry<String, JsonNode>> g = byGroup.fields(); g.hasNext(); ) {
        Map.Entry<String, JsonNode> ge = g.next();
        String group = ge.getKey();
        if (scope.kind() == Scope.Kind.GROUP && !scope.group().equals(group)) {
          continue;
        }
        groupFound = true;
        String label = attr + "=" + group;
        if ("insufficient_data".equals(sliceStatus(s, attr, group))) {
          out.add(
              new Fact(
                  label,
                  Availability.INSUFFICIENT,
                  Estimate.from(ge.getValue()),
                  null,
                  insufficientDetail(s, attr, group),
                  base + "." + group));
          continue;
        }
        Double[] p = new Double[1];
        String detail = testDetail(s, attr, group, testMetric, p);
        out.add(found(label, Estimate.from(ge.getValue()), p[0], detail, base + "." + group));
      }
      JsonNode skipped = attrEntry.getValue().path("skipped");
      for (int i = 0; i < skipped.size(); i++) {
        String group = skipped.get(i).path("group").asText();
        if (byGroup.has(group)
            || (scope.kind() == Scope.Kind.GROUP && !scope.group().equals(group))) {
          continue;
        }
        groupFound = true;
        String reason = skipped.get(i).path("reason").asText("no reason given");
        boolean insufficient =
            "insufficient_data".equals(sliceStatus(s, attr, group))
                || reason.toLowerCase(Locale.ROOT).contains("insufficient");
        out.add(
            new Fact(
                attr + "=" + group,
                insufficient ? Availability.INSUFFICIENT : Availability.UNDEFINED,
                null,
                null,
                reason,
                prefix(s) + ".disparities." + attr + ".skipped[" + i + "]"));
      }
      if (scope.kind() == Scope.Kind.GROUP && !groupFound) {
        out.add(
            Fact.missing(
                attr + "=" + scope.group(),
                "missing from the audit result",
                base + "." + scope.group()));
      } else if (!byGroup.isObject()) {
        out.add(Fact.missing(attr, "missing from the audit result", base));
      }
    }
    addMissingAttributes(rule, seen, out, prefix(s) + ".disparities");
    return out;
  }

  /** Fails closed when named attributes, or any attribute at all, are absent from the audit. */
  private static void addMissingAttributes(
      Rule rule, Set<String> seen, List<Fact> out, String location) {
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

  /** {attribute key, group key} of a slice's attributes, e.g. {"sex*race", "female*black"}. */
  private static String[] sliceKey(JsonNode attributes) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      names.add(e.getKey());
      values.add(e.getValue().asText());
    }
    return new String[] {String.join("*", names), String.join("*", values)};
  }

  private JsonNode findSlice(String model, String attr, String group) {
    JsonNode slices = audit.path("models").path(model).path("slices");
    for (JsonNode slice : slices) {
      String[] key = sliceKey(slice.path("attributes"));
      if (key[0].equals(attr) && key[1].equals(group)) {
        return slice;
      }
    }
    return null;
  }

  /**
   * A slice's status ("ok", "insufficient_data"); for a delta, insufficient if either model's is.
   */
  private String sliceStatus(Subject s, String attr, String group) {
    List<String> models =
        s == Subject.DELTA ? List.of("student", "teacher") : List.of(s.yamlName());
    String status = null;
    for (String m : models) {
      JsonNode slice = findSlice(m, attr, group);
      if (slice != null) {
        String st = slice.path("status").asText("ok");
        status = status == null || st.equals("insufficient_data") ? st : status;
      }
    }
    return status;
  }

  private String insufficientDetail(Subject s, String attr, String group) {
    String model = s == Subject.DELTA ? "student" : s.yamlName();
    JsonNode slice = findSlice(model, attr, group);
    JsonNode count = slice == null ? null : slice.get("count");
    JsonNode min = config("min_slice_size");
    String size =
        count != null && count.isNumber()
            ? String.format(Locale.ROOT, "%.0f rows", count.doubleValue())
            : "too few rows";
    return "insufficient data: "
        + size
        + (min.isNumber() ? ", below the minimum slice size of " + min.asText() : "");
  }

  private String testDetail(Subject s, String attr, String group, String testMetric, Double[] p) {
    if (s == Subject.DELTA || testMetric == null) {
      return "";
    }
    for (JsonNode t : audit.path("models").path(s.yamlName()).path("tests")) {
      if (attr.equals(t.path("attribute").asText())
          && group.equals(t.path("group").asText())
          && testMetric.equals(t.path("metric").asText())) {
        boolean adjusted = t.path("p_adjusted").isNumber();
        JsonNode pv = adjusted ? t.path("p_adjusted") : t.path("p_value");
        if (pv.isNumber()) {
          p[0] = pv.doubleValue();
          String method = t.path("method").asText("test").replace('_', ' ');
          String corr = t.path("correction").asText("");
          return method
              + " on "
              + testMetric
              + " vs "
              + t.path("reference").asText("reference")
              + (adjusted && !corr.isEmpty() ? ", " + corr + "-adjusted" : "");
        }
      }
    }
    return "";
  }
}
