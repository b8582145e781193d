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
 *   <li>comparison and distillation figures: the one figure of the model; {@code fidelity} scoped
 *       to slices: each paired slice's decision agreement
 * </ul>
 *
 * A disparity of an attribute with one group has nothing to compare: one MISSING fact saying so
 * (never zero facts, which would pass on nothing).
 *
 * <p>A named attribute or group that the source lacks, or a scope that matches nothing, is a
 * MISSING fact: the caller fails closed.
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
    Subject s = rule.subject();
    boolean overall = rule.scope().kind() == Scope.Kind.OVERALL;
    return switch (info.kind()) {
      case COMPARISON, DISTILLATION ->
          overall
              ? List.of(Fact.of(null, source.modelFigure(s, rule.metric()), source.rows(s, null)))
              : sliceFacts(rule, Subject.DELTA, source::sliceAgreement);
      case SLICE ->
          overall
              ? List.of(Fact.of(null, source.overall(s, rule.metric()), source.rows(s, null)))
              : sliceFacts(rule, s, key -> source.slice(s, key, rule.metric()));
      case ATTRIBUTE, GROUP_VS_REFERENCE -> disparityFacts(rule, info);
    };
  }

  /**
   * Every slice of {@code slicesOf} in the rule's scope, each with its figure; for a comparison
   * figure on slices ({@code fidelity}: the slice's decision agreement) the paired slices.
   */
  private List<Fact> sliceFacts(
      Rule rule, Subject slicesOf, java.util.function.Function<SliceKey, Figure> figure) {
    Scope scope = rule.scope();
    List<Fact> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (SliceKey key : source.slices(slicesOf)) {
      if (!scope.covers(key.attribute())
          || (scope.kind() == Scope.Kind.GROUP && !scope.group().equals(key.group()))) {
        continue;
      }
      seen.add(key.attribute());
      out.add(Fact.of(key.label(), figure.apply(key), source.rows(slicesOf, key)));
    }
    addMissing(rule, seen, out, source.slicesLocation(slicesOf));
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
      int before = out.size();
      List<String> groups = groups(s, attr);
      if (groups.size() == 1) {
        out.add(Fact.nothingToCompare(attr, groups.get(0)));
        continue;
      }
      if (info.kind() == MetricKind.ATTRIBUTE) {
        out.add(Fact.of(attr, source.wholeDisparity(s, attr, rule.metric()), source.rows(s, null)));
      } else {
        for (FactSource.GroupFigure g :
            source.groupDisparities(s, attr, rule.metric(), info.testMetric())) {
          if (g.group() != null
              && scope.kind() == Scope.Kind.GROUP
              && !scope.group().equals(g.group())) {
            continue;
          }
          Double rows = g.group() == null ? null : source.rows(s, new SliceKey(attr, g.group()));
          out.add(Fact.of(g.group() == null ? attr : attr + "=" + g.group(), g.figure(), rows));
        }
      }
      leftOutFacts(rule, info, attr, out);
      String label = attr + "=" + scope.group();
      if (scope.kind() == Scope.Kind.GROUP && !hasSlice(out, label)) {
        out.add(
            Fact.of(
                label,
                source.groupDisparity(s, attr, scope.group(), rule.metric(), info.testMetric()),
                source.rows(s, new SliceKey(attr, scope.group()))));
      }
      if (out.size() == before) {
        out.add(
            Fact.missing(
                attr,
                "no group of attribute '" + attr + "' is compared with its reference",
                source.disparitiesLocation(s)));
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

  /** The groups {@code subject} measured for {@code attribute}, in order. */
  private List<String> groups(Subject subject, String attribute) {
    return source.slices(subject).stream()
        .filter(k -> k.attribute().equals(attribute))
        .map(SliceKey::group)
        .distinct()
        .toList();
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
