package org.fairkd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.Correction;
import org.fairkd.fairness.FairnessAnalysis;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.cells.TableEngine;
import org.fairkd.fairness.report.FairnessReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine (local[2]) against the local engine on the same generated rows: every count
 * metric, disparity, test and bootstrap interval equal to 1e-12, AUC / mean score / Brier / SMD /
 * KL and their intervals to 1e-9 relative (sums in another order), for the same seed.
 */
class SparkEngineEqualsLocalTest {
  private static final List<String> ROW_BASED =
      List.of("auc", "mean_score", "brier", "standardized_mean", "kl_divergence", "delong");

  @TempDir Path tmp;

  private static TableEngine.Request request(Path table, String compared, int bootstrap) {
    return new TableEngine.Request(
        table,
        "local[2]",
        "label",
        null,
        "teacher",
        compared,
        List.of("sex", "race"),
        Map.of(),
        null,
        null,
        0.5,
        bootstrap,
        0.95,
        30,
        7,
        Correction.HOLM,
        null,
        List.of(),
        List.of());
  }

  @Test
  void comparisonEqualsTheLocalEngineOnScoresWithThreeDecimals() {
    GeneratedTable t = new GeneratedTable(6000, 11, 3);
    t.writeCsv(tmp.resolve("parts"), 3);
    FairnessReport local = FairnessAnalysis.compare(t.input(200, 7), t.student);
    TableEngine.Result spark =
        new SparkTableEngine().analyze(request(tmp.resolve("parts"), "student", 200));
    assertEquals(0, spark.aucTieBound(), "every histogram bin holds one distinct score");
    assertEquals(6000, spark.rowsRead());
    assertSame(ReportNumbers.flatten(local), ReportNumbers.flatten(spark.report()));
  }

  @Test
  void oneModelEqualsTheLocalEngine() {
    GeneratedTable t = new GeneratedTable(3000, 12, 2);
    t.writeCsv(tmp.resolve("one"), 1);
    FairnessReport local = FairnessAnalysis.analyze(t.input(100, 7));
    TableEngine.Result spark =
        new SparkTableEngine().analyze(request(tmp.resolve("one/part-0.csv"), null, 100));
    assertSame(ReportNumbers.flatten(local), ReportNumbers.flatten(spark.report()));
  }

  @Test
  void unroundedScoresGiveAucsWithinTheStatedBound() {
    GeneratedTable t = new GeneratedTable(20000, 13, -1);
    t.writeCsv(tmp.resolve("cont"), 2);
    FairnessReport local = FairnessAnalysis.compare(t.input(0, 7), t.student);
    TableEngine.Result spark =
        new SparkTableEngine().analyze(request(tmp.resolve("cont"), "student", 0));
    double bound = spark.aucTieBound();
    assertTrue(bound > 0 && bound < 1e-3, "bound " + bound);
    Map<String, Object> a = ReportNumbers.flatten(local);
    Map<String, Object> b = ReportNumbers.flatten(spark.report());
    int aucs = 0;
    for (String k : a.keySet()) {
      if (k.endsWith(".auc.value") && a.get(k) instanceof Double x) {
        assertEquals(x, (Double) b.get(k), bound, k);
        aucs++;
      }
    }
    assertTrue(aucs > 10, "compared " + aucs + " AUCs");
  }

  @Test
  void aBadScoreNamesTheFileAndColumn() {
    GeneratedTable t = new GeneratedTable(100, 14, 3);
    t.teacher[50] = 1.5;
    t.writeCsv(tmp.resolve("bad"), 1);
    FairnessException e =
        assertThrows(
            FairnessException.class,
            () ->
                new SparkTableEngine()
                    .analyze(request(tmp.resolve("bad/part-0.csv"), "student", 10)));
    assertEquals(
        "part-0.csv: column 'teacher': score 1.5 (scores are probabilities in [0, 1])",
        e.getMessage());
  }

  /**
   * Same keys; row-based numbers to 1e-9 relative, every other number to 1e-12 relative (weighted
   * sums of many rows differ in the last bits when summed per partition).
   */
  static void assertSame(Map<String, Object> local, Map<String, Object> spark) {
    assertEquals(local.keySet(), spark.keySet());
    int tight = 0;
    for (Map.Entry<String, Object> e : local.entrySet()) {
      Object x = e.getValue();
      Object y = spark.get(e.getKey());
      if (x instanceof Double dx && y instanceof Double dy) {
        boolean rowBased = ROW_BASED.stream().anyMatch(e.getKey()::contains);
        double tol = (rowBased ? 1e-9 : 1e-12) * Math.max(1, Math.abs(dx));
        if (Double.isNaN(dx)) {
          assertTrue(Double.isNaN(dy), e.getKey());
        } else {
          assertEquals(dx, dy, tol, e.getKey());
        }
        tight += rowBased ? 0 : 1;
      } else {
        assertEquals(x, y, e.getKey());
      }
    }
    assertTrue(tight > 100, "compared " + tight + " count-based numbers");
  }
}
