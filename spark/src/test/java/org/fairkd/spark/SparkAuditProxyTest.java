package org.fairkd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --engine spark} on the output of {@code fairkd proxy bisg} (its evidence column and
 * FILE.bisg.json beside it) records the local engine's proxy block: the audited rows' evidence
 * (restricted to the split), the provenance file, hashed, and with {@code --proxy-truth} the
 * side-by-side biases; the whole audit.json equals the local engine's. (The student's score is not
 * the teacher's plus a constant: then the true SMD deltas and their variances are 0, and the two
 * engines' roundoff differs by up to 3e-9 in those intervals.)
 */
class SparkAuditProxyTest {
  private static final String SOFT =
      "race_bisg=white:p_white,black:p_black,hispanic:p_hispanic,asian:p_api";
  private static final List<String> EVIDENCE =
      List.of("surname_and_geography", "surname_only", "geography_only", "none");

  @TempDir static Path dir;
  private static Path proxied;

  private static CliRun fairkd(List<String> args) {
    return CliRun.of(args);
  }

  /** Synthetic applicants (surname, ZIP, some blanked; a split column), proxied by BISG. */
  @BeforeAll
  static void proxy() throws Exception {
    Path synth = dir.resolve("synth.csv");
    CliRun made =
        fairkd(
            List.of(
                "data",
                "synth",
                "--rows",
                "1500",
                "--seed",
                "5",
                "--out",
                synth.toString(),
                "--proxy-inputs"));
    assertEquals(0, made.code(), made.err());
    List<String> lines = Files.readAllLines(synth);
    List<String> header = List.of(lines.get(0).split(","));
    int race = header.indexOf("race");
    int surname = header.indexOf("surname");
    int zip = header.indexOf("zip");
    int outcome = header.indexOf("outcome");
    StringBuilder preds = new StringBuilder("race,surname,zip,label,t,s,split\n");
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      double t = (i * 0.618034) % 1 * 0.6 + 0.3 - (f[race].equals("black") ? 0.25 : 0);
      preds.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%s,%d,%.4f,%.4f,%s%n",
              f[race],
              i % 7 == 3 ? "" : f[surname],
              i % 10 == 0 ? "" : f[zip],
              f[outcome].equals("approved") ? 1 : 0,
              t,
              Math.min(1, Math.max(0, t + 0.1 * ((i * 0.4142136) % 1) - 0.03)),
              i % 4 == 0 ? "train" : "test"));
    }
    Path predictions = dir.resolve("preds.csv");
    Files.writeString(predictions, preds.toString());
    proxied = dir.resolve("proxied.csv");
    CliRun bisg =
        fairkd(
            List.of(
                "proxy",
                "bisg",
                "--input",
                predictions.toString(),
                "--surname",
                "surname",
                "--zip",
                "zip",
                "--out",
                proxied.toString()));
    assertEquals(0, bisg.code(), bisg.err());
    assertTrue(Files.isRegularFile(dir.resolve("proxied.bisg.json")));
  }

  private static List<String> audit(Path csv, Path out, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "audit",
                "--predictions",
                csv.toString(),
                "--label",
                "label",
                "--group",
                "race",
                "--soft-group",
                SOFT,
                "--reference",
                "race=white",
                "--reference",
                "race_bisg=white",
                "--teacher-score",
                "t",
                "--student-score",
                "s",
                "--policy",
                "lending-standard",
                "--bootstrap",
                "100",
                "--seed",
                "3",
                "--out",
                out.toString()));
    a.addAll(List.of(more));
    return a;
  }

  /** The local and the Spark engine's audit.json of the same arguments, after equal exit codes. */
  private static JsonNode[] both(String name, String... more) throws Exception {
    Path local = dir.resolve(name + "-local");
    Path spark = dir.resolve(name + "-spark");
    CliRun l = fairkd(audit(proxied, local, more));
    List<String> s = audit(proxied, spark, more);
    s.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    CliRun r = fairkd(s);
    assertTrue(l.code() == 0 || l.code() == 1, l.err());
    assertEquals(l.code(), r.code(), r.err());
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(local.resolve("audit.json").toFile());
    JsonNode b = json.readTree(spark.resolve("audit.json").toFile());
    List<String> d = AuditJsonDiff.differences(a, b, 0);
    assertTrue(d.isEmpty(), String.join("\n", d));
    return new JsonNode[] {a, b};
  }

  @Test
  void theProxyFoundByItsEvidenceColumnIsRecordedAsByTheLocalEngine() throws Exception {
    JsonNode spark = both("auto")[1];
    JsonNode p = spark.path("proxy");
    assertEquals("race_bisg", p.path("attribute").asText(), spark.toString());
    assertEquals("bisg_evidence", p.path("evidence_column").asText());
    List<String> lines = Files.readAllLines(proxied);
    List<String> header = List.of(lines.get(0).split(","));
    long[] n = new long[EVIDENCE.size()];
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f[header.indexOf("split")].equals("test")) {
        n[EVIDENCE.indexOf(f[header.indexOf("bisg_evidence")])]++;
      }
    }
    JsonNode a = p.path("audited_rows");
    assertEquals(n[0] + n[1] + n[2] + n[3], a.path("rows").asLong());
    assertTrue(a.path("rows").asLong() < lines.size() - 1, "the split restricts the rows");
    for (int k = 0; k < EVIDENCE.size(); k++) {
      assertEquals(n[k], a.path(EVIDENCE.get(k)).asLong(), EVIDENCE.get(k));
    }
    assertTrue(n[1] > 0 && n[2] > 0 && n[3] > 0, "the test data mixes the evidence");
    assertEquals(dir.resolve("proxied.bisg.json").toString(), p.path("provenance_file").asText());
    assertTrue(
        spark.path("provenance").path("inputs").toString().contains("proxy-provenance"),
        spark.path("provenance").toString());
  }

  @Test
  void withTheTruthTheBiasesAreTheLocalEngines() throws Exception {
    JsonNode spark = both("truth", "--proxy", "race_bisg", "--proxy-truth", "race")[1];
    JsonNode p = spark.path("proxy");
    assertEquals("race", p.path("truth").asText(), p.path("truth").toString());
    assertEquals("white", p.path("reference").asText());
    assertTrue(p.path("disparities").size() > 10, "side-by-side disparities");
  }

  @Test
  void aBadEvidenceValueIsOneLineNamingFileAndColumn() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(proxied));
    int ev = List.of(lines.get(0).split(",")).indexOf("bisg_evidence");
    String[] f = lines.get(1).split(",", -1);
    f[ev] = "phone_book";
    lines.set(1, String.join(",", f));
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, lines);
    List<String> args = audit(bad, dir.resolve("bad-out"), "--split", "all");
    args.addAll(List.of("--engine", "spark", "--master", "local[2]"));
    CliRun r = fairkd(args);
    assertEquals(2, r.code(), r.err());
    String last = r.err().strip().lines().reduce((x, y) -> y).orElse("");
    assertTrue(
        last.contains("bad.csv: column 'bisg_evidence': 'phone_book' is not a proxy evidence"),
        r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
