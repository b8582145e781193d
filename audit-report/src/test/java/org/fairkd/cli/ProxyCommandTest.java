package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.TabularDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairkd proxy bisg} through the command line: files written, exit codes, errors. */
class ProxyCommandTest {
  @TempDir Path dir;

  /**
   * {@code proxy bisg --input IN --surname surname GEO COL --out OUT MORE...}, the geography column
   * named as its option ({@code --zip zip}, {@code --tract tract}).
   */
  private static String[] bisg(Path in, Path out, String geoOption, String... more) {
    return CliRun.plus(
        new String[] {
          "proxy",
          "bisg",
          "--input",
          in.toString(),
          "--surname",
          "surname",
          geoOption,
          geoOption.substring(2),
          "--out",
          out.toString()
        },
        more);
  }

  private static void assertUserError(CliRun r, String expectedMessage) {
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("fairkd: error: " + expectedMessage + System.lineSeparator(), r.err());
  }

  @Test
  void writesTheProxyAndItsProvenance() throws Exception {
    Path in = dir.resolve("apps.csv");
    Files.writeString(in, "id,surname,tract\n1,Nguyen,06081607300\n2,Nguyen,\n");
    Path out = dir.resolve("sub/proxied.csv");
    CliRun r = CliRun.run(bisg(in, out, "--tract", "--id", "id"));
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals("id,p_white,p_black,p_hispanic,p_api,p_aian,p_multi,bisg_evidence", lines.get(0));
    assertTrue(lines.get(1).endsWith(",surname_and_geography"), lines.get(1));
    assertTrue(lines.get(2).endsWith(",surname_only"), lines.get(2));
    double api = Double.parseDouble(lines.get(1).split(",")[4]);
    assertTrue(api > 0.5 && api < 1, lines.get(1));
    JsonNode prov = new ObjectMapper().readTree(dir.resolve("sub/proxied.bisg.json").toFile());
    assertEquals("TRACT", prov.get("geography").asText());
    assertEquals(1, prov.get("evidence").get("geoFound").asInt());
    assertEquals(
        "cfpb_tract_over18_race_dec10.csv", prov.get("tables").get(1).get("file").asText());
    assertTrue(prov.get("method").asText().startsWith("CFPB proxy methodology (2014)"));
    try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
      assertEquals(2, files.count(), "no temporary file is left behind");
    }
    assertUserError(
        CliRun.run(bisg(in, out, "--tract")), out + " exists (use --force to overwrite)");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path in = dir.resolve("apps.csv");
    Files.writeString(in, "id,surname,zip\n1,Smith,1234\n");
    Path out = dir.resolve("out.csv");
    String[] args = bisg(in, out, "--zip");
    assertUserError(
        CliRun.run(args),
        "apps.csv: line 2: column 'zip': malformed ZIP code '1234' (want 5 digits or ZIP+4,"
            + " leading zeros kept)");
    assertTrue(Files.notExists(out), "no output after an error");
    assertUserError(
        CliRun.run(CliRun.with(args, "--surname", "last")),
        "apps.csv: line 1: --surname column 'last' not found (columns: id, surname, zip)");
    Path missing = dir.resolve("nope.csv");
    assertUserError(
        CliRun.run(CliRun.with(args, "--input", missing.toString())), missing + ": no such file");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertUserError(
        CliRun.run(CliRun.with(args, "--input", empty.toString())),
        "empty.csv: empty file (no header row)");
    assertUserError(
        CliRun.run(CliRun.plus(CliRun.with(args, "--out", in.toString()), "--force")),
        "--out " + in + " is the input file; choose another");
    assertEquals("id,surname,zip\n1,Smith,1234\n", Files.readString(in), "input untouched");
    CliRun both = CliRun.run(CliRun.plus(args, "--tract", "zip"));
    assertEquals(2, both.exitCode());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
  }

  @Test
  void syntheticProxyInputsLoadAndProxyBackToTheirRace() throws Exception {
    Path csv = dir.resolve("synth.csv");
    CliRun synth =
        CliRun.run(
            "data",
            "synth",
            "--rows",
            "3000",
            "--seed",
            "9",
            "--out",
            csv.toString(),
            "--proxy-inputs");
    assertEquals(0, synth.exitCode(), synth.err());
    TabularDataset d = Datasets.loadSpec(dir.resolve("synth.yaml"));
    assertEquals(3000, d.rowCount());
    assertTrue(
        d.features().stream().noneMatch(f -> f.name().equals("surname") || f.name().equals("zip")),
        "surname and zip are not features");
    Path out = dir.resolve("proxied.csv");
    CliRun r = CliRun.run(bisg(csv, out, "--zip"));
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = Files.readAllLines(out);
    List<String> header = List.of(lines.get(0).split(","));
    int race = header.indexOf("race");
    int pBlack = header.indexOf("p_black");
    double sumBlack = 0;
    double sumOther = 0;
    int nBlack = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertEquals("surname_and_geography", f[f.length - 1], line);
      if (f[race].equals("black")) {
        sumBlack += Double.parseDouble(f[pBlack]);
        nBlack++;
      } else {
        sumOther += Double.parseDouble(f[pBlack]);
      }
    }
    double meanBlack = sumBlack / nBlack;
    double meanOther = sumOther / (lines.size() - 1 - nBlack);
    assertTrue(meanBlack > 0.5 && meanOther < 0.15, meanBlack + " vs " + meanOther);
  }
}
