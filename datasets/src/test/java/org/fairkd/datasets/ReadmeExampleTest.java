package org.fairkd.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete spec example in the module README loads as documented. */
class ReadmeExampleTest {
  @Test
  void readmeSpecLoads(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
    String spec = readme.substring(start, readme.indexOf("```", start));
    Files.writeString(dir.resolve("spec.yaml"), spec);
    String header = "ID;INCOME;DTI;PURPOSE;MARITAL;PW;PB;PO;AGE;DECISION\n";
    Files.writeString(
        dir.resolve("loans.csv"),
        header
            + "# exported 2024-12-31\n"
            + "a1;52000;0.31;car;M;0.7;0.2;0.1;23;approved\n"
            + "a2;NA;0.45;\"home; garden\";S;0.1;0.8;0.1;40;denied\n"
            + "a3;61000;?;car;W;;;;70;approved_modified\n"
            + "a4;48000;0.2;other;D;0.3;0.3;0.4;33;denied\n");
    Files.writeString(
        dir.resolve("loans-holdout.csv"), header + "h1;50000;0.3;car;M;0.5;0.4;0.1;30;approved\n");
    TabularDataset d = Datasets.loadSpec(dir.resolve("spec.yaml"));
    assertEquals("loans-2024", d.name());
    assertEquals(5, d.rowCount());
    assertEquals(3, d.favourableCount());
    assertEquals(
        List.of("income", "dti", "purpose"),
        d.features().stream().map(FeatureColumn::name).toList());
    assertEquals("a2", d.rowId(1));
    assertEquals("h1", d.rowId(4));
    assertEquals(1, d.presetTestRows().length);
    ProtectedAttribute marital = d.protectedAttribute("marital_status").orElseThrow();
    assertEquals(List.of("married", "single"), marital.groups());
    assertEquals(1, marital.hardGroup(2));
    ProtectedAttribute age = d.protectedAttribute("age_band").orElseThrow();
    assertEquals(List.of("under_25", "25-61", "over_62"), age.groups());
    ProtectedAttribute race = d.protectedAttribute("race").orElseThrow();
    assertTrue(race.soft());
    assertEquals(-1, race.hardGroup(2));
    assertEquals(0.8, race.membership(1, 1));
    assertEquals(1, d.column("income").orElseThrow().missingCount());
    assertEquals(1, d.column("dti").orElseThrow().missingCount());
    assertEquals(
        "home; garden", ((CategoricalColumn) d.column("purpose").orElseThrow()).values()[1]);
  }
}
