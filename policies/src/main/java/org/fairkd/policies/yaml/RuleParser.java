package org.fairkd.policies.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.fairkd.policies.PolicyException;
import org.fairkd.policies.metric.MetricInfo;
import org.fairkd.policies.metric.MetricKind;
import org.fairkd.policies.metric.PolicyMetrics;
import org.fairkd.policies.metric.Spelling;
import org.fairkd.policies.model.Comparator;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.InsufficientDataAction;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Scope;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Subject;
import org.fairkd.policies.model.Threshold;

/**
 * Validates one rule's keys (each a {@link Node} that may come from the rule's own file or from an
 * override in an including file) into a {@link Rule}. Every problem names the file, line and key;
 * all problems of a rule are collected, not only the first.
 */
final class RuleParser {
  static final List<String> KEYS =
      List.of(
          "id",
          "title",
          "rationale",
          "source",
          "metric",
          "subject",
          "scope",
          "comparator",
          "threshold",
          "warn_threshold",
          "mode",
          "alpha",
          "severity",
          "on_insufficient_data");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final List<String> SCOPE_WORDS =
      List.of("overall", "attributes", "intersections", "all");

  private final Map<String, Node> fields;
  private final Node rule;
  private final List<String> problems = new ArrayList<>();

  private RuleParser(Map<String, Node> fields, Node rule) {
    this.fields = fields;
    this.rule = rule;
  }

  /**
   * Validates a rule.
   *
   * @param fields the rule's keys after overrides
   * @param rule the rule's own node (named in messages about missing keys)
   * @param problems receives every problem found
   * @return the rule, or null when it has problems
   */
  static Rule parse(Map<String, Node> fields, Node rule, List<String> problems) {
    Map<String, Node> plain = LdaSearchRuleKind.desugar(fields, rule, problems);
    if (plain == null) {
      return null;
    }
    RuleParser p = new RuleParser(plain, rule);
    Rule r = p.parse();
    problems.addAll(p.problems);
    return p.problems.isEmpty() ? r : null;
  }

