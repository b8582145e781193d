package org.fairkd.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Assembles audit.json ({@code fairkd.audit/1}, documented in the module README) from the metrics
 * JSON of the fairness module (teacher as primary, student as compared model), the reliability
 * bins, the distill.json tree, the policy's rule checks and the provenance.
 */
public final class AuditJson {
  /** Schema identifier written into every audit.json. */
  public static final String SCHEMA = "fairkd.audit/1";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private AuditJson() {}

  /** One input file of the audit: what it is (role) and where it is. */
  public record Input(String role, Path path) {}

  /** What provenance records besides the inputs' hashes. */
  public record RunInfo(
      String command,
      long seed,
      Instant startedAt,
      List<Input> inputs,
      String policyName,
      String policySha256,
      JsonNode config,
      JsonNode teacherProvenance) {}

  /**
   * The audit without rules, verdict and provenance: what a policy evaluates. {@code metrics} is a
   * metrics JSON with a {@code comparison} (teacher primary, student compared); {@code distill} may
   * be null (external scores).
   */
  public static ObjectNode models(
      JsonNode metrics,
      JsonNode teacherCalibration,
      JsonNode studentCalibration,
      JsonNode distill) {
    ObjectNode audit = F.objectNode();
    audit.put("schema", SCHEMA);
    audit.put("verdict", "ERROR");
    ObjectNode models = audit.putObject("models");
    ObjectNode teacher = models.putObject("teacher");
    copyModel(metrics, teacher);
    teacher.set("calibration", teacherCalibration);
    JsonNode cmp = metrics.path("comparison");
    if (cmp.isMissingNode()) {
      throw new IllegalStateException("metrics JSON has no comparison of the student");
    }
    ObjectNode student = models.putObject("student");
    copyModel(cmp.path("compared"), student);
    student.set("calibration", studentCalibration);
    ObjectNode comparison = audit.putObject("comparison");
    for (String k : List.of("fidelity", "kl_divergence", "deltas", "tests")) {
      if (cmp.has(k)) {
        comparison.set(k, cmp.get(k));
      }
    }
    if (distill != null && !distill.isMissingNode() && !distill.isNull()) {
      audit.set("distillation", distill);
    }
    audit.set("config", metrics.path("config").deepCopy());
    return audit;
  }

  private static void copyModel(JsonNode from, ObjectNode to) {
    for (String k : List.of("overall", "slices", "disparities", "tests")) {
      to.set(
          k,
          from.has(k)
              ? from.get(k)
              : (k.equals("slices") || k.equals("tests") ? F.arrayNode() : F.objectNode()));
    }
  }

  /**
   * Adds the policy's evaluation from {@code policyResult} ({@link
   * org.fairkd.policies.eval.PolicyResultJson#toJson}): {@code verdict}, {@code rules} and the
   * {@code policy} header.
   */
  public static void addRules(ObjectNode audit, JsonNode policyResult) {
    audit.put("verdict", policyResult.path("verdict").asText("ERROR").toUpperCase());
    JsonNode rules = policyResult.path("rules");
    audit.set("rules", rules.isArray() ? rules : F.arrayNode());
    audit.set("policy", policyResult.path("policy"));
  }

  /** Adds {@code provenance}: tool, version, git commit, seed, config, input hashes, times. */
  public static void addProvenance(ObjectNode audit, RunInfo run, Class<?> anchor, String version) {
    ObjectNode p = audit.putObject("provenance");
    p.put("tool", "fairkd");
    p.put("tool_version", version);
    Optional<String> commit = Provenance.gitCommit(anchor);
    commit.ifPresent(c -> p.put("git_commit", c));
    p.put("seed", run.seed());
    p.put("command", run.command());
    p.put("started_at", run.startedAt().toString());
    p.put("finished_at", Instant.now().toString());
    p.put("java", System.getProperty("java.version"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    ArrayNode inputs = p.putArray("inputs");
    for (Input in : run.inputs()) {
      ObjectNode i = inputs.addObject();
      i.put("role", in.role());
      i.put("path", in.path().toString());
      i.put("sha256", Provenance.sha256(in.path()));
    }
    ObjectNode policy = p.putObject("policy");
    policy.put("name", run.policyName());
    policy.put("sha256", run.policySha256());
    if (run.config() != null) {
      p.set("config", run.config());
    }
    if (run.teacherProvenance() != null && !run.teacherProvenance().isMissingNode()) {
      p.set("tribuo", run.teacherProvenance());
    }
  }
}
