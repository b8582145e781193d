package org.fairkd.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.describe.DatasetSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in names, data-directory precedence and the describe summary of a soft attribute. */
class DatasetsTest {
  @Test
  void builtInNamesAndUnknownName() {
    assertEquals(
        List.of("synthetic-lending", "german-credit", "adult", "compas", "bank-marketing"),
        Datasets.builtInNames());
    DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("credit", null));
    assertEquals(
        "unknown dataset 'credit' (built-in: synthetic-lending, german-credit, adult, compas,"
            + " bank-marketing)",
        e.getMessage());
  }

  @Test
  void dataDirPrecedence() {
    Path cli = Path.of("/somewhere/else");
    assertEquals(cli, Datasets.resolveDataDir(cli));
    if (System.getenv(Datasets.DATA_DIR_ENV) == null) {
      String old = System.getProperty("fairkd.data.dir");
      try {
        System.setProperty("fairkd.data.dir", "/from/property");
        assertEquals(Path.of("/from/property"), Datasets.resolveDataDir(null));
      } finally {
        if (old == null) {
          System.clearProperty("fairkd.data.dir");
        } else {
          System.setProperty("fairkd.data.dir", old);
        }
      }
    }
  }

  @Test
  void summaryOfSoftAttributeCountsArgmaxGroups(@TempDir Path dir) {
    String spec =
        """
        data: data.csv
        label: {column: y, favourable: ["1"]}
        protected:
          - {name: race, soft: {white: p_w, black: p_b}, reference: white}
        """;
    String data = "x,p_w,p_b,y\n1,0.9,0.1,1\n2,0.2,0.8,0\n3,0.4,0.6,1\n4,,,1\n";
    DatasetSummary s = DatasetSummary.of(Datasets.loadSpec(SpecFixture.write(dir, spec, data)));
    assertEquals(4, s.rows());
    assertEquals(3, s.labelCounts().favourable());
    assertEquals(1, s.groups().get("race").get("white"));
    assertEquals(2, s.groups().get("race").get("black"));
    assertEquals(1, s.missingGroup().get("race"));
    assertEquals(0.5, s.favourableRate().get("race").get("black"));
    assertEquals(1, s.missing().get("p_w"));
    assertEquals(0.9 + 0.2 + 0.4, s.softTotals().get("race").get("white"), 1e-12);
    assertEquals(0.1 + 0.8 + 0.6, s.softTotals().get("race").get("black"), 1e-12);
    String text = org.fairkd.datasets.describe.SummaryText.render(s);
    assertTrue(text.contains("soft membership"), text);
    assertTrue(text.contains("expected rows"), text);
  }
}
