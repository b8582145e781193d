package org.fairkd.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.describe.DatasetSummary;
import org.fairkd.datasets.describe.SummaryText;
import org.fairkd.datasets.load.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codes mapped to missing ({@code ~}) and columns with an empty header field. */
class AccountedInputTest {
  @TempDir Path dir;

  /** HMDA-style codes: 1 white, 3 black, 6 "information not provided", 7 "not applicable". */
  static final String HMDA_SPEC =
      """
      data: data.csv
      label: {column: action, favourable: ["1"]}
      protected:
        - name: race
          column: race
          map: {"1": white, "3": black, "6": ~, "7": ~}
          reference: white
      """;

  static final String HMDA_DATA =
      "action,race,income\n1,1,50\n3,3,40\n1,6,60\n1,1,70\n3,7,30\n1,3,45\n";

  @Test
  void codesMappedToNullAreMissingNotAGroup() {
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, HMDA_SPEC, HMDA_DATA));
    ProtectedAttribute race = d.protectedAttribute("race").orElseThrow();
    assertEquals(List.of("white", "black"), race.groups());
    int[] codes = new int[d.rowCount()];
    for (int r = 0; r < codes.length; r++) {
      codes[r] = race.hardGroup(r);
    }
    assertEquals(List.of(0, 1, -1, 0, -1, 1), java.util.Arrays.stream(codes).boxed().toList());
    DatasetSummary s = DatasetSummary.of(d);
    assertEquals(2, s.missingGroup().get("race"));
    assertEquals(2, s.groups().get("race").get("white"));
  }

  @Test
  void aNullMappingSurvivesWritingTheSpec() throws Exception {
    DatasetSpec spec = SpecReader.read(SpecFixture.write(dir, HMDA_SPEC, HMDA_DATA));
    String yaml = SpecReader.write(spec);
    DatasetSpec back =
        SpecReader.read(new java.io.ByteArrayInputStream(yaml.getBytes()), "written spec");
    assertTrue(back.protectedAttributes().get(0).map().containsKey("6"), yaml);
    assertEquals(null, back.protectedAttributes().get(0).map().get("6"));
  }

  @Test
  void anUnmappedCodeIsStillAnError() {
    String data = HMDA_DATA + "1,5,20\n";
    DatasetException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DatasetException.class,
            () -> Datasets.loadSpec(SpecFixture.write(dir, HMDA_SPEC, data)));
    assertTrue(e.getMessage().contains("value '5' of column 'race' is not in"), e.getMessage());
  }

  static final String INDEX_DATA =
      ",income,sex,outcome\n0,10.5,m,good\n1,20,f,bad\n2,30,f,good\n3,40,m,bad\n";

  @Test
  void anEmptyHeaderFieldIsNamedAndNotAFeature() {
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, SpecFixture.SPEC, INDEX_DATA));
    assertEquals(List.of("column_1"), d.unnamedColumns());
    assertEquals(
        List.of("column_1", "income", "sex", "outcome"),
        d.columns().stream().map(FeatureColumn::name).toList());
    assertEquals(List.of("income"), d.features().stream().map(FeatureColumn::name).toList());
    DatasetSummary s = DatasetSummary.of(d);
    assertEquals(List.of("column_1"), s.unnamedColumns());
    String note =
        "data.csv: column 1 has an empty header field: named column_1, not a feature unless the"
            + " spec lists it under 'features'";
    assertEquals(List.of(note), s.notes());
    assertTrue(SummaryText.render(s).contains("Note: " + note), SummaryText.render(s));
    assertEquals(
        "unused",
        s.columns().stream().filter(c -> c.name().equals("column_1")).findFirst().get().role());
  }

  @Test
  void anEmptyHeaderFieldIsAFeatureWhenTheSpecNamesIt() {
    String spec = SpecFixture.SPEC + "features: [column_1, income]\n";
    TabularDataset d = Datasets.loadSpec(SpecFixture.write(dir, spec, INDEX_DATA));
    assertEquals(
        List.of("column_1", "income"), d.features().stream().map(FeatureColumn::name).toList());
    assertTrue(
        DatasetSummary.unnamedColumnNotes(d)
            .get(0)
            .endsWith(", a feature (the spec lists it under 'features')"));
  }
}
