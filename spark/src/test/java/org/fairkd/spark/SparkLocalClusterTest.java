package org.fairkd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --engine spark --master local-cluster[1,2,1024]}: Spark's in-process standalone
 * master and worker, whose executor is a separate JVM (started by the worker from this JVM's class
 * path, as Spark's own tests do: {@code spark.testing}, {@code spark.test.home}), so that every
 * closure, cell builder and partial sum is serialized to it and back. The audit.json equals the
 * local engine's. Skipped with a message when no executor registers within 90 s.
 * spark/cluster-smoke.sh does the same through spark-submit with a separate master and worker.
 */
class SparkLocalClusterTest {
  private static final String MASTER = "local-cluster[1,2,1024]";

  @TempDir static Path tmp;

  @BeforeAll
  static void cluster() throws Exception {
    // The module's tests share one local[2] session; this test needs its own.
    stopAll();
    Path home = tmp.resolve("spark-home");
    // What the executor launcher looks for under the Spark home: jars/ (empty: the class path is
    // this JVM's) and the Scala version's build directory.
    Files.createDirectories(home.resolve("jars"));
    Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
    System.setProperty("spark.testing", "true");
    System.setProperty("spark.test.home", home.toString());
    SparkSession s = SparkSessions.get(MASTER);
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (s.sparkContext().statusTracker().getExecutorInfos().length < 2
        && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    boolean up = s.sparkContext().statusTracker().getExecutorInfos().length >= 2;
    if (!up) {
      stop(s);
      clearProperties();
    }
    Assumptions.assumeTrue(
        up, "no executor of " + MASTER + " registered within 90 s: Spark could not start its JVM");
  }

  private static void stop(SparkSession s) {
    s.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  private static void stopAll() {
    if (SparkSession.getDefaultSession().isDefined()) {
      stop(SparkSession.getDefaultSession().get());
    }
    if (SparkSession.getActiveSession().isDefined()) {
      stop(SparkSession.getActiveSession().get());
    }
  }

  private static void clearProperties() {
    System.clearProperty("spark.testing");
    System.clearProperty("spark.test.home");
  }

  @AfterAll
  static void stopCluster() {
    stopAll();
    clearProperties();
  }

  @Test
  void anAuditWithExecutorJvmsWritesTheLocalEnginesAuditJson() throws Exception {
    GeneratedTable t = new GeneratedTable(6000, 31, 4);
    t.writeCsv(tmp.resolve("in"), 1);
    Path csv = tmp.resolve("in/part-0.csv");
    List<String> args =
        List.of(
            "audit",
            "--predictions",
            csv.toString(),
            "--label",
            "label",
            "--group",
            "sex",
            "--soft-group",
            "race_p=white:p_white,black:p_black,asian:p_asian",
            "--teacher-score",
            "teacher",
            "--student-score",
            "student",
            "--policy",
            "lending-standard",
            "--bootstrap",
            "200",
            "--seed",
            "11",
            "--out");
    List<String> local = new ArrayList<>(args);
    local.add(tmp.resolve("local").toString());
    List<String> cluster = new ArrayList<>(args);
    cluster.addAll(List.of(tmp.resolve("cluster").toString(), "--engine", "spark"));
    cluster.addAll(List.of("--master", MASTER));
    CliRun l = CliRun.of(local);
    CliRun c = CliRun.of(cluster);
    assertTrue(l.code() == 0 || l.code() == 1, l.err());
    assertEquals(l.code(), c.code(), c.err());
    SparkSession s = SparkSession.getDefaultSession().get();
    assertEquals(MASTER, s.sparkContext().master());
    assertTrue(
        s.sparkContext().statusTracker().getExecutorInfos().length >= 2,
        "the driver and at least one executor JVM");
    ObjectMapper json = new ObjectMapper();
    List<String> d =
        AuditJsonDiff.differences(
            json.readTree(tmp.resolve("local/audit.json").toFile()),
            json.readTree(tmp.resolve("cluster/audit.json").toFile()),
            0);
    assertTrue(d.isEmpty(), String.join("\n", d));
  }
}
