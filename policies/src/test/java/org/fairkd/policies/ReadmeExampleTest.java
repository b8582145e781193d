package org.fairkd.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.policies.model.Policy;
import org.fairkd.policies.model.Rule;
import org.fairkd.policies.model.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete example of the module README is a valid policy and means what it says. */
class ReadmeExampleTest {

  @Test
  void readmeExampleResolves(@TempDir Path dir) throws IOException {
    Path readme = Path.of("README.md");
    Assumptions.assumeTrue(Files.isRegularFile(readme), "policies/README.md not found: skipping");
    String text = Files.readString(readme);
    int start = text.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = text.substring(start, text.indexOf("```", start));
    Path f = PolicyFiles.write(dir, "example.yaml", yaml);
    Policy p = Policies.resolve(f.toString());
    assertEquals(
        List.of(
            "air-four-fifths",
            "auc-non-regression",
            "dpd-non-inferiority",
            "eod-non-inferiority",
            "fidelity",
            "eod-cap",
            "smd-cap",
            "group-auc-non-regression",
            "group-agreement",
            "reason-fidelity",
            "reason-proxies",
            "air-female",
            "auc-floor"),
        p.rules().stream().map(Rule::id).toList());
    assertEquals(0.95, p.rules().get(0).warnThreshold().low());
    assertEquals(Severity.FAIL, p.rules().get(6).severity());
  }
}
