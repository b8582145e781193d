package org.fairkd.search.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.measure.Measurement;
import org.fairkd.search.select.SelectionRule;

/**
 * search.json's one writer ({@code schema: fairkd.search/1}): {@code attribute, disparity_metric,
 * target, tolerance, accuracy_tolerance, seed, reference, released (only when recorded),
 * candidates[] {id, student, params {penalty, lambda, temperature, architecture, threshold, seed},
 * validation / test {auc, accuracy, demographic_parity_difference, equalized_odds_difference,
 * adverse_impact_ratio_min, selection_rate_overall, selection_rate {group: rate}}, on_frontier,
 * rejected (the collapse guard's reason, or null), seconds}, selected {id, rule, statement,
 * reason}, stopping {rule, budget, epsilon, patience, candidates_evaluated, students_trained,
 * stopped_because}}}. Undefined values are null; {@code seconds} is the only timing.
 */
public final class SearchJsonWriter {
  /** The schema name. */
  public static final String SCHEMA = "fairkd.search/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SearchJsonWriter() {}

  /** The JSON tree of {@code r}. */
  public static ObjectNode tree(SearchResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("attribute", r.attribute());
    root.put("disparity_metric", r.config().metric().jsonName());
    root.put("target", r.config().target());
    root.put("tolerance", r.config().tolerance());
    num(
        root,
        "accuracy_tolerance",
        r.config().rule() instanceof SelectionRule.LeastDiscriminatory ld
            ? ld.accuracyTolerance()
            : Double.NaN);
    root.put("seed", r.config().seed());
    root.put("reference", r.reference());
    if (r.released() != null) {
      root.put("released", r.released());
    }
    var list = root.putArray("candidates");
    for (Candidate c : r.candidates()) {
      ObjectNode o = list.addObject();
      o.put("id", c.id());
      o.put("student", c.student());
      ObjectNode p = o.putObject("params");
      p.put("penalty", c.params().penaltyName());
      p.put("lambda", c.params().training().lambda());
      p.put("temperature", c.params().training().temperature());
      p.put("architecture", c.params().training().architecture().toString());
      p.put("threshold", c.params().threshold());
      p.put("seed", c.params().training().seed());
      measurement(o.putObject("validation"), c.validation());
      measurement(o.putObject("test"), c.test());
      o.put("on_frontier", c.onFrontier());
      o.put("rejected", c.rejected());
      o.put("seconds", Math.round(c.seconds() * 1000) / 1000.0);
    }
    ObjectNode sel = root.putObject("selected");
    sel.put("id", r.selection().id());
    sel.put("rule", r.config().rule().name());
    sel.put("statement", r.selection().rule());
    sel.put("reason", r.selection().reason());
    ObjectNode stop = root.putObject("stopping");
    stop.put("rule", r.stopping().rule());
    stop.put("budget", r.config().stopping().budget());
    stop.put("epsilon", r.config().stopping().epsilon());
    stop.put("patience", r.config().stopping().patience());
    stop.put("candidates_evaluated", r.stopping().candidatesEvaluated());
    stop.put("students_trained", r.stopping().studentsTrained());
    stop.put("stopped_because", r.stopping().stoppedBecause());
    return root;
  }

  /** search.json's bytes. */
  public static byte[] bytes(SearchResult r) {
    try {
      return JSON.writeValueAsBytes(tree(r));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise search.json", e);
    }
  }

  private static void measurement(ObjectNode o, Measurement m) {
    num(o, "auc", m.auc());
    num(o, "accuracy", m.accuracy());
    num(o, "selection_rate_overall", m.selectionRate());
    num(o, "demographic_parity_difference", m.demographicParityDifference());
    num(o, "equalized_odds_difference", m.equalizedOddsDifference());
    num(o, "adverse_impact_ratio_min", m.adverseImpactRatioMin());
    ObjectNode rates = o.putObject("selection_rate");
    for (Map.Entry<String, Double> e : m.selectionRates().entrySet()) {
      num(rates, e.getKey(), e.getValue());
    }
  }

  private static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }
}
