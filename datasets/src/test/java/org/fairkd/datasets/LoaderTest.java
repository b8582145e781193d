package org.fairkd.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading small spec'd files: formats, line endings, derived and soft protected attributes. */
class LoaderTest {
  @TempDir Path dir;

  @Test
  void loadsTypesLabelGroupsAndMissing() {
    TabularDataset d =
        Datasets.loadSpec(SpecFixture.write(dir, SpecFixture.SPEC, SpecFixture.DATA));
    assertEquals(4, d.rowCount());
    assertArrayEquals(new boolean[] {true, false, true, false}, d.favourableLabels());
    NumericColumn income = (NumericColumn) d.column("income").orElseThrow();
    assertEquals(10.5, income.values()[0]);
    assertTrue(Double.isNaN(income.values()[2]));
    assertEquals(1, income.missingCount());
    ProtectedAttribute sex = d.protectedAttribute("sex").orElseThrow();
    assertEquals(List.of("f", "m"), sex.groups());
    assertEquals("m", sex.reference());
    assertEquals(1, sex.hardGroup(0));
    assertEquals(1.0, sex.membership(1, 0));
    assertEquals(0.0, sex.membership(1, 1));
    // features: all but label and protected source
    assertEquals(List.of("id", "income"), d.features().stream().map(FeatureColumn::name).toList());
    assertEquals("train:3", d.rowId(3));
    assertEquals(List.of(dir.resolve("data.csv")), d.sourceFiles());
  }

  @Test
  void byteOrderMarkIsIgnored() {
    TabularDataset d =
        Datasets.loadSpec(SpecFixture.write(dir, SpecFixture.SPEC, "\uFEFF" + SpecFixture.DATA));
    assertEquals("id", d.columns().get(0).name());
    assertEquals(4, d.rowCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void lineEndings(String eol) {
    String data = SpecFixture.DATA.replace("\n", eol);
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, SpecFixture.SPEC, data));
    assertEquals(4, d.rowCount());
    assertEquals("bad", ((CategoricalColumn) d.column("outcome").orElseThrow()).values()[3]);
    assertEquals(40.0, ((NumericColumn) d.column("income").orElseThrow()).values()[3]);
  }

  @Test
  void headerlessDelimiterQuotingMissingTokensMapAndBins() {
    String spec =
        """
        data: data.csv
        format:
          delimiter: ";"
          header: false
          columns: [who, age, code, note, y]
          missing: ["?"]
        label: {column: y, favourable: ["1", "3"]}
        protected:
          - {name: sex, column: code, map: {A1: male, A2: female}, reference: male}
          - name: age_group
            column: age
            bins: [{group: young, max: 25}, {group: older}]
            reference: older
        row_id: who
        protected_as_features: true
        """;
    String data = "p1;25;A1;\"a;b\";1\np2;26;A2;?;2\np3;?;A2;\"say \"\"hi\"\"\";3\n";
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, spec, data));
    assertArrayEquals(new boolean[] {true, false, true}, d.favourableLabels());
    String[] note = ((CategoricalColumn) d.column("note").orElseThrow()).values();
    assertEquals("a;b", note[0]);
    assertNull(note[1]);
    assertEquals("say \"hi\"", note[2]);
    ProtectedAttribute age = d.protectedAttribute("age_group").orElseThrow();
    assertEquals(List.of("young", "older"), age.groups());
    assertEquals(0, age.hardGroup(0));
    assertEquals(1, age.hardGroup(1));
    assertEquals(-1, age.hardGroup(2));
    assertEquals(0.0, age.membership(2, 0) + age.membership(2, 1));
    assertEquals(List.of("male", "female"), d.protectedAttribute("sex").orElseThrow().groups());
    assertEquals("p2", d.rowId(1));
    assertEquals(
        List.of("age", "code", "note"), d.features().stream().map(FeatureColumn::name).toList());
  }

  @Test
  void softMembership() {
    String spec =
        """
        data: data.csv
        label: {column: y, favourable: ["1"]}
        protected:
          - name: race
            soft: {white: p_w, black: p_b, other: p_o}
            reference: white
        """;
    String data = "x,p_w,p_b,p_o,y\n1,0.7,0.2,0.1,1\n2,0.1,0.8,0.1,0\n3,0.3,0.3,0.4,1\n4,,,,0\n";
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, spec, data));
    ProtectedAttribute race = d.protectedAttribute("race").orElseThrow();
    assertTrue(race.soft());
    assertEquals(List.of("white", "black", "other"), race.groups());
    assertEquals(0.8, race.membership(1, 1));
    assertEquals(0, race.hardGroup(0));
    assertEquals(1, race.hardGroup(1));
    assertEquals(2, race.hardGroup(2));
    assertEquals(-1, race.hardGroup(3));
    assertEquals(0.0, race.membership(3, 0));
    assertEquals(List.of("x"), d.features().stream().map(FeatureColumn::name).toList());
  }

  @Test
  void typeInferenceAcceptsNumberSyntaxAndFallsBackToText() {
    String spec =
        """
        data: data.csv
        label: {column: y, favourable: ["1"]}
        protected: [{name: s, column: s, reference: u}]
        """;
    String data = "n,t,e,y,s\n1e3,1,,1,u\n-.5,2x,,0,v\n+2.25, 3 ,,1,u\n";
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, spec, data));
    assertArrayEquals(
        new double[] {1000, -0.5, 2.25}, ((NumericColumn) d.column("n").orElseThrow()).values());
    assertArrayEquals(
        new String[] {"1", "2x", "3"}, ((CategoricalColumn) d.column("t").orElseThrow()).values());
    assertEquals(3, d.column("e").orElseThrow().missingCount());
    assertEquals("categorical", d.column("e").orElseThrow().type());
  }

  @Test
  void duplicateHeaderNamesAreRenamed() {
    String data = "a,b,a,y,s\n1,2,3,1,u\n4,5,6,0,v\n";
    String spec =
        """
        data: data.csv
        label: {column: y, favourable: ["1"]}
        protected: [{name: s, column: s, reference: u}]
        """;
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, spec, data));
    assertEquals(3.0, ((NumericColumn) d.column("a_2").orElseThrow()).values()[0]);
    assertEquals(1.0, ((NumericColumn) d.column("a").orElseThrow()).values()[0]);
  }

  @Test
  void separateTestFileAndSuffix() throws Exception {
    String spec =
        """
        data: data.csv
        test_data: test.csv
        format: {comment: "|"}
        label: {column: outcome, favourable: [good], strip_suffix: "."}
        protected: [{name: sex, column: sex, reference: m}]
        """;
    java.nio.file.Files.writeString(
        dir.resolve("test.csv"), "|banner\nid,income,sex,outcome\n9,1,f,good.\n10,2,m,bad.\n");
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, spec, SpecFixture.DATA));
    assertEquals(6, d.rowCount());
    assertArrayEquals(new int[] {4, 5}, d.presetTestRows());
    assertTrue(d.favourable(4));
    assertEquals("test:1", d.rowId(5));
    assertEquals(2, d.sourceFiles().size());
  }
}
