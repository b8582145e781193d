package org.fairkd.policies;

import static org.fairkd.policies.PolicyFiles.header;
import static org.fairkd.policies.PolicyFiles.rule;
import static org.fairkd.policies.PolicyFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad policy gives one line per problem naming file, line and key. */
class PolicyCheckTest {
  @TempDir Path dir;

  private List<String> problems(String yaml) {
    Path f = write(dir, "bad.yaml", yaml);
    PolicyException e = assertThrows(PolicyException.class, () -> Policies.resolve(f.toString()));
    return e.problems();
  }

  private String problem(String yaml) {
    List<String> p = problems(yaml);
    assertEquals(1, p.size(), p.toString());
    return p.get(0).replace(dir.toString() + "/", "");
  }

  private String rules(String... items) {
    return header("t") + "rules:\n" + String.join("", items);
  }

  @Test
  void unknownMetricNamesFileLineKeyAndClosestName() {
    String yaml =
        rules(
            rule("a", "auc", "    subject: delta\n"),
            rule("b", "fidelity", ""),
            rule("c", "adverse_impact_rato", ""));
    assertEquals(
        "bad.yaml:15: key 'rules[2].metric': unknown metric 'adverse_impact_rato' (did you mean"
            + " 'adverse_impact_ratio'?)",
        problem(yaml));
  }

  @Test
  void hopelessMetricNameListsTheValidOnes() {
    String p = problem(rules(rule("a", "banana_split_index", "")));
    assertTrue(
        p.startsWith(
            "bad.yaml:6: key 'rules[0].metric': unknown metric 'banana_split_index' (valid metrics: count, "),
        p);
    assertTrue(p.contains("adverse_impact_ratio") && p.contains("latency_speedup"), p);
  }

  @Test
  void badComparator() {
    String yaml = rules("  - id: a\n    metric: auc\n    comparator: \"=>\"\n    threshold: 0.7\n");
    assertEquals(
        "bad.yaml:7: key 'rules[0].comparator': bad comparator '=>' (use \">=\", \"<=\" or"
            + " \"between\"; quote \">=\" in YAML)",
        problem(yaml));
  }

  @Test
  void unquotedGreaterOrEqualIsInvalidYamlWithAHint() {
    String p =
        problem(rules("  - id: a\n    metric: auc\n    comparator: >=\n    threshold: 0.7\n"));
    assertTrue(p.startsWith("bad.yaml:7: invalid YAML: "), p);
    assertTrue(
        p.endsWith("(a value starting with '>' must be quoted, e.g. comparator: \">=\")"), p);
  }

  @Test
  void thresholdOfTheWrongType() {
    assertEquals(
        "bad.yaml:8: key 'rules[0].threshold': threshold of '>=' must be a number, got text '0.8'",
        problem(
            rules("  - id: a\n    metric: auc\n    comparator: \">=\"\n    threshold: \"0.8\"\n")));
    assertEquals(
        "bad.yaml:8: key 'rules[0].threshold': 'between' needs a list of two numbers [low, high],"
            + " got '0.3'",
        problem(
            rules("  - id: a\n    metric: auc\n    comparator: between\n    threshold: 0.3\n")));
    assertEquals(
        "bad.yaml:8: key 'rules[0].threshold[1]': expected a number, got text 'high'",
        problem(
            rules(
                "  - id: a\n    metric: auc\n    comparator: between\n    threshold: [0.1, high]\n")));
    assertEquals(
        "bad.yaml:8: key 'rules[0].threshold': low bound 0.5 is above high bound 0.1",
        problem(
            rules(
                "  - id: a\n    metric: auc\n    comparator: between\n    threshold: [0.5, 0.1]\n")));
  }

  @Test
  void unknownScope() {
    assertEquals(
        "bad.yaml:9: key 'rules[0].scope': unknown scope 'atributes' (did you mean 'attributes'?)",
        problem(rules(rule("a", "adverse_impact_ratio", "    scope: atributes\n"))));
    assertEquals(
        "bad.yaml:9: key 'rules[0].scope': unknown scope 'everyone' (use overall, attributes,"
            + " intersections, all, {attributes: [sex, race]} or {attribute: sex, group: female})",
        problem(rules(rule("a", "adverse_impact_ratio", "    scope: everyone\n"))));
    assertTrue(
        problem(rules(rule("a", "adverse_impact_ratio", "    scope: {attribute: sex}\n")))
            .startsWith("bad.yaml:9: key 'rules[0].scope': a group scope needs both"));
    assertEquals(
        "bad.yaml:9: key 'rules[0].scope': 'kl' is one figure for the whole model: its scope"
            + " must be 'overall'",
        problem(rules(rule("a", "kl", "    scope: attributes\n"))));
    assertTrue(
        problem(
                rules(
                    rule(
                        "a",
                        "demographic_parity_difference",
                        "    scope: {attribute: sex, group: f}\n")))
            .contains("is one figure per attribute"));
  }

