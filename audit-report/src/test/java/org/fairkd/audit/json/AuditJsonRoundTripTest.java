package org.fairkd.audit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.fairkd.audit.AuditException;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.audit.bench.SyntheticPredictions;
import org.fairkd.audit.facts.AuditFacts;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.fairness.Correction;
import org.fairkd.policies.Policies;
import org.fairkd.policies.eval.PolicyResult;
import org.fairkd.policies.model.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit.json written, read back and written again is the same text, byte for byte. */
class AuditJsonRoundTripTest {

  static String golden() throws Exception {
    try (InputStream in =
        new GZIPInputStream(
            AuditJsonRoundTripTest.class.getResourceAsStream("/golden/demo-audit.json.gz"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theDemosAuditJsonReadsBackToItself() throws Exception {
    String text = golden();
    JsonNode tree = FairnessJson.MAPPER.readTree(text);
    AuditResult audit = AuditJsonReader.read(tree);
    assertEquals(text, AuditJsonWriter.write(audit));
    assertEquals("synthetic-lending", audit.dataset());
    assertEquals(2, audit.models().size());
    assertNotNull(audit.distillation());
    // the demo's teacher is not significantly ahead of its baseline: gap_recovered is undefined
    assertTrue(tree.path("distillation").path("gap_recovered").isNull());
    assertEquals(
        tree.path("distillation").path("gap_recovered_reason").asText(),
        audit.distillation().gapRecovered().reason());
    assertEquals(tree.path("rules").size(), audit.policy().checks().size());
    assertEquals(
        tree.path("models").path("student").path("slices").size(),
        audit.model(ModelRole.STUDENT).orElseThrow().result().slices().size());
  }

  @Test
  void theDemosVerdictsAreReproducedFromTheReadBackAudit() throws Exception {
    JsonNode tree = FairnessJson.MAPPER.readTree(golden());
    AuditResult audit = AuditJsonReader.read(tree);
    PolicyResult again =
        Policies.evaluate(Policies.resolve("lending-standard"), new AuditFacts(audit));
    ObjectNode rules = FairnessJson.MAPPER.createObjectNode();
    rules.set("rules", tree.path("rules"));
    AuditResult rejudged = audit.withPolicy(org.fairkd.audit.result.PolicyRecord.of(again));
    assertEquals(
        tree.path("rules").toString(), AuditJsonWriter.toTree(rejudged).path("rules").toString());
  }

  @Test
  void aFreshAuditRoundTripsAndJudgesTheSameWhenReadBack(@TempDir Path dir) throws Exception {
    Policy policy = Policies.resolve("lending-standard");
    AuditResult audit =
        AuditPipeline.audit(
            SyntheticPredictions.generate(4000, 5),
            new AuditPipeline.Settings(0.5, 50, 0.95, 30, 5, Correction.HOLM),
            null,
            policy);
    String text = AuditJsonWriter.write(audit);
    Path file = dir.resolve("audit.json");
    Files.writeString(file, text);
    AuditResult back = AuditJsonReader.read(file);
    assertEquals(text, AuditJsonWriter.write(back));
    assertEquals(
        audit.policy(),
        org.fairkd.audit.result.PolicyRecord.of(Policies.evaluate(policy, new AuditFacts(back))));
  }

  @Test
  void anUnknownStatusIsAnErrorNotAPass() throws Exception {
    ObjectNode tree = (ObjectNode) FairnessJson.MAPPER.readTree(golden());
    ((ObjectNode) tree.path("rules").get(0)).put("status", "bogus");
    AuditException e = assertThrows(AuditException.class, () -> AuditJsonReader.read(tree));
    assertTrue(e.getMessage().contains("rules[0]: unknown status 'bogus'"), e.getMessage());
  }
}
