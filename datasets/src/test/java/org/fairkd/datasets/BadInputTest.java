package org.fairkd.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user mistake ends in one DatasetException line naming the file and the line or key. */
class BadInputTest {
  @TempDir Path dir;

  private String fail(String spec, String data) {
    Path specFile = SpecFixture.write(dir, spec, data);
    DatasetException e = assertThrows(DatasetException.class, () -> Datasets.loadSpec(specFile));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void missingSpecFile() {
    Path p = dir.resolve("nope.yaml");
    DatasetException e = assertThrows(DatasetException.class, () -> Datasets.loadSpec(p));
    assertEquals(p + ": spec file not found", e.getMessage());
  }

  @Test
  void missingDataFile() {
    String m = fail(SpecFixture.SPEC.replace("data.csv", "other.csv"), SpecFixture.DATA);
    assertEquals(dir.resolve("other.csv") + ": data file not found", m);
  }

  @Test
  void unreadableSpec() {
    String m = fail("name: tiny\ndata: 'unterminated\n", SpecFixture.DATA);
    assertTrue(m.startsWith(dir.resolve("spec.yaml") + ": not valid YAML (line"), m);
    String wrongType = fail("name: [a, b]\n", SpecFixture.DATA);
    assertEquals(
        dir.resolve("spec.yaml") + ": key 'name': expected text, got a list (line 1)", wrongType);
    String wrongShape = fail("data: d.csv\nlabel: [a]\n", SpecFixture.DATA);
    assertEquals(
        dir.resolve("spec.yaml")
            + ": key 'label': expected a mapping (key: value), got a list (line 2)",
        wrongShape);
  }

  @Test
  void unknownKey() {
    String m = fail(SpecFixture.SPEC + "lable: x\n", SpecFixture.DATA);
    assertTrue(m.startsWith(dir.resolve("spec.yaml") + ": unknown key 'lable' (known: "), m);
  }

  @Test
  void unknownColumn() {
    String m =
        fail(SpecFixture.SPEC.replace("column: outcome", "column: outcom"), SpecFixture.DATA);
    assertEquals(
        "spec.yaml: key 'label.column': unknown column 'outcom' (columns: id, income, sex, outcome)",
        m);
  }

  @Test
  void labelValueNeverSeen() {
    String m = fail(SpecFixture.SPEC.replace("[good]", "[great]"), SpecFixture.DATA);
    assertEquals(
        "spec.yaml: key 'label.favourable[0]': value 'great' never occurs in column 'outcome'"
            + " (values: bad, good)",
        m);
  }

  @Test
  void raggedRow() {
    String m = fail(SpecFixture.SPEC, SpecFixture.DATA.replace("2,20,f,bad", "2,20,f"));
    assertEquals(dir.resolve("data.csv") + ": line 3: ragged row: 3 fields, expected 4", m);
  }

  @Test
  void raggedLongRow() {
    String m = fail(SpecFixture.SPEC, SpecFixture.DATA.replace("4,40,m,bad", "4,40,m,bad,x"));
    assertEquals(dir.resolve("data.csv") + ": line 5: ragged row: 5 fields, expected 4", m);
  }

  @Test
  void nonNumericInNumericColumn() {
    String spec = SpecFixture.SPEC + "types: {income: numeric}\n";
    String m = fail(spec, SpecFixture.DATA.replace("20,f", "twenty,f"));
    assertEquals(
        dir.resolve("data.csv")
            + ": line 3: column 'income': 'twenty' is not a number (the column is numeric)",
        m);
  }

  @Test
  void emptyFile() {
    assertEquals(dir.resolve("data.csv") + ": file is empty", fail(SpecFixture.SPEC, ""));
    assertEquals(
        dir.resolve("data.csv") + ": file has no data rows",
        fail(SpecFixture.SPEC, "id,income,sex,outcome\n"));
  }

  @Test
  void protectedWithOneGroup() {
    String m = fail(SpecFixture.SPEC, SpecFixture.DATA.replace(",f,", ",m,"));
    assertEquals(
        "spec.yaml: key 'protected[0]': protected attribute 'sex' has only one group in the data"
            + " (m); at least two are needed",
        m);
  }

  @Test
  void referenceNotAGroup() {
    String m = fail(SpecFixture.SPEC.replace("reference: m", "reference: male"), SpecFixture.DATA);
    assertTrue(m.startsWith("spec.yaml: key 'protected[0].reference': 'male'"), m);
  }

  @Test
  void softNotSummingToOne() {
    String spec =
        """
        data: data.csv
        label: {column: y, favourable: ["1"]}
        protected:
          - {name: race, soft: {white: p_w, black: p_b}, reference: white}
        """;
    String m = fail(spec, "p_w,p_b,y\n0.5,0.5,1\n0.6,0.6,0\n");
    assertEquals(
        dir.resolve("data.csv")
            + ": line 3: soft membership columns of 'race' (p_w, p_b) sum to 1.2, not 1"
            + " (tolerance 0.001, key protected[0].soft in spec.yaml)",
        m);
  }

  @Test
  void unmappedValue() {
    String spec =
        SpecFixture.SPEC
            .replace("column: sex", "column: sex\n    map: {m: male}")
            .replace("reference: m", "reference: male");
    String m = fail(spec, SpecFixture.DATA);
    assertEquals(
        dir.resolve("data.csv")
            + ": line 3: value 'f' of column 'sex' is not in protected[0].map"
            + " of spec.yaml",
        m);
  }

  @Test
  void missingLabel() {
    String m = fail(SpecFixture.SPEC, SpecFixture.DATA.replace("3,,f,good", "3,,f,"));
    assertEquals(dir.resolve("data.csv") + ": line 4: label column 'outcome' is missing", m);
  }

  @Test
  void protectedSourceAsExplicitFeature() {
    String m = fail(SpecFixture.SPEC + "features: [income, sex]\n", SpecFixture.DATA);
    assertTrue(m.startsWith("spec.yaml: key 'features[1]': 'sex' is the source of protected"), m);
  }

  @Test
  void featureAlsoExcluded() {
    String m = fail(SpecFixture.SPEC + "features: [income]\nexclude: [income]\n", SpecFixture.DATA);
    assertEquals("spec.yaml: key 'features[0]': 'income' is also listed under 'exclude'", m);
  }

  @Test
  void builtInWithMissingDataDir() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    DatasetException e =
        assertThrows(DatasetException.class, () -> Datasets.load("german-credit", empty));
    assertEquals(
        empty.resolve("german-credit/german.data") + ": data file not found", e.getMessage());
  }
}
