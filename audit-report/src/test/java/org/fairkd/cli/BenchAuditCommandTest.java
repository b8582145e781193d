package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairkd bench audit} runs end to end on a few rows and writes its CSV. */
class BenchAuditCommandTest {
  @TempDir Path tmp;

  @Test
  void smallBenchPrintsEveryStageAndWritesTheCsv() throws Exception {
    Path csv = tmp.resolve("p.csv");
    var r =
        CliRun.run(
            "bench",
            "audit",
            "--rows",
            "3000",
            "--repeats",
            "1",
            "--warmup",
            "0",
            "--bootstrap",
            "20",
            "--csv",
            csv.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("fairness analysis + comparison"), r.out());
    assertTrue(r.out().contains("report.html + junit.xml"), r.out());
    assertEquals(3001, Files.readAllLines(csv).size());
    assertEquals("label,sex,race,teacher_score,student_score", Files.readAllLines(csv).get(0));
    var bad = CliRun.run("bench", "audit", "--rows", "5");
    assertEquals(2, bad.exitCode());
  }
}
