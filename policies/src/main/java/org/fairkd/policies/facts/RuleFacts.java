package org.fairkd.policies.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fairkd.policies.metric.MetricInfo;
import org.fairkd.policies.metric.MetricKind;
import org.fairkd.policies.metric.PolicyMetrics;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Scope;
import org.fairkd.policies.model.Subject;

/**
 * Expands a rule's scope into the figures it judges, asking a {@link FactSource}:
 *
 * <ul>
 *   <li>per-slice metric: the overall figure, or every slice the scope covers
 *   <li>whole-attribute disparity: one figure per covered attribute
 *   <li>group-vs-reference disparity: every group the attribute reports, and the groups it left out
 *       (other than the reference) as insufficient or undefined, never silently absent; a group
 *       left out because a base metric is undefined concerns only disparities built on it
 *   <li>comparison and distillation figures: the one figure of the model
 * </ul>
 *
 * A named attribute or group that the source lacks, or a scope that matches nothing, is a MISSING
 * fact: the caller fails closed.
 */
public final class RuleFacts {
  private final FactSource source;

  /** Facts from {@code source}. */
  public RuleFacts(FactSource source) {
    this.source = source;
  }

  /** Every figure in the rule's scope, in source order; never empty (absence is MISSING). */
  public List<Fact> facts(Rule rule) {
    MetricInfo info =
        PolicyMetrics.lookup(rule.metric())
            .orElseThrow(() -> new IllegalArgumentException("unknown metric " + rule.metric()));
    return switch (info.kind()) {
      case COMPARISON, DISTILLATION ->
          List.of(Fact.of(null, source.modelFigure(rule.subject(), rule.metric())));
      case SLICE ->
          rule.scope().kind() == Scope.Kind.OVERALL
              ? List.of(Fact.of(null, source.overall(rule.subject(), rule.metric())))
              : sliceFacts(rule);
      case ATTRIBUTE, GROUP_VS_REFERENCE -> disparityFacts(rule, info);
    };
  }

  private List<Fact> sliceFacts(Rule rule) {
    Subject s = rule.subject();
    Scope scope = rule.scope();
    List<Fact> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SliceKey key : source.slices(s)) {
      if (!scope.covers(key.attribute())
          || (scope.kind() == Scope.Kind.GROUP && !scope.group().equals(key.group()))) {
        continue;
      }
      seen.add(key.attribute());
      out.add(Fact.of(key.label(), source.slice(s, key, rule.metric())));
    }
    addMissing(rule, seen, out, source.slicesLocation(s));
    return out;
  }

  private List<Fact> disparityFacts(Rule rule, MetricInfo info) {
    Subject s = rule.subject();
    Scope scope = rule.scope();
    List<Fact> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String attr : source.disparityAttributes(s)) {
      if (!scope.covers(attr)) {
        continue;
      }
      seen.add(attr);
      if (info.kind() == MetricKind.ATTRIBUTE) {
        out.add(Fact.of(attr, source.wholeDisparity(s, attr, rule.metric())));
      } else {
        for (FactSource.GroupFigure g :
            source.groupDisparities(s, attr, rule.metric(), info.testMetric())) {
          if (g.group() != null
              && scope.kind() == Scope.Kind.GROUP
              && !scope.group().equals(g.group())) {
            continue;
          }
          out.add(Fact.of(g.group() == null ? attr : attr + "=" + g.group(), g.figure()));
        }
      }
      leftOutFacts(rule, info, attr, out);
      String label = attr + "=" + scope.group();
      if (scope.kind() == Scope.Kind.GROUP && !hasSlice(out, label)) {
        out.add(
            Fact.of(
                label,
                source.groupDisparity(s, attr, scope.group(), rule.metric(), info.testMetric())));
      }
    }
    addMissing(rule, seen, out, source.disparitiesLocation(s));
    return out;
  }

  /**
   * Groups the disparity left out stay in scope (as insufficient data or undefined), unless the
   * base metric that left them out is not one this disparity is built from.
   */
  private void leftOutFacts(Rule rule, MetricInfo info, String attr, List<Fact> out) {
    Scope scope = rule.scope();
    for (LeftOut lo : source.leftOut(rule.subject(), attr)) {
      String label = attr + "=" + lo.group();
      if (hasSlice(out, label)
          || (scope.kind() == Scope.Kind.GROUP && !scope.group().equals(lo.group()))) {
        continue;
      }
      if (lo.base() != null
          && PolicyMetrics.lookup(lo.base()).isPresent()
          && !info.bases().contains(lo.base())) {
        continue;
      }
      out.add(Fact.leftOut(label, lo));
    }
  }

  private static boolean hasSlice(List<Fact> facts, String label) {
    return facts.stream().anyMatch(f -> label.equals(f.slice()));
  }

  /** Fails closed when named attributes, or any attribute at all, are absent from the source. */
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
