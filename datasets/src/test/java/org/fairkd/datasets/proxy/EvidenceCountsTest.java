package org.fairkd.datasets.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkd.datasets.DatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an audit reads of a proxy: evidence labels, their counts and shares, the provenance file.
 */
class EvidenceCountsTest {
  @TempDir Path dir;

  @Test
  void countsAndSharesOfTheAuditedRows() {
    Evidence[] rows = new Evidence[10];
    for (int i = 0; i < rows.length; i++) {
      rows[i] =
          Evidence.ofLabel(
              i < 5
                  ? "surname_and_geography"
                  : i < 7 ? "surname_only" : i < 9 ? "geography_only" : "none");
    }
    EvidenceCounts c = EvidenceCounts.of(rows);
    assertEquals(new EvidenceCounts(5, 2, 2, 1), c);
    assertEquals(10, c.rows());
    assertEquals(0.7, c.surnameShare(), 1e-15);
    assertEquals(0.7, c.geographyShare(), 1e-15);
    assertTrue(Double.isNaN(EvidenceCounts.of(new Evidence[0]).surnameShare()));
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> Evidence.ofLabel("surname"));
    assertEquals(
        "'surname' is not a proxy evidence (surname_and_geography, surname_only, geography_only,"
            + " none)",
        bad.getMessage());
  }

  @Test
  void theProvenanceFileReadsBackBesideItsCsv() throws Exception {
    EvidenceMix mix = new EvidenceMix(6, 3, 1, 1, 1, 2, 2, 2, 4, 1, 1);
    ProxyProvenance p =
        new ProxyProvenance(
            ReferenceTables.method(),
            List.of(ReferenceTables.source(ReferenceTables.SURNAMES)),
            "ZCTA",
            "in.csv",
            "last",
            "zip",
            ProxyCsv.probabilityColumns(),
            ProxyCsv.EVIDENCE_COLUMN,
            mix);
    Path csv = dir.resolve("Out.CSV");
    Path file = ProxyProvenance.beside(csv);
    assertEquals(dir.resolve("Out.bisg.json"), file);
    assertEquals(dir.resolve("data.bisg.json"), ProxyProvenance.beside(dir.resolve("data")));
    Files.writeString(file, p.toJson());
    assertEquals(p, ProxyProvenance.read(file));
    assertEquals(new EvidenceCounts(3, 1, 1, 1), mix.counts());
    Files.writeString(file, "{\"method\": 3}");
    DatasetException e = assertThrows(DatasetException.class, () -> ProxyProvenance.read(file));
    assertTrue(e.getMessage().startsWith(file + ": not a proxy provenance file"), e.getMessage());
  }
}
