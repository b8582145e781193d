package org.fairkd.policies.yaml;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.policies.search.SearchFigures;

/**
 * The rule kind {@code kind: lda_search}: a policy requiring the search for less discriminatory
 * alternatives. Exactly one of
 *
 * <ul>
 *   <li>{@code require: selected} — the released student is the search's selected candidate ({@code
 *       lda_search_selected >= 1});
 *   <li>{@code max_distance: d} — the released candidate's validation disparity is at most {@code
 *       d} above the least-discriminatory frontier candidate's within the search's tolerance
 *       ({@code lda_search_distance <= d});
 *   <li>{@code max_tolerance: t} — the search's AUC tolerance was at most {@code t} ({@code
 *       lda_search_tolerance <= t}; {@code fairkd search --policy} also takes {@code t} as its
 *       tolerance).
 * </ul>
 *
 * The rule is written as the equivalent metric rule (scope {@code overall}, mode {@code point},
 * subject {@code student}); every other rule key (id, title, rationale, source, severity) keeps its
 * meaning. An audit without a search has none of the figures, so the rule judges nothing and the
 * gate fails closed.
 */
final class LdaSearchRuleKind {
  /** The value of {@code kind}. */
  static final String KIND = "lda_search";

  /** The keys only this kind has. */
  static final List<String> KEYS = List.of("kind", "require", "max_distance", "max_tolerance");

  private static final List<String> METRIC_KEYS =
      List.of("metric", "subject", "scope", "comparator", "threshold", "warn_threshold", "mode");

  private LdaSearchRuleKind() {}

  /**
   * {@code fields} unchanged when they have no {@code kind}; else the equivalent metric rule's
   * fields, or null with the problems added.
   */
  static Map<String, Node> desugar(Map<String, Node> fields, Node rule, List<String> problems) {
    Node kind = fields.get("kind");
    if (kind == null) {
      for (String k : KEYS) {
        if (fields.containsKey(k)) {
          problems.add(fields.get(k).where() + "'" + k + "' needs 'kind: " + KIND + "'");
          return null;
        }
      }
      return fields;
    }
    if (!kind.present() || !kind.value().isTextual() || !kind.value().asText().equals(KIND)) {
      problems.add(kind.where() + "unknown rule kind " + kind.describe() + " (use " + KIND + ")");
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : fields.entrySet()) {
      if (METRIC_KEYS.contains(e.getKey())) {
        problems.add(
            e.getValue().where() + "a 'kind: " + KIND + "' rule states no '" + e.getKey() + "'");
        return null;
      }
      if (!KEYS.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    List<String> given =
        List.of("require", "max_distance", "max_tolerance").stream()
            .filter(fields::containsKey)
            .toList();
    if (given.size() != 1) {
      problems.add(
          rule.where()
              + "a 'kind: "
              + KIND
              + "' rule needs exactly one of require, max_distance, max_tolerance"
              + (given.isEmpty() ? "" : " (got " + String.join(", ", given) + ")"));
      return null;
    }
    Node n = fields.get(given.get(0));
    String metric;
    String comparator;
    double bound;
    switch (given.get(0)) {
      case "require" -> {
        if (!n.present() || !"selected".equals(n.value().asText())) {
          problems.add(n.where() + "unknown requirement " + n.describe() + " (use selected)");
          return null;
        }
        metric = SearchFigures.SELECTED;
        comparator = ">=";
        bound = 1;
      }
      default -> {
        if (!n.present() || !n.value().isNumber() || !(n.value().doubleValue() >= 0)) {
          problems.add(n.where() + "expected a number >= 0, got " + n.describe());
          return null;
        }
        metric =
            given.get(0).equals("max_distance") ? SearchFigures.DISTANCE : SearchFigures.TOLERANCE;
        comparator = "<=";
        bound = n.value().doubleValue();
      }
    }
    out.put("metric", at(kind, "metric", TextNode.valueOf(metric)));
    out.put("scope", at(kind, "scope", TextNode.valueOf("overall")));
    out.put("comparator", at(kind, "comparator", TextNode.valueOf(comparator)));
    out.put("threshold", at(kind, "threshold", DoubleNode.valueOf(bound)));
    return out;
  }

  /** A synthetic key reported at the {@code kind} line. */
  private static Node at(Node kind, String key, com.fasterxml.jackson.databind.JsonNode value) {
    String path = kind.key().substring(0, kind.key().length() - "kind".length()) + key;
    return new Node(kind.doc(), value, path, kind.pointer());
  }
}
