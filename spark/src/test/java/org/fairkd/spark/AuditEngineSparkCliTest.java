package org.fairkd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkd audit --engine spark --master local[2]} writes the audit.json and junit.xml of the
 * local engine on the same CSV (the command line and timestamps masked; row-based numbers to 1e-9
 * relative, every other number equal), with the same exit code; {@code metrics} likewise.
 */
class AuditEngineSparkCliTest {
  @TempDir Path tmp;

  private static CliRun fairkd(List<String> args) {
    return CliRun.of(args);
  }

  private List<String> audit(Path csv, Path out) {
    return new ArrayList<>(
        List.of(
            "audit",
            "--predictions",
            csv.toString(),
            "--label",
            "label",
            "--group",
            "sex",
            "--group",
            "race",
            "--teacher-score",
            "teacher",
            "--student-score",
            "student",
            "--policy",
            "lending-standard",
            "--bootstrap",
            "200",
            "--seed",
            "7",
            "--out",
            out.toString()));
  }

  @Test
  void sparkAuditWritesTheLocalAuditJson() throws Exception {
    GeneratedTable t = new GeneratedTable(5000, 21, 3);
    t.writeCsv(tmp.resolve("in"), 1);
    Path csv = tmp.resolve("in/part-0.csv");
    CliRun local = fairkd(audit(csv, tmp.resolve("local")));
    List<String> args = audit(csv, tmp.resolve("spark"));
    args.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    CliRun spark = fairkd(args);
    assertTrue(local.code() == 0 || local.code() == 1, local.err());
    assertEquals(local.code(), spark.code(), spark.err());
    assertTrue(spark.err().contains("spark engine: "), spark.err());
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(tmp.resolve("local/audit.json").toFile());
    JsonNode b = json.readTree(tmp.resolve("spark/audit.json").toFile());
    assertSameJson(a, b);
    assertEquals(junit(tmp.resolve("local/junit.xml")), junit(tmp.resolve("spark/junit.xml")));
    assertTrue(Files.size(tmp.resolve("spark/report.html")) > 10_000);
  }

  @Test
  void sparkAuditWithASoftGroupWritesTheLocalAuditJson() throws Exception {
    GeneratedTable t = new GeneratedTable(4000, 24, 3);
    t.writeCsv(tmp.resolve("soft"), 1);
    List<String> soft = List.of("--soft-group", "race_p=white:p_white,black:p_black,asian:p_asian");
    List<String> args = audit(tmp.resolve("soft/part-0.csv"), tmp.resolve("local"));
    args.remove(args.lastIndexOf("--group"));
    args.remove("race");
    args.addAll(soft);
    CliRun local = fairkd(args);
    List<String> sparkArgs = audit(tmp.resolve("soft/part-0.csv"), tmp.resolve("spark"));
    sparkArgs.remove(sparkArgs.lastIndexOf("--group"));
    sparkArgs.remove("race");
    sparkArgs.addAll(soft);
    sparkArgs.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    CliRun spark = fairkd(sparkArgs);
    assertTrue(local.code() == 0 || local.code() == 1, local.err());
    assertEquals(local.code(), spark.code(), spark.err());
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(tmp.resolve("local/audit.json").toFile());
    JsonNode b = json.readTree(tmp.resolve("spark/audit.json").toFile());
    assertEquals(
        "poisson_rows", b.at("/provenance/config/bootstrap_method").asText(), b.toString());
    assertSameJson(a, b);
    assertEquals(junit(tmp.resolve("local/junit.xml")), junit(tmp.resolve("spark/junit.xml")));
  }

