package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.fairkd.base.scores.ScoreStats;
import org.fairkd.fairness.stats.DeLong;
import org.fairkd.fairness.stats.RowSample;
import org.fairkd.fairness.stats.SortedView;
import org.fairkd.kd.files.DistillJsonReader;
import org.fairkd.kd.files.DistillJsonWriter;
import org.fairkd.kd.summary.DistillSummary;
import org.junit.jupiter.api.Test;

/**
 * Checks across modules: the shared AUC agrees with fairness's DeLong; distill.json round-trips.
 */
class SharedFormatsTest {
  @Test
  void scoreStatsAucEqualsDeLongPointAucOnUnitWeights() {
    Random r = new Random(5);
    int n = 2000;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    int[] rows = new int[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = Math.round(r.nextDouble() * 50) / 50.0; // many ties
      y[i] = r.nextDouble() < s[i];
      rows[i] = i;
      w[i] = 1;
    }
    RowSample sample = new RowSample(rows, w);
    double delong = DeLong.auc(sample, s, y, SortedView.of(sample, s, y)).value();
    assertEquals(delong, ScoreStats.auc(s, y), 1e-12);
  }

  @Test
  void theGoldenDistillJsonReadsAndWritesBackUnchanged() throws Exception {
    byte[] golden;
    Path gz = Path.of("src", "test", "resources", "golden", "demo-distill.json.gz");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      golden = in.readAllBytes();
    }
    Path f = Files.createTempFile("distill", ".json");
    try {
      Files.write(f, golden);
      DistillSummary s = DistillJsonReader.read(f);
      assertEquals(0.7133698675199617, s.test().teacher().auc());
      assertEquals("32", s.selection().architecture());
      ObjectMapper om = new ObjectMapper();
      JsonNode want = om.readTree(golden);
      JsonNode got = om.readTree(DistillJsonWriter.bytes(s));
      assertEquals(want, got);
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
