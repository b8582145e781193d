package org.fairkd.audit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.fairkd.fairness.report.AnalysisConfig;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.Deltas;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.PairedTests;
import org.fairkd.fairness.report.SignificanceTest;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.SliceDelta;
import org.fairkd.fairness.report.SliceResult;

/**
 * Writes the fairness module's results as JSON: a whole {@link FairnessReport} in the {@code
 * fairkd.metrics/1} shape ({@code fairkd metrics}), and the parts audit.json reuses for each model
 * and the comparison (snake_case keys; every estimate through {@link EstimateJson}). {@link
 * FairnessJsonReader} reads the same shapes back.
 */
public final class FairnessJson {
  /** Schema identifier of {@code fairkd metrics} output. */
  public static final String SCHEMA = "fairkd.metrics/1";

  /** The pretty printer of every fairkd JSON file. */
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FairnessJson() {}

  /** The pretty-printed {@code fairkd.metrics/1} text. */
  public static String write(FairnessReport report) {
    return text(toTree(report));
  }

  /** {@code node} pretty-printed, with a final newline. */
  public static String text(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code fairkd.metrics/1} tree. */
  public static ObjectNode toTree(FairnessReport report) {
    ObjectNode root = F.objectNode();
    root.put("schema", SCHEMA);
    root.set("config", config(report.config()));
    root.setAll(model(report.primary()));
    if (report.comparison() != null) {
      Comparison c = report.comparison();
      ObjectNode n = root.putObject("comparison");
      n.set("fidelity", EstimateJson.write(c.fidelity()));
      n.set("kl_divergence", EstimateJson.write(c.klDivergence()));
      n.set("compared", model(c.compared()));
      n.set("deltas", deltas(c.deltas()));
      n.set("tests", pairedTests(c.tests()));
    }
    return root;
  }

  /** The analysis settings (audit.json's {@code config}, echoed in its provenance). */
  public static ObjectNode config(AnalysisConfig c) {
    ObjectNode n = F.objectNode();
    EstimateJson.number(n, "threshold", c.threshold());
    n.put("ci_level", c.ciLevel());
    n.put("bootstrap", c.bootstrap());
    n.put("seed", c.seed());
    n.put("min_slice_size", c.minSliceSize());
    n.put("correction", c.correction());
    n.set("references", strings(c.references()));
    n.set("reference_source", strings(c.referenceSource()));
    n.put("bootstrap_method", c.bootstrapMethod());
    n.put("weighted", c.weighted());
    n.put("soft_membership", c.softMembership());
    return n;
  }

  /**
   * A weighted count: a whole number (always so with unit weights and hard membership) as a JSON
   * integer ({@code 67}, not {@code 67.0}), else as a decimal.
   */
  static void count(ObjectNode n, String key, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      n.put(key, (long) v);
    } else {
      n.put(key, v);
    }
  }

  /** One model's {@code overall}, {@code slices}, {@code disparities}, {@code tests}. */
  static ObjectNode model(ModelResult m) {
    ObjectNode n = F.objectNode();
    ObjectNode overall = n.putObject("overall");
    count(overall, "count", m.overall().count());
    overall.set("metrics", estimates(m.overall().metrics()));
    ArrayNode slices = n.putArray("slices");
    for (SliceResult s : m.slices()) {
      ObjectNode o = slices.addObject();
      o.set("attributes", strings(s.attributes()));
      count(o, "count", s.count());
      o.put("status", s.status().jsonName());
      o.set("metrics", estimates(s.metrics()));
    }
    n.set("disparities", disparities(m.disparities()));
    ArrayNode tests = n.putArray("tests");
    for (SignificanceTest t : m.tests()) {
      ObjectNode o = tests.addObject();
      o.put("attribute", t.attribute());
      o.put("group", t.group());
      o.put("reference", t.reference());
      o.put("metric", t.metric());
      o.put("method", t.method());
      EstimateJson.number(o, "statistic", t.statistic());
      o.put("p_value", t.pValue());
      o.put("p_adjusted", t.pAdjusted());
      o.put("correction", t.correction());
    }
    return n;
  }

  /** The paired deltas: {@code overall}, {@code slices}, {@code disparities}. */
  static ObjectNode deltas(Deltas d) {
    ObjectNode n = F.objectNode();
    n.set("overall", estimates(d.overall()));
    ArrayNode slices = n.putArray("slices");
    for (SliceDelta s : d.slices()) {
      ObjectNode o = slices.addObject();
      o.set("attributes", strings(s.attributes()));
      o.set("metrics", estimates(s.metrics()));
      o.set("fidelity", EstimateJson.write(s.fidelity()));
      if (s.tests() != null) {
        o.set("tests", pairedTests(s.tests()));
      }
    }
    n.set("disparities", disparities(d.disparities()));
    return n;
  }

  /** {@code mcnemar_accuracy} and {@code delong_auc}. */
  static ObjectNode pairedTests(PairedTests t) {
    ObjectNode tests = F.objectNode();
    ObjectNode mc = tests.putObject("mcnemar_accuracy");
    EstimateJson.number(mc, "statistic", t.mcnemarStatistic());
    EstimateJson.number(mc, "p_value", t.mcnemarPValue());
    ObjectNode dl = tests.putObject("delong_auc");
    EstimateJson.number(dl, "difference", t.delongDifference());
    EstimateJson.number(dl, "ci_low", t.delongCiLow());
    EstimateJson.number(dl, "ci_high", t.delongCiHigh());
    EstimateJson.number(dl, "p_value", t.delongPValue());
    return tests;
  }

  private static ObjectNode disparities(Map<String, AttributeDisparities> map) {
    ObjectNode n = F.objectNode();
    map.forEach(
        (key, d) -> {
          ObjectNode o = n.putObject(key);
          o.put("reference", d.reference());
          d.overall().forEach((name, e) -> o.set(name, EstimateJson.write(e)));
          d.byGroup().forEach((name, groups) -> o.set(name, estimates(groups)));
          ArrayNode skipped = o.putArray("skipped");
          for (SkippedGroup s : d.skipped()) {
            ObjectNode g = skipped.addObject().put("group", s.group()).put("reason", s.reason());
            if (s.code() != null) {
              g.put("reason_code", EstimateJson.code(s.code()));
            }
            if (s.base() != null) {
              g.put("base", s.base());
              if (s.baseCode() != null) {
                g.put("base_reason_code", EstimateJson.code(s.baseCode()));
              }
            }
          }
        });
    return n;
  }

  private static ObjectNode estimates(Map<String, Estimate> map) {
    ObjectNode n = F.objectNode();
    map.forEach((k, e) -> n.set(k, EstimateJson.write(e)));
    return n;
  }

  static ObjectNode strings(Map<String, String> map) {
    ObjectNode n = F.objectNode();
    map.forEach(n::put);
    return n;
  }
}
