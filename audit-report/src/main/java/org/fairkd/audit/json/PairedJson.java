package org.fairkd.audit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.result.AuditedModel;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.audit.result.PairedComparison;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.fairness.report.ModelResult;

/**
 * A paired comparison in audit.json: {@code {fidelity, kl_divergence, deltas, tests}} — the
 * top-level {@code comparison} (student vs teacher) and, for a further model (a compressed
 * student), {@code models.<role>.compared_with.<reference>} (written only when it has any).
 */
final class PairedJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PairedJson() {}

  static ObjectNode comparison(Comparison c) {
    ObjectNode n = F.objectNode();
    n.set("fidelity", EstimateJson.write(c.fidelity()));
    n.set("kl_divergence", EstimateJson.write(c.klDivergence()));
    n.set("deltas", FairnessJson.deltas(c.deltas()));
    n.set("tests", FairnessJson.pairedTests(c.tests()));
    return n;
  }

  /** A comparison read back; {@code compared} is the compared model's own result. */
  static Comparison comparison(JsonNode c, ModelResult compared) {
    return new Comparison(
        EstimateJson.read(c.get("fidelity")),
        EstimateJson.read(c.get("kl_divergence")),
        compared,
        FairnessJsonReader.deltas(c.path("deltas")),
        FairnessJsonReader.pairedTests(c.path("tests")));
  }

  /** Adds {@code compared_with} to a model's node when the model has paired comparisons. */
  static void writePaired(ObjectNode modelNode, AuditedModel m) {
    if (m.pairedWith().isEmpty()) {
      return;
    }
    ObjectNode with = modelNode.putObject("compared_with");
    for (PairedComparison p : m.pairedWith()) {
      with.set(p.reference().key(), comparison(p.comparison()));
    }
  }

  /** A model's {@code compared_with} back (empty when absent). */
  static List<PairedComparison> readPaired(JsonNode modelNode, ModelResult own) {
    List<PairedComparison> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = modelNode.path("compared_with").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.add(new PairedComparison(new ModelRole(e.getKey()), comparison(e.getValue(), own)));
    }
    return out;
  }
}