  @Test
  void sparkMetricsWithWeightsWritesTheLocalJson() throws Exception {
    GeneratedTable t = new GeneratedTable(3000, 25, 2);
    t.writeCsv(tmp.resolve("w"), 1);
    String csv = tmp.resolve("w/part-0.csv").toString();
    List<String> args =
        List.of(
            "metrics",
            "--input",
            csv,
            "--label",
            "label",
            "--score",
            "teacher",
            "--compare-score",
            "student",
            "--group",
            "sex",
            "--group",
            "race",
            "--weights",
            "weight",
            "--bootstrap",
            "100",
            "--out");
    List<String> local = new ArrayList<>(args);
    local.add(tmp.resolve("local.json").toString());
    List<String> spark = new ArrayList<>(args);
    spark.add(tmp.resolve("spark.json").toString());
    spark.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    assertEquals(0, fairkd(local).code());
    CliRun s = fairkd(spark);
    assertEquals(0, s.code(), s.err());
    ObjectMapper json = new ObjectMapper();
    JsonNode b = json.readTree(tmp.resolve("spark.json").toFile());
    assertTrue(b.toString().contains("poisson_rows"), b.toString());
    assertSameJson(json.readTree(tmp.resolve("local.json").toFile()), b);
  }

  @Test
  void sparkMetricsWritesTheLocalJson() throws Exception {
    GeneratedTable t = new GeneratedTable(3000, 22, 2);
    t.writeCsv(tmp.resolve("m"), 1);
    String csv = tmp.resolve("m/part-0.csv").toString();
    List<String> args =
        List.of(
            "metrics",
            "--input",
            csv,
            "--label",
            "label",
            "--score",
            "teacher",
            "--compare-score",
            "student",
            "--group",
            "sex",
            "--group",
            "race",
            "--bootstrap",
            "100",
            "--out");
    List<String> local = new ArrayList<>(args);
    local.add(tmp.resolve("local.json").toString());
    List<String> spark = new ArrayList<>(args);
    spark.add(tmp.resolve("spark.json").toString());
    spark.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    assertEquals(0, fairkd(local).code());
    CliRun s = fairkd(spark);
    assertEquals(0, s.code(), s.err());
    ObjectMapper json = new ObjectMapper();
    assertSameJson(
        json.readTree(tmp.resolve("local.json").toFile()),
        json.readTree(tmp.resolve("spark.json").toFile()));
  }

  @Test
  void aMissingColumnIsOneLineAndExitTwo() {
    GeneratedTable t = new GeneratedTable(200, 23, 3);
    t.writeCsv(tmp.resolve("x"), 1);
    List<String> args = audit(tmp.resolve("x/part-0.csv"), tmp.resolve("o"));
    args.set(args.indexOf("teacher"), "nope");
    args.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    CliRun r = fairkd(args);
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .strip()
            .endsWith(
                "part-0.csv: no column 'nope' (columns: label, teacher, student, sex, race, split,"
                    + " weight, p_white, p_black, p_asian)"),
        r.err());
  }

  @Test
  void aUriIsRefusedInOneLine() {
    List<String> args = audit(Path.of("hdfs://namenode:8020/data/preds.parquet"), tmp.resolve("u"));
    args.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    CliRun r = fairkd(args);
    assertEquals(2, r.code());
    assertEquals(
        "fairkd: error: --predictions hdfs:/namenode:8020/data/preds.parquet: URIs (hdfs://, s3a://,"
            + " ...) are not supported; give a path that the driver and every executor see (e.g. a"
            + " shared mount)",
        r.err().strip());
  }

  /**
   * junit.xml without its timestamp, every full-precision number in the evidence rounded to 10
   * significant digits (row-based numbers differ in the last bits: sums in another order).
   */
  private static String junit(Path p) throws Exception {
    String text = Files.readString(p).replaceAll("timestamp=\"[^\"]*\"", "");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("-?\\d+\\.\\d{8,}(E-?\\d+)?").matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          b, String.format(java.util.Locale.ROOT, "%.10g", Double.parseDouble(m.group())));
    }
    return m.appendTail(b).toString();
  }

  /**
   * Equal audit/metrics JSON from the two engines ({@link AuditJsonDiff}: command and times masked;
   * row-based numbers to 1e-9, the rest to 1e-12 relative; exact AUC here).
   */
  private static void assertSameJson(JsonNode a, JsonNode b) {
    List<String> d = AuditJsonDiff.differences(a, b, 0);
    assertTrue(d.isEmpty(), d.size() + " difference(s): " + d.subList(0, Math.min(10, d.size())));
  }
}