  private Rule parse() {
    for (Map.Entry<String, Node> e : fields.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        problems.add(
            e.getValue().where() + "unknown rule key" + Spelling.didYouMean(e.getKey(), KEYS));
      }
    }
    String id = attempt(() -> id(required("id")));
    String title = attempt(() -> optionalText("title", id == null ? "" : id));
    String rationale = attempt(() -> optionalText("rationale", ""));
    String source = attempt(() -> optionalText("source", ""));
    MetricInfo metric = attempt(() -> metric(required("metric")));
    Subject subject = attempt(() -> word("subject", Subject.class, Subject.STUDENT));
    Scope scope = attempt(() -> scope(metric));
    Comparator comparator = attempt(() -> comparator(required("comparator")));
    Threshold threshold =
        comparator == null ? null : attempt(() -> threshold(required("threshold"), comparator));
    Threshold warn =
        comparator == null || !has("warn_threshold")
            ? null
            : attempt(() -> threshold(fields.get("warn_threshold"), comparator));
    EvidenceMode mode = attempt(() -> word("mode", EvidenceMode.class, EvidenceMode.POINT));
    Double alpha = attempt(this::alpha);
    Severity severity = attempt(() -> word("severity", Severity.class, Severity.FAIL));
    InsufficientDataAction insufficient = attempt(this::insufficient);
    if (!problems.isEmpty()) {
      return null;
    }
    attempt(() -> checkWarnBand(threshold, warn));
    attempt(() -> checkSubject(metric, subject));
    attempt(() -> checkMode(metric, subject, scope, mode));
    if (!problems.isEmpty()) {
      return null;
    }
    return new Rule(
        id,
        title,
        rationale,
        source,
        metric.name(),
        subject,
        scope,
        comparator,
        threshold,
        warn,
        mode,
        alpha,
        severity,
        insufficient);
  }

  private <T> T attempt(Supplier<T> step) {
    try {
      return step.get();
    } catch (PolicyException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private void attempt(Runnable step) {
    attempt(
        () -> {
          step.run();
          return null;
        });
  }

  private boolean has(String key) {
    Node n = fields.get(key);
    return n != null && n.present() && !n.value().isNull();
  }

  private Node required(String key) {
    if (!has(key)) {
      throw rule.error("missing required key '" + key + "'");
    }
    return fields.get(key);
  }

  private String optionalText(String key, String fallback) {
    return has(key) ? fields.get(key).text().strip() : fallback;
  }

  static String id(Node n) {
    String id = n.text();
    if (!ID.matcher(id).matches()) {
      throw n.error("bad id '" + id + "' (use letters, digits, '-', '_' and '.')");
    }
    return id;
  }

  private static MetricInfo metric(Node n) {
    String name = n.text();
    return PolicyMetrics.lookup(name)
        .orElseThrow(
            () -> {
              String hint = Spelling.didYouMean(name, PolicyMetrics.names());
              return n.error(
                  "unknown metric '"
                      + name
                      + "'"
                      + (hint.isEmpty()
                          ? " (valid metrics: " + String.join(", ", PolicyMetrics.names()) + ")"
                          : hint));
            });
  }

  private <E extends Enum<E>> E word(String key, Class<E> type, E fallback) {
    if (!has(key)) {
      return fallback;
    }
    Node n = fields.get(key);
    String w = n.text();
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String yaml = e.name().toLowerCase(Locale.ROOT);
      names.add(yaml);
      if (yaml.equals(w)) {
        return e;
      }
    }
    throw n.error(
        "unknown " + key.replace('_', ' ') + " '" + w + "' (use " + String.join(", ", names) + ")");
  }

  private InsufficientDataAction insufficient() {
    if (has("on_insufficient_data")) {
      Node n = fields.get("on_insufficient_data");
      if (List.of("pass", "ignore", "skip").contains(n.text())) {
        throw n.error(
            "'"
                + n.text()
                + "' is not allowed: a slice nobody could judge never passes silently"
                + " (use warn, fail or error)");
      }
    }
    return word("on_insufficient_data", InsufficientDataAction.class, InsufficientDataAction.WARN);
  }

  private Double alpha() {
    if (!has("alpha")) {
      return 0.05;
    }
    Node n = fields.get("alpha");
    double a = n.number();
    if (!(a > 0 && a < 1)) {
      throw n.error("alpha must be between 0 and 1 (exclusive), got " + n.value().asText());
    }
    return a;
  }

  private static Comparator comparator(Node n) {
    String s = n.text().strip();
    Comparator c =
        switch (s) {
          case "at_least" -> Comparator.AT_LEAST;
          case "at_most" -> Comparator.AT_MOST;
          default -> Comparator.parse(s);
        };
    if (c == null) {
      throw n.error(
          "bad comparator '" + s + "' (use \">=\", \"<=\" or \"between\"; quote \">=\" in YAML)");
    }
    return c;
  }

  private static Threshold threshold(Node n, Comparator c) {
    if (c == Comparator.BETWEEN) {
      if (n.value() == null || !n.value().isArray() || n.value().size() != 2) {
        throw n.error("'between' needs a list of two numbers [low, high], got " + n.describe());
      }
      List<Node> bounds = n.elements();
      double lo = bounds.get(0).number();
      double hi = bounds.get(1).number();
      if (lo > hi) {
        throw n.error("low bound " + lo + " is above high bound " + hi);
      }
      return new Threshold(lo, hi);
    }
    if (n.value() == null || !n.value().isNumber()) {
      throw n.error("threshold of '" + c.symbol() + "' must be a number, got " + n.describe());
    }
    return Threshold.of(c, n.number());
  }

  private Scope scope(MetricInfo metric) {
    if (!has("scope")) {
      boolean overall = metric == null || metric.modelLevel() || metric.kind() == MetricKind.SLICE;
      return Scope.of(overall ? Scope.Kind.OVERALL : Scope.Kind.ATTRIBUTES);
    }
    Node n = fields.get("scope");
    Scope scope = scopeValue(n);
    if (metric != null) {
      checkScope(n, metric, scope);
    }
    return scope;
  }

  private static Scope scopeValue(Node n) {
    String usage =
        " (use overall, attributes, intersections, all, {attributes: [sex, race]} or"
            + " {attribute: sex, group: female})";
    if (n.value().isTextual()) {
      String w = n.text();
      if (!SCOPE_WORDS.contains(w)) {
        String hint = Spelling.didYouMean(w, SCOPE_WORDS);
        throw n.error("unknown scope '" + w + "'" + (hint.isEmpty() ? usage : hint));
      }
      return Scope.of(Scope.Kind.valueOf(w.toUpperCase(Locale.ROOT)));
    }
    if (!n.value().isObject()) {
      throw n.error("unknown scope " + n.describe() + usage);
    }
    Map<String, Node> f = n.fields();
    for (String k : f.keySet()) {
      if (!List.of("attributes", "attribute", "group").contains(k)) {
        throw f.get(k).error("unknown scope key" + usage);
      }
    }
    if (f.containsKey("attributes")) {
      if (f.size() > 1) {
        throw n.error("'attributes' cannot be combined with 'attribute' or 'group'" + usage);
      }
      List<String> names = new ArrayList<>();
      for (Node a : f.get("attributes").elements()) {
        names.add(attributeName(a));
      }
      if (names.isEmpty()) {
        throw f.get("attributes").error("list at least one attribute" + usage);
      }
      return new Scope(Scope.Kind.ATTRIBUTES, names, null);
    }
    if (!f.containsKey("attribute") || !f.containsKey("group")) {
      throw n.error("a group scope needs both 'attribute' and 'group'" + usage);
    }
    String group = f.get("group").text().strip();
    if (group.isEmpty()) {
      throw f.get("group").error("empty group name");
    }
    return new Scope(Scope.Kind.GROUP, List.of(attributeName(f.get("attribute"))), group);
  }

  private static String attributeName(Node a) {
    String s = a.text().strip();
    if (s.isEmpty() || s.startsWith("*") || s.endsWith("*") || s.contains("**")) {
      throw a.error("bad attribute name '" + s + "' (intersections are written sex*race)");
    }
    return s;
  }

  private static void checkScope(Node n, MetricInfo metric, Scope scope) {
    Scope.Kind k = scope.kind();
    if (metric.modelLevel() && k != Scope.Kind.OVERALL && !PolicyMetrics.perSlice(metric.name())) {
      throw n.error(
          "'" + metric.name() + "' is one figure for the whole model: its scope must be 'overall'");
    }
    if (metric.kind() == MetricKind.ATTRIBUTE
        && (k == Scope.Kind.OVERALL || k == Scope.Kind.GROUP)) {
      throw n.error(
          "'"
              + metric.name()
              + "' is one figure per attribute: use attributes, intersections, all or"
              + " {attributes: [...]}");
    }
    if (metric.kind() == MetricKind.GROUP_VS_REFERENCE && k == Scope.Kind.OVERALL) {
      throw n.error(
          "'" + metric.name() + "' compares groups with a reference: it has no 'overall' value");
    }
  }

  private void checkWarnBand(Threshold threshold, Threshold warn) {
    if (warn != null && !warn.within(threshold)) {
      throw fields
          .get("warn_threshold")
          .error(
              "warn_threshold must be stricter than threshold (a value between them warns):"
                  + " it has to lie inside the passing range of threshold");
    }
  }

  private void checkSubject(MetricInfo metric, Subject subject) {
    boolean studentOnly =
        metric.kind() == MetricKind.COMPARISON
            || (metric.kind() == MetricKind.DISTILLATION && !metric.name().equals("log_loss"));
    if (studentOnly && subject != Subject.STUDENT) {
      Node n = fields.get("subject");
      throw n.error(
          "'"
              + metric.name()
              + "' describes the student against the teacher: subject must be 'student'");
    }
  }

  private void checkMode(MetricInfo metric, Subject subject, Scope scope, EvidenceMode mode) {
    Node n = fields.get("mode");
    if (mode == EvidenceMode.SIGNIFICANT) {
      boolean groupTest =
          metric.kind() == MetricKind.GROUP_VS_REFERENCE
              && metric.testMetric() != null
              && subject != Subject.DELTA;
      boolean pairedTest =
          subject == Subject.DELTA
              && (metric.name().equals("auc") || metric.name().equals("accuracy"));
      if (!groupTest && !pairedTest) {
        throw n.error(
            "mode 'significant' needs a significance test, which the audit has only for"
                + " group-vs-reference disparities of selection rates of the student or teacher"
                + " (adverse_impact_ratio, marginal_effect, statistical_parity_difference,"
                + " disparate_impact) and for the delta of auc or accuracy (overall or per slice);"
                + " use 'ci' or 'point' for '"
                + metric.name()
                + "'");
      }
    }
    boolean noInterval = metric.kind() == MetricKind.DISTILLATION;
    if (mode == EvidenceMode.CI && noInterval) {
      throw n.error(
          "'" + metric.name() + "' has no confidence interval in an audit: use mode 'point'");
    }
  }
}
