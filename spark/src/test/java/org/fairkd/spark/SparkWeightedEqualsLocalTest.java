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
 * The Spark engine (local[2]) with row weights, soft membership and both, against the local engine
 * on the same generated rows and seed: every count metric, disparity, test and Poisson bootstrap
 * interval to 1e-12, the row-based numbers to 1e-9 relative (sums in another order), the AUC exact
 * (3-decimal scores); and the same result however the table is split into files and partitions.
 */
class SparkWeightedEqualsLocalTest {
  @TempDir Path tmp;

  private static final TableEngine.SoftAttribute RACE =
      new TableEngine.SoftAttribute(
          "race_p", GeneratedTable.RACES, List.of("p_white", "p_black", "p_asian"));

  private static TableEngine.Request request(
      Path table, String compared, boolean weighted, boolean soft) {
    return new TableEngine.Request(
        table,
        "local[2]",
        "label",
        null,
        "teacher",
        compared,
        soft ? List.of("sex") : List.of("sex", "race"),
        Map.of(),
        null,
        null,
        0.5,
        150,
        0.95,
        30,
        7,
        Correction.HOLM,
        weighted ? "weight" : null,
        soft ? List.of(RACE) : List.of(),
        List.of());
  }

  private static void assertEqualsLocal(
      GeneratedTable t, Path table, boolean weighted, boolean soft) {
    FairnessReport local = FairnessAnalysis.compare(t.input(150, 7, weighted, soft), t.student);
    TableEngine.Result spark =
        new SparkTableEngine().analyze(request(table, "student", weighted, soft));
    assertEquals(0, spark.aucTieBound(), "every histogram bin holds one distinct score");
    assertEquals("poisson_rows", spark.report().config().bootstrapMethod());
    SparkEngineEqualsLocalTest.assertSame(
        ReportNumbers.flatten(local), ReportNumbers.flatten(spark.report()));
  }

  @Test
  void rowWeightsEqualTheLocalEngine() {
    GeneratedTable t = new GeneratedTable(4000, 31, 3);
    t.writeCsv(tmp.resolve("w"), 3);
    assertEqualsLocal(t, tmp.resolve("w"), true, false);
  }

  @Test
  void softMembershipEqualsTheLocalEngine() {
    GeneratedTable t = new GeneratedTable(4000, 32, 3);
    t.writeCsv(tmp.resolve("s"), 2);
    assertEqualsLocal(t, tmp.resolve("s"), false, true);
  }

  @Test
  void weightsAndSoftMembershipEqualTheLocalEngine() {
    GeneratedTable t = new GeneratedTable(4000, 33, 3);
    t.writeCsv(tmp.resolve("ws"), 2);
    assertEqualsLocal(t, tmp.resolve("ws"), true, true);
  }

  @Test
  void oneModelWithWeightsAndSoftMembershipEqualsTheLocalEngine() {
    GeneratedTable t = new GeneratedTable(2000, 34, 2);
    t.writeCsv(tmp.resolve("one"), 1);
    FairnessReport local = FairnessAnalysis.analyze(t.input(150, 7, true, true));
    TableEngine.Result spark =
        new SparkTableEngine().analyze(request(tmp.resolve("one"), null, true, true));
    SparkEngineEqualsLocalTest.assertSame(
        ReportNumbers.flatten(local), ReportNumbers.flatten(spark.report()));
  }

  @Test
  void theResultDoesNotDependOnFilesOrPartitions() {
    GeneratedTable t = new GeneratedTable(3000, 35, 3);
    t.writeCsv(tmp.resolve("p1"), 1);
    t.writeCsv(tmp.resolve("p5"), 5);
    TableEngine.Result one =
        new SparkTableEngine().analyze(request(tmp.resolve("p1"), "student", true, true));
    TableEngine.Result five =
        new SparkTableEngine().analyze(request(tmp.resolve("p5"), "student", true, true));
    org.apache.spark.sql.SparkSession spark = SparkSessions.get("local[2]");
    String key = "spark.sql.files.maxPartitionBytes";
    spark.conf().set(key, "16k");
    TableEngine.Result split;
    try {
      split = new SparkTableEngine().analyze(request(tmp.resolve("p1"), "student", true, true));
    } finally {
      spark.conf().unset(key);
    }
    Map<String, Object> a = ReportNumbers.flatten(one.report());
    for (TableEngine.Result other : List.of(five, split)) {
      Map<String, Object> b = ReportNumbers.flatten(other.report());
      assertEquals(a.keySet(), b.keySet());
      int numbers = 0;
      for (String k : a.keySet()) {
        if (a.get(k) instanceof Double x && !x.isNaN()) {
          assertEquals(x, (Double) b.get(k), 1e-12 * Math.max(1, Math.abs(x)), k);
          numbers++;
        } else {
          assertEquals(a.get(k), b.get(k), k);
        }
      }
      assertTrue(numbers > 500, "compared " + numbers);
    }
  }

  @Test
  void aProbabilityOutsideTheUnitIntervalNamesTheFileAndColumn() {
    GeneratedTable t = new GeneratedTable(100, 36, 3);
    t.raceProbability[1][40] = 1.5;
    t.writeCsv(tmp.resolve("bad"), 1);
    FairnessException e =
        assertThrows(
            FairnessException.class,
            () ->
                new SparkTableEngine()
                    .analyze(request(tmp.resolve("bad/part-0.csv"), null, true, true)));
    assertEquals(
        "part-0.csv: column 'p_black': '1.5' is not a probability in [0, 1]", e.getMessage());
  }
}
