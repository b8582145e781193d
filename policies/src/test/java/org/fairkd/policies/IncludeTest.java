package org.fairkd.policies;

import static org.fairkd.policies.PolicyFiles.header;
import static org.fairkd.policies.PolicyFiles.rule;
import static org.fairkd.policies.PolicyFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fairkd.policies.model.EvidenceMode;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Severity;
import org.fairkd.policies.model.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Includes of bundled and local policies, overrides by rule id, cycles and conflicts. */
class IncludeTest {
  @TempDir Path dir;

  private String rel(String message) {
    return message.replace(dir.toString() + "/", "");
  }

  @Test
  void overridesChangeOnlyTheNamedKeysOfAnIncludedRule() {
    Path f =
        write(
            dir,
            "mine.yaml",
            header("mine")
                + "include: [four-fifths]\n"
                + "overrides:\n"
                + "  air-four-fifths:\n"
                + "    threshold: 0.9\n"
                + "    warn_threshold: 0.95\n"
                + "    severity: warn\n"
                + "rules:\n"
                + rule(
                    "auc-floor",
                    "auc",
                    "    comparator: \">=\"\n".replace("    comparator: \">=\"\n", "")));
    Policy p = Policies.resolve(f.toString());
    assertEquals(
        List.of("air-four-fifths", "auc-floor"), p.rules().stream().map(Rule::id).toList());
    Rule air = p.rules().get(0);
    Rule bundled = Policies.resolve("four-fifths").rules().get(0);
    assertEquals(Threshold.of(air.comparator(), 0.9), air.threshold());
    assertEquals(Threshold.of(air.comparator(), 0.95), air.warnThreshold());
    assertEquals(Severity.WARN, air.severity());
    assertEquals(EvidenceMode.SIGNIFICANT, air.mode());
    assertEquals(bundled.source(), air.source());
    assertEquals(bundled.scope(), air.scope());
    assertEquals(List.of("four-fifths"), p.includes());
    assertTrue(p.references().get(0).contains("1607.4(D)"));
  }

  @Test
  void overrideErrorsPointAtTheIncludingFile() {
    Path f =
        write(
            dir,
            "mine.yaml",
            header("mine")
                + "include: four-fifths\n"
                + "overrides:\n"
                + "  air-four-fifths:\n"
                + "    threshold: high\n"
                + "  air-four-fifth:\n"
                + "    severity: warn\n");
    PolicyException e = assertThrows(PolicyException.class, () -> Policies.resolve(f.toString()));
    assertEquals(
        List.of(
            "mine.yaml:8: key 'overrides.air-four-fifth': no included rule 'air-four-fifth' to"
                + " override (did you mean 'air-four-fifths'?) (included rules: air-four-fifths)",
            "mine.yaml:7: key 'overrides.air-four-fifths.threshold': threshold of '>=' must be a"
                + " number, got text 'high'"),
        e.problems().stream().map(this::rel).toList());
  }

  @Test
  void localIncludesResolveRelativeToTheIncludingFileAndDiamondsCountOnce() {
    write(dir, "base/common.yaml", header("common") + "rules:\n" + rule("fid", "fidelity", ""));
    write(
        dir,
        "base/left.yaml",
        header("left") + "include: [common.yaml]\nrules:\n" + rule("l", "auc", ""));
    write(
        dir,
        "base/right.yaml",
        header("right") + "include: [common.yaml]\nrules:\n" + rule("r", "accuracy", ""));
    Path top =
        write(dir, "top.yaml", header("top") + "include: [base/left.yaml, base/right.yaml]\n");
    Policy p = Policies.resolve(top.toString());
    assertEquals(List.of("fid", "l", "r"), p.rules().stream().map(Rule::id).toList());
  }

  @Test
  void includeCycleIsNamed() {
    write(dir, "a.yaml", header("a") + "include: [b.yaml]\nrules:\n" + rule("a1", "auc", ""));
    write(dir, "b.yaml", header("b") + "include:\n  - c.yaml\n");
    write(dir, "c.yaml", header("c") + "include:\n  - a.yaml\n");
    PolicyException e =
        assertThrows(
            PolicyException.class, () -> Policies.resolve(dir.resolve("a.yaml").toString()));
    assertEquals(
        "c.yaml:5: key 'include[0]': include cycle: a.yaml -> b.yaml -> c.yaml -> a.yaml",
        rel(e.getMessage()));
    write(dir, "self.yaml", header("self") + "include: [self.yaml]\n");
    assertEquals(
        "self.yaml:4: key 'include[0]': include cycle: self.yaml -> self.yaml",
        rel(
            assertThrows(
                    PolicyException.class,
                    () -> Policies.resolve(dir.resolve("self.yaml").toString()))
                .getMessage()));
  }

  @Test
  void conflictingAndMissingIncludes() {
    write(dir, "one.yaml", header("one") + "rules:\n" + rule("same", "auc", ""));
    write(dir, "two.yaml", header("two") + "rules:\n" + rule("same", "accuracy", ""));
    Path both = write(dir, "both.yaml", header("both") + "include: [one.yaml, two.yaml]\n");
    PolicyException e =
        assertThrows(PolicyException.class, () -> Policies.resolve(both.toString()));
    assertEquals(
        "two.yaml:5: key 'rules[0].id': duplicate rule id 'same' (already included from one.yaml:5)",
        rel(e.getMessage()));
    Path redefine =
        write(
            dir,
            "re.yaml",
            header("re") + "include: [one.yaml]\nrules:\n" + rule("same", "auc", ""));
    assertTrue(
        rel(assertThrows(PolicyException.class, () -> Policies.resolve(redefine.toString()))
                .getMessage())
            .startsWith(
                "re.yaml:6: key 'rules[0].id': duplicate rule id 'same' (already defined at one.yaml:5;"));
    Path missing = write(dir, "m.yaml", header("m") + "include: [gone.yaml, fourfifths]\n");
    assertEquals(
        "m.yaml:4: key 'include[0]': gone.yaml: no such file",
        rel(
            assertThrows(PolicyException.class, () -> Policies.resolve(missing.toString()))
                .getMessage()));
    Path typo = write(dir, "t.yaml", header("t") + "include: [fourfifths]\n");
    assertEquals(
        "t.yaml:4: key 'include[0]': unknown bundled policy 'fourfifths' (did you mean"
            + " 'four-fifths'?) (bundled: four-fifths, distillation-non-regression, lending-standard;"
            + " a local file needs a .yaml or .yml name)",
        rel(
            assertThrows(PolicyException.class, () -> Policies.resolve(typo.toString()))
                .getMessage()));
  }
}
