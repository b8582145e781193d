package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkd audit --distill distill.json}: the file is read by kd-core's distill.json reader
 * and written back as audit.json's {@code distillation} section unchanged; a bad file is one line
 * naming it, exit 2.
 */
class AuditDistillTest {
  @TempDir Path tmp;

  private Path demoDistill() throws Exception {
    Path file = tmp.resolve("distill.json");
    try (InputStream in =
        new GZIPInputStream(getClass().getResourceAsStream("/golden/demo-distill.json.gz"))) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void theDistillationSectionIsTheFileUnchanged() throws Exception {
    Path csv = AuditCommandTest.writePredictions(tmp.resolve("p.csv"), 600);
    Path distill = demoDistill();
    Path out = tmp.resolve("out");
    CliRun r = CliRun.run(AuditCommandTest.auditArgs(csv, out, "--distill", distill.toString()));
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
    ObjectMapper m = new ObjectMapper();
    JsonNode audit = m.readTree(out.resolve("audit.json").toFile());
    JsonNode file = m.readTree(distill.toFile());
    assertEquals(file, audit.path("distillation"));
    assertEquals(file.path("provenance").path("teacher"), audit.path("provenance").path("tribuo"));
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<section id=\"distillation\">"), "the report shows the distillation");
  }

  @Test
  void aBadDistillFileIsOneLineNamingItAndExit2() throws Exception {
    Path csv = AuditCommandTest.writePredictions(tmp.resolve("p.csv"), 200);
    Path notJson = Files.writeString(tmp.resolve("not.json"), "{ nope");
    Path otherSchema = Files.writeString(tmp.resolve("other.json"), "{\"schema\": \"x/1\"}");
    Path missing = tmp.resolve("missing.json");
    List<Path> files = List.of(notJson, otherSchema, missing);
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      CliRun r =
          CliRun.run(
              AuditCommandTest.auditArgs(csv, tmp.resolve("out" + i), "--distill", f.toString()));
      assertEquals(2, r.exitCode(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("fairkd: error: "), r.err());
      assertTrue(r.err().contains(f.toString()), r.err());
    }
    CliRun schema =
        CliRun.run(
            AuditCommandTest.auditArgs(
                csv, tmp.resolve("out9"), "--distill", otherSchema.toString()));
    assertTrue(schema.err().contains("key 'schema'"), schema.err());
  }
}