  @Test
  void unknownAndMissingKeys() {
    assertEquals(
        "bad.yaml:8: key 'rules[0].treshold': unknown rule key (did you mean 'threshold'?)",
        problem(
            rules(
                "  - id: a\n    metric: auc\n    comparator: \">=\"\n    treshold: 0.7\n    threshold: 0.7\n")));
    assertEquals(
        "bad.yaml:5: key 'rules[0]': missing required key 'comparator'",
        problem(rules("  - id: a\n    metric: auc\n    threshold: 0.7\n")));
    assertEquals(
        "bad.yaml:1: missing required key 'title'",
        problem("id: x\nversion: 1\nrules:\n" + rule("a", "auc", "")));
    assertEquals(
        "bad.yaml:4: key 'rulez': unknown policy key (did you mean 'rules'?)",
        problems(header("x") + "rulez: []\n").get(0).replace(dir + "/", ""));
  }

  @Test
  void insufficientDataCanNeverPass() {
    assertEquals(
        "bad.yaml:9: key 'rules[0].on_insufficient_data': 'pass' is not allowed: a slice nobody"
            + " could judge never passes silently (use warn, fail or error)",
        problem(rules(rule("a", "adverse_impact_ratio", "    on_insufficient_data: pass\n"))));
  }

  @Test
  void significantModeNeedsATest() {
    String p =
        problem(
            rules(
                "  - id: a\n    metric: demographic_parity_difference\n    comparator: \"<=\"\n"
                    + "    threshold: 0.1\n    mode: significant\n"));
    assertTrue(
        p.startsWith(
            "bad.yaml:9: key 'rules[0].mode': mode 'significant' needs a significance test"),
        p);
    assertTrue(
        problem(rules(rule("a", "gap_recovered", "    mode: ci\n")))
            .endsWith("'gap_recovered' has no confidence interval in an audit: use mode 'point'"));
    assertTrue(
        problem(rules(rule("a", "adverse_impact_ratio", "    mode: significant\n    alpha: 1.5\n")))
            .startsWith("bad.yaml:10: key 'rules[0].alpha': alpha must be between 0 and 1"));
  }

  @Test
  void warnBandMustBeStricterAndSubjectMustFit() {
    assertTrue(
        problem(rules(rule("a", "adverse_impact_ratio", "    warn_threshold: 0.7\n")))
            .startsWith(
                "bad.yaml:9: key 'rules[0].warn_threshold': warn_threshold must be stricter"));
    assertEquals(
        "bad.yaml:9: key 'rules[0].subject': 'fidelity' describes the student against the teacher:"
            + " subject must be 'student'",
        problem(rules(rule("a", "fidelity", "    subject: delta\n"))));
    assertEquals(
        "bad.yaml:9: key 'rules[0].subject': unknown subject 'pupil' (use student, teacher, delta)",
        problem(rules(rule("a", "auc", "    subject: pupil\n"))));
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    List<String> p =
        problems(rules(rule("a", "auc", "    severity: fatal\n"), rule("a", "acuracy", "")));
    assertEquals(2, p.size(), p.toString());
    assertTrue(
        p.stream()
            .anyMatch(
                s ->
                    s.endsWith(
                        "bad.yaml:10: key 'rules[1].id': duplicate rule id 'a' (already defined at "
                            + dir
                            + "/bad.yaml:5; to change an included rule use 'overrides')")),
        p.toString());
    assertTrue(
        p.stream()
            .anyMatch(
                s ->
                    s.endsWith(
                        "bad.yaml:9: key 'rules[0].severity': unknown severity 'fatal' (use fail, warn)")),
        p.toString());
  }

  @Test
  void duplicateYamlKeysAreRejected() {
    String p =
        problem(
            rules(
                "  - id: a\n    metric: auc\n    metric: accuracy\n    comparator: \">=\"\n    threshold: 0.7\n"));
    assertTrue(p.startsWith("bad.yaml:"), p);
    assertTrue(p.contains("Duplicate field 'metric'"), p);
  }

  @Test
  void unknownPolicyNamesSuggestBundledOnes() {
    PolicyException e = assertThrows(PolicyException.class, () -> Policies.resolve("four-fifth"));
    assertEquals(
        "unknown policy 'four-fifth': not a file and not a bundled policy (did you mean"
            + " 'four-fifths'?) (bundled: four-fifths, distillation-non-regression, lending-standard)",
        e.getMessage());
    assertEquals(
        "nope.yaml: no such file",
        assertThrows(PolicyException.class, () -> Policies.resolve("nope.yaml")).getMessage());
    assertEquals(
        dir + ": not a regular file",
        assertThrows(PolicyException.class, () -> Policies.resolve(dir.toString())).getMessage());
  }
}
