package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.report.AnalysisConfig;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Deltas;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.OverallResult;
import org.fairkd.fairness.report.PairedTests;
import org.fairkd.fairness.report.SignificanceTest;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.SliceDelta;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.SliceStatus;

/**
 * Reads the shapes {@link FairnessJson} writes back into the fairness module's records. Absent
 * parts read as empty (an absent list or map) so that a partial audit.json is still judged: what is
 * absent is then missing, and a policy fails closed on it.
 */
final class FairnessJsonReader {
  private FairnessJsonReader() {}

  /** The analysis settings (absent keys: fairkd's defaults). */
  static AnalysisConfig config(JsonNode n) {
    JsonNode t = n.path("threshold");
    return new AnalysisConfig(
        t.isNumber() ? t.doubleValue() : null,
        n.path("ci_level").asDouble(0.95),
        n.path("bootstrap").asInt(0),
        n.path("seed").asLong(0),
        n.path("min_slice_size").asInt(0),
        n.path("correction").asText(null),
        strings(n.path("references")),
        strings(n.path("reference_source")),
        n.path("bootstrap_method").asText(null),
        n.path("weighted").asBoolean(false),
        n.path("soft_membership").asBoolean(false));
  }

  /** One model's {@code overall}, {@code slices}, {@code disparities}, {@code tests}. */
  static ModelResult model(JsonNode n) {
    JsonNode o = n.path("overall");
    OverallResult overall =
        new OverallResult(o.path("count").asDouble(0), estimates(o.path("metrics")));
    List<SliceResult> slices = new ArrayList<>();
    for (JsonNode s : n.path("slices")) {
      slices.add(
          new SliceResult(
              strings(s.path("attributes")),
              s.path("count").asDouble(0),
              "insufficient_data".equals(s.path("status").asText())
                  ? SliceStatus.INSUFFICIENT_DATA
                  : SliceStatus.OK,
              estimates(s.path("metrics"))));
    }
    List<SignificanceTest> tests = new ArrayList<>();
    for (JsonNode t : n.path("tests")) {
      tests.add(
          new SignificanceTest(
              t.path("attribute").asText(),
              t.path("group").asText(),
              t.path("reference").asText(),
              t.path("metric").asText(),
              t.path("method").asText(),
              EstimateJson.number(t.get("statistic")),
              t.path("p_value").asDouble(Double.NaN),
              t.path("p_adjusted").asDouble(t.path("p_value").asDouble(Double.NaN)),
              t.path("correction").asText(null)));
    }
    return new ModelResult(overall, slices, disparities(n.path("disparities")), tests);
  }

  /** The paired deltas. */
  static Deltas deltas(JsonNode n) {
    List<SliceDelta> slices = new ArrayList<>();
    for (JsonNode s : n.path("slices")) {
      Estimate fidelity = EstimateJson.read(s.get("fidelity"));
      slices.add(
          new SliceDelta(
              strings(s.path("attributes")),
              estimates(s.path("metrics")),
              fidelity,
              s.has("tests") ? pairedTests(s.get("tests")) : null));
    }
    return new Deltas(estimates(n.path("overall")), slices, disparities(n.path("disparities")));
  }

  /** {@code mcnemar_accuracy} and {@code delong_auc}. */
  static PairedTests pairedTests(JsonNode n) {
    JsonNode mc = n.path("mcnemar_accuracy");
    JsonNode dl = n.path("delong_auc");
    return new PairedTests(
        EstimateJson.number(mc.get("statistic")),
        EstimateJson.number(mc.get("p_value")),
        EstimateJson.number(dl.get("difference")),
        EstimateJson.number(dl.get("ci_low")),
        EstimateJson.number(dl.get("ci_high")),
        EstimateJson.number(dl.get("p_value")));
  }

  private static Map<String, AttributeDisparities> disparities(JsonNode n) {
    Map<String, AttributeDisparities> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> a = it.next();
      Map<String, Estimate> whole = new LinkedHashMap<>();
      Map<String, Map<String, Estimate>> byGroup = new LinkedHashMap<>();
      List<SkippedGroup> skipped = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> f = a.getValue().fields(); f.hasNext(); ) {
        Map.Entry<String, JsonNode> e = f.next();
        switch (e.getKey()) {
          case "reference" -> {}
          case "skipped" -> {
            for (JsonNode s : e.getValue()) {
              JsonNode reason = s.get("reason");
              skipped.add(
                  new SkippedGroup(
                      s.path("group").asText(),
                      reason == null || reason.isNull() ? null : reason.asText(),
                      EstimateJson.code(s.get("reason_code")),
                      s.hasNonNull("base") ? s.get("base").asText() : null,
                      EstimateJson.code(s.get("base_reason_code"))));
            }
          }
          default -> {
            if (EstimateJson.isEstimate(e.getValue())) {
              whole.put(e.getKey(), EstimateJson.read(e.getValue()));
            } else if (e.getValue().isObject()) {
              byGroup.put(e.getKey(), estimates(e.getValue()));
            }
          }
        }
      }
      JsonNode ref = a.getValue().get("reference");
      out.put(
          a.getKey(),
          new AttributeDisparities(
              ref == null || ref.isNull() ? null : ref.asText(), whole, byGroup, skipped));
    }
    return out;
  }

  /** Name → estimate; entries that are not estimates are left out (they are then missing). */
  private static Map<String, Estimate> estimates(JsonNode n) {
    Map<String, Estimate> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Estimate est = EstimateJson.read(e.getValue());
      if (est != null) {
        out.put(e.getKey(), est);
      }
    }
    return out;
  }

  static Map<String, String> strings(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }
}
