package org.fairkd.kd.reasons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReasonTextsTest {
  @TempDir Path dir;

  private static final String SPEC =
      """
      name: tiny
      data: data.csv
      label: {column: outcome, favourable: [good]}
      protected: [{name: sex, column: sex, reference: m}]
      reasons:
        debt_to_income: Debt-to-income ratio too high
      """;

  private static final String DATA =
      "income,debt_to_income,sex,outcome\n10,0.5,m,good\n20,0.2,f,bad\n30,0.4,f,good\n40,0.1,m,bad\n";

  @Test
  void textsComeFromTheSpecAndFallBackToTheColumnName() throws Exception {
    Files.writeString(dir.resolve("data.csv"), DATA);
    Files.writeString(dir.resolve("spec.yaml"), SPEC);
    TabularDataset d = Datasets.loadSpec(dir.resolve("spec.yaml"));
    ReasonTexts t = ReasonTexts.of(d.spec());
    assertEquals("Debt-to-income ratio too high", t.text("debt_to_income"));
    assertEquals("income", t.text("income"));
  }

  @Test
  void aReasonForAnUnknownColumnIsOneLineNamingTheKey() throws Exception {
    Files.writeString(dir.resolve("data.csv"), DATA);
    Files.writeString(dir.resolve("spec.yaml"), SPEC.replace("debt_to_income:", "dti:"));
    DatasetException e =
        assertThrows(DatasetException.class, () -> Datasets.loadSpec(dir.resolve("spec.yaml")));
    assertEquals(
        "spec.yaml: key 'reasons.dti': unknown column 'dti' (columns: income, debt_to_income, sex,"
            + " outcome)",
        e.getMessage());
  }
}
