package org.fairkd.cli;

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
import org.fairkd.audit.json.AuditJsonReader;
import org.fairkd.audit.json.AuditJsonWriter;
import org.fairkd.base.files.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkd audit} on the output of {@code fairkd proxy bisg}, with the true race beside the
 * proxy: the proxy block of audit.json checked against the file (evidence counted row by row,
 * probability-weighted selection rates recomputed), its provenance hashed, the report's section.
 */
class AuditProxyTest {
  private static final String SOFT =
      "race_bisg=white:p_white,black:p_black,hispanic:p_hispanic,asian:p_api";
  private static final String[] GROUPS = {"white", "black", "hispanic", "asian"};
  private static final String[] PROXY_COLUMNS = {"p_white", "p_black", "p_hispanic", "p_api"};

  @TempDir static Path dir;
  private static Path proxied;
  private static Path out;
  private static JsonNode audit;

  /**
   * Synthetic applicants with surname and ZIP (some blanked, some both: a mix of evidence), teacher
   * score {@code t} and student score {@code s} lower for black applicants; proxied, then audited.
   */
  @BeforeAll
  static void auditTheProxy() throws Exception {
    Path synth = dir.resolve("synth.csv");
    CliRun made =
        CliRun.run(
            "data",
            "synth",
            "--rows",
            "1500",
            "--seed",
            "5",
            "--out",
            synth.toString(),
            "--proxy-inputs");
    assertEquals(0, made.exitCode(), made.err());
    List<String> lines = Files.readAllLines(synth);
    List<String> header = List.of(lines.get(0).split(","));
    int race = header.indexOf("race");
    int surname = header.indexOf("surname");
    int zip = header.indexOf("zip");
    int outcome = header.indexOf("outcome");
    StringBuilder preds = new StringBuilder("race,surname,zip,label,t,s\n");
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      double penalty = f[race].equals("black") ? 0.25 : 0;
      double t = (i * 0.618034) % 1 * 0.6 + 0.3 - penalty;
      preds.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%s,%d,%.4f,%.4f%n",
              f[race],
              i % 7 == 3 ? "" : f[surname],
              i % 10 == 0 ? "" : f[zip],
              f[outcome].equals("approved") ? 1 : 0,
              t,
              Math.min(1, t + 0.02)));
    }
    Path predictions = dir.resolve("preds.csv");
    Files.writeString(predictions, preds.toString());
    proxied = dir.resolve("proxied.csv");
    CliRun bisg =
        CliRun.run(
            "proxy",
            "bisg",
            "--input",
            predictions.toString(),
            "--surname",
            "surname",
            "--zip",
            "zip",
            "--out",
            proxied.toString());
    assertEquals(0, bisg.exitCode(), bisg.err());
    out = dir.resolve("out");
    CliRun run = CliRun.run(args(proxied, out, "--proxy-truth", "race"));
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
    audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
  }

  private static String[] args(Path csv, Path outDir, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
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
                "--bootstrap",
                "0"));
    a.addAll(List.of(more));
    return AuditArgs.of(csv, outDir, a.toArray(String[]::new));
  }

  private static List<String[]> rows() throws Exception {
    List<String> lines = Files.readAllLines(proxied);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  private static int column(String name) throws Exception {
    return List.of(Files.readAllLines(proxied).get(0).split(",")).indexOf(name);
  }

  @Test
  void everyAuditedRowsEvidenceIsCountedAndTheProvenanceHashed() throws Exception {
    JsonNode p = audit.path("proxy");
    assertEquals("race_bisg", p.path("attribute").asText());
    int ev = column("bisg_evidence");
    long[] n = new long[4];
    List<String> labels =
        List.of("surname_and_geography", "surname_only", "geography_only", "none");
    for (String[] f : rows()) {
      n[labels.indexOf(f[ev])]++;
    }
    JsonNode a = p.path("audited_rows");
    assertEquals(1500, a.path("rows").asLong());
    for (int k = 0; k < labels.size(); k++) {
      assertEquals(n[k], a.path(labels.get(k)).asLong(), labels.get(k));
    }
    assertTrue(n[1] > 0 && n[2] > 0 && n[3] > 0, "the test data mixes the evidence");
    assertEquals(
        n[3],
        audit.path("data").get(0).path("missing").path("race_bisg").asLong(),
        "rows without a proxy count as missing");
    assertEquals((n[0] + n[1]) / 1500.0, a.path("surname_share").asDouble(), 1e-12);
    assertEquals((n[0] + n[2]) / 1500.0, a.path("geography_share").asDouble(), 1e-12);
    Path sidecar = dir.resolve("proxied.bisg.json");
    assertEquals(sidecar.toString(), p.path("provenance_file").asText());
    assertEquals(1500, p.path("provenance").path("file_evidence").path("rows").asLong());
    assertEquals(
        "surnames_2010_race_counts.csv",
        p.path("provenance").path("tables").get(0).path("file").asText());
    boolean hashed = false;
    for (JsonNode in : audit.path("provenance").path("inputs")) {
      hashed |=
          in.path("role").asText().equals("proxy-provenance")
              && in.path("sha256").asText().equals(Sha256.of(sidecar));
    }
    assertTrue(hashed, audit.path("provenance").path("inputs").toString());
  }

  @Test
  void proxyEstimatesAreWeightedRecomputationsBesideTheTrueOnes() throws Exception {
    int t = column("t");
    int race = column("race");
    double[] weight = new double[GROUPS.length];
    double[] selected = new double[GROUPS.length];
    double[] trueCount = new double[GROUPS.length];
    double[] trueSelected = new double[GROUPS.length];
    for (String[] f : rows()) {
      boolean approved = Double.parseDouble(f[t]) >= 0.5;
      for (int g = 0; g < GROUPS.length; g++) {
        String cell = f[column(PROXY_COLUMNS[g])];
        double w = cell.isEmpty() ? 0 : Double.parseDouble(cell);
        weight[g] += w;
        selected[g] += approved ? w : 0;
        if (f[race].equals(GROUPS[g])) {
          trueCount[g]++;
          trueSelected[g] += approved ? 1 : 0;
        }
      }
    }
    JsonNode p = audit.path("proxy");
    assertEquals("race", p.path("truth").asText());
    assertEquals("white", p.path("reference").asText());
    int checked = 0;
    for (JsonNode d : p.path("disparities")) {
      if (!d.path("model").asText().equals("teacher")) {
        continue;
      }
      int g = List.of(GROUPS).indexOf(d.path("group").asText());
      double proxyRate = selected[g] / weight[g];
      double trueRate = trueSelected[g] / trueCount[g];
      double proxyWhite = selected[0] / weight[0];
      double trueWhite = trueSelected[0] / trueCount[0];
      double[] expected =
          switch (d.path("metric").asText()) {
            case "selection_rate" -> new double[] {trueRate, proxyRate};
            case "adverse_impact_ratio" ->
                new double[] {trueRate / trueWhite, proxyRate / proxyWhite};
            case "statistical_parity_difference" ->
                new double[] {trueRate - trueWhite, proxyRate - proxyWhite};
            default -> throw new AssertionError(d.toString());
          };
      assertEquals(expected[0], d.path("truth").path("value").asDouble(), 1e-9, d.toString());
      assertEquals(expected[1], d.path("proxy").path("value").asDouble(), 1e-9, d.toString());
      assertEquals(expected[1] - expected[0], d.path("bias").asDouble(), 1e-9, d.toString());
      checked++;
    }
    assertEquals(1 + 3 * 3, checked, "white's selection rate; three metrics per group against it");
    double trueAir =
        audit
            .path("models")
            .path("teacher")
            .path("disparities")
            .path("race")
            .path("adverse_impact_ratio")
            .path("black")
            .path("value")
            .asDouble();
    assertEquals(
        (trueSelected[1] / trueCount[1]) / (trueSelected[0] / trueCount[0]), trueAir, 1e-9);
  }

  @Test
  void theBlockReadsBackAndTheReportShowsIt() throws Exception {
    String text = Files.readString(out.resolve("audit.json"));
    assertEquals(text, AuditJsonWriter.write(AuditJsonReader.read(out.resolve("audit.json"))));
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<section id=\"proxy\">"), "the proxy section is shown");
    assertTrue(html.contains("Bias (proxy − true)"), "with the side-by-side table");
  }

  @Test
  void anAuditWithoutTheEvidenceColumnHasNoProxyAndBadOptionsAreOneLine() throws Exception {
    List<String> lines = Files.readAllLines(proxied);
    List<String> cut = new ArrayList<>();
    for (String line : lines) {
      cut.add(line.substring(0, line.lastIndexOf(',')));
    }
    Path plain = dir.resolve("plain.csv");
    Files.write(plain, cut);
    Path plainOut = dir.resolve("plain-out");
    CliRun run = CliRun.run(args(plain, plainOut));
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
    JsonNode a = new ObjectMapper().readTree(plainOut.resolve("audit.json").toFile());
    assertFalse(a.has("proxy"), "no evidence column, no proxy block");
    assertError(
        CliRun.run(args(plain, dir.resolve("o1"), "--proxy-truth", "race")),
        "--proxy-truth race: no proxy in "
            + plain
            + " (a soft attribute on p_white ... p_multi and the column 'bisg_evidence'; name it"
            + " with --proxy ATTR)");
    assertError(
        CliRun.run(args(proxied, dir.resolve("o2"), "--proxy", "race")),
        "--proxy 'race': no soft attribute of that name (soft attributes: race_bisg)");
    List<String> bad = new ArrayList<>(lines);
    bad.set(4, lines.get(4).substring(0, lines.get(4).lastIndexOf(',')) + ",maybe");
    Path badFile = dir.resolve("bad.csv");
    Files.write(badFile, bad);
    assertError(
        CliRun.run(args(badFile, dir.resolve("o3"))),
        "bad.csv:5: column 'bisg_evidence': 'maybe' is not a proxy evidence"
            + " (surname_and_geography, surname_only, geography_only, none)");
    assertFalse(Files.exists(dir.resolve("o3/audit.json")));
  }

  /** Exit 2 and, after any data notes, one error line. */
  private static void assertError(CliRun r, String message) {
    assertEquals(ExitCodes.ERROR, r.exitCode(), r.err());
    List<String> lines = r.err().lines().filter(l -> !l.startsWith("fairkd: note: ")).toList();
    assertEquals(List.of("fairkd: error: " + message), lines);
  }
}
