package org.fairkd.audit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.AuditException;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.CalibrationBins;
import org.fairkd.audit.result.DataAccount;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.PolicyRecord;
import org.fairkd.audit.result.RunProvenance;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.ModelResult;

/**
 * Reads audit.json back into an {@link AuditResult} (for {@code policy evaluate} and other tools):
 * what {@link AuditJsonWriter} wrote reads back to a result it writes identically. Absent sections
 * read as absent (null or empty), so an incomplete audit result is still judged and fails closed
 * where figures are missing.
 */
public final class AuditJsonReader {
  private AuditJsonReader() {}

  /** Reads {@code file}; a missing file, invalid JSON or another schema is one-line error. */
  public static AuditResult read(Path file) {
    JsonNode root;
    try {
      root = FairnessJson.MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new AuditException(file + ": no such file");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new AuditException(file + ":" + line + ": invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new AuditException(file + ": cannot read: " + e.getMessage());
    }
    String schema = root == null ? "" : root.path("schema").asText("");
    if (root == null || !root.isObject() || !schema.startsWith("fairkd.audit/")) {
      throw new AuditException(
          file
              + ": not an audit result (schema '"
              + schema
              + "', expected '"
              + AuditJsonWriter.SCHEMA
              + "'; run 'fairkd audit' or 'fairkd run' first)");
    }
    return read(root);
  }

  /** Reads an audit.json tree. */
  public static AuditResult read(JsonNode root) {
    List<AuditedModel> models = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("models").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      ModelResult result = FairnessJsonReader.model(m.getValue());
      models.add(
          new AuditedModel(
              new ModelRole(m.getKey()),
              result,
              calibration(m.getValue().path("calibration")),
              PairedJson.readPaired(m.getValue(), result)));
    }
    Comparison comparison = null;
    JsonNode c = root.get("comparison");
    if (c != null && c.isObject()) {
      ModelResult student =
          models.stream()
              .filter(m -> m.role().equals(ModelRole.STUDENT))
              .findFirst()
              .map(AuditedModel::result)
              .orElse(null);
      comparison = PairedJson.comparison(c, student);
    }
    JsonNode config = root.get("config");
    PolicyRecord policy = root.has("rules") || root.has("policy") ? PolicyJson.read(root) : null;
    JsonNode dataset = root.get("dataset");
    return new AuditResult(
            dataset == null || dataset.isNull() ? null : dataset.asText(),
            models,
            comparison,
            DistillationJson.read(root.get("distillation")),
            config != null && config.isObject() ? FairnessJsonReader.config(config) : null,
            policy,
            root.has("provenance") ? provenance(root.path("provenance")) : null)
        .withData(data(root.path("data")))
        .withFrameworks(FrameworksJson.read(root.get("frameworks")))
        .withProxy(ProxyJson.read(root.get("proxy")))
        .withSearch(SearchJson.read(root.get("search")))
        .withReasons(ReasonsJson.read(root.get("reasons")));
  }

  private static List<DataAccount> data(JsonNode n) {
    List<DataAccount> out = new ArrayList<>();
    for (JsonNode d : n) {
      Map<String, Long> missing = new LinkedHashMap<>();
      d.path("missing")
          .fields()
          .forEachRemaining(e -> missing.put(e.getKey(), e.getValue().asLong()));
      try {
        out.add(
            new DataAccount(
                d.path("source").asText(),
                d.path("rows_read").asLong(),
                d.path("rows_used").asLong(),
                d.path("selection").asText(),
                missing));
      } catch (IllegalArgumentException e) {
        throw new AuditException("data: " + e.getMessage());
      }
    }
    return out;
  }

  private static CalibrationBins calibration(JsonNode n) {
    Map<String, Map<String, List<CalibrationBins.Bin>>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> a = n.fields(); a.hasNext(); ) {
      Map.Entry<String, JsonNode> attr = a.next();
      Map<String, List<CalibrationBins.Bin>> groups = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> g = attr.getValue().fields(); g.hasNext(); ) {
        Map.Entry<String, JsonNode> group = g.next();
        List<CalibrationBins.Bin> bins = new ArrayList<>();
        for (JsonNode b : group.getValue()) {
          bins.add(
              new CalibrationBins.Bin(
                  b.path("bin").asInt(),
                  b.path("lower").asDouble(),
                  b.path("upper").asDouble(),
                  b.path("count").asDouble(),
                  EstimateJson.number(b.get("mean_score")),
                  EstimateJson.number(b.get("observed_rate"))));
        }
        groups.put(group.getKey(), bins);
      }
      out.put(attr.getKey(), groups);
    }
    return new CalibrationBins(out);
  }

  private static Map<String, String> libraries(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static RunProvenance provenance(JsonNode p) {
    List<RunProvenance.HashedInput> inputs = new ArrayList<>();
    for (JsonNode i : p.path("inputs")) {
      inputs.add(
          new RunProvenance.HashedInput(
              i.path("role").asText(), i.path("path").asText(), i.path("sha256").asText()));
    }
    return new RunProvenance(
        p.path("tool").asText(null),
        p.path("tool_version").asText(null),
        p.has("git_commit") ? p.get("git_commit").asText() : null,
        p.path("seed").asLong(),
        p.path("command").asText(null),
        instant(p.get("started_at")),
        instant(p.get("finished_at")),
        p.path("java").asText(null),
        p.path("os").asText(null),
        inputs,
        p.path("policy").path("name").asText(null),
        p.path("policy").path("sha256").asText(null),
        p.get("config"),
        p.get("tribuo"),
        libraries(p.path("libraries")));
  }

  private static Instant instant(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return Instant.parse(n.asText());
    } catch (java.time.format.DateTimeParseException e) {
      throw new AuditException("provenance: bad time '" + n.asText() + "'");
    }
  }
}
