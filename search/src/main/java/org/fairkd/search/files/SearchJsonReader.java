package org.fairkd.search.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fairkd.kd.pipeline.CandidateSettings;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.search.SearchConfig;
import org.fairkd.search.SearchException;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.candidates.CandidateParams;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.measure.Measurement;
import org.fairkd.search.select.Selection;
import org.fairkd.search.select.SelectionRule;
import org.fairkd.search.stop.Stopping;
import org.fairkd.search.stop.StoppingRule;

/**
 * Reads {@link SearchJsonWriter}'s tree back into a {@link SearchResult} (without the portable
 * students, which live in their own files): what a policy judges and the report draws. The
 * threshold grid is the thresholds the candidates were measured at; a bad tree is a {@link
 * SearchException} naming the key.
 */
public final class SearchJsonReader {
  private SearchJsonReader() {}

  /** The result in {@code root}; {@code released} is read from the key of that name if present. */
  public static SearchResult read(JsonNode root) {
    DisparityMetric metric = DisparityMetric.parseOrNull(text(root, "disparity_metric"));
    if (metric == null) {
      throw new SearchException("search: unknown disparity_metric " + root.get("disparity_metric"));
    }
    double tolerance = number(root.get("tolerance"));
    double accuracyTolerance = number(root.get("accuracy_tolerance"));
    double target = number(root.get("target"));
    JsonNode sel = root.path("selected");
    SelectionRule rule =
        switch (text(sel, "rule")) {
          case "least_discriminatory" ->
              new SelectionRule.LeastDiscriminatory(tolerance, accuracyTolerance);
          case "most_accurate" -> new SelectionRule.MostAccurate(target);
          default -> throw new SearchException("search: unknown selected.rule " + sel.get("rule"));
        };
    List<Candidate> candidates = new ArrayList<>();
    TreeSet<Double> thresholds = new TreeSet<>();
    int students = 0;
    for (JsonNode c : root.path("candidates")) {
      JsonNode p = c.path("params");
      String penalty = text(p, "penalty");
      PenaltyKind kind =
          penalty.equals("none")
              ? PenaltyKind.DEMOGRAPHIC_PARITY
              : PenaltyKind.parseOrNull(penalty);
      if (kind == null) {
        throw new SearchException("search: unknown candidates[].params.penalty " + penalty);
      }
      CandidateSettings s =
          new CandidateSettings(
              kind,
              p.path("lambda").asDouble(),
              p.path("temperature").asDouble(),
              StudentArchitecture.parse(text(p, "architecture")),
              p.path("seed").asLong());
      double t = p.path("threshold").asDouble();
      thresholds.add(t);
      int student = c.path("student").asInt();
      students = Math.max(students, student + 1);
      JsonNode rejected = c.get("rejected");
      candidates.add(
          new Candidate(
              text(c, "id"),
              student,
              new CandidateParams(s, t),
              measurement(c.path("validation")),
              measurement(c.path("test")),
              c.path("on_frontier").asBoolean(),
              c.path("seconds").asDouble(),
              rejected == null || rejected.isNull() ? null : rejected.asText()));
    }
    JsonNode stop = root.path("stopping");
    StoppingRule stopping =
        new StoppingRule(
            stop.path("budget").asInt(),
            number(stop.get("epsilon")),
            stop.path("patience").asInt());
    List<Double> grid = new ArrayList<>(thresholds);
    if (!grid.contains(0.5)) {
      grid.add(0.5);
    }
    SearchConfig cfg =
        new SearchConfig(
            metric,
            target,
            rule,
            tolerance,
            SearchConfig.PLANNING_ACCURACY_TOLERANCE,
            grid,
            List.of(),
            List.of(),
            stopping,
            root.path("seed").asLong(),
            0);
    JsonNode released = root.get("released");
    JsonNode selectedId = sel.get("id");
    return new SearchResult(
        text(root, "attribute"),
        cfg,
        text(root, "reference"),
        candidates,
        new Selection(
            selectedId == null || selectedId.isNull() ? null : selectedId.asText(),
            text(sel, "statement"),
            text(sel, "reason")),
        new Stopping(
            text(stop, "rule"),
            stop.path("candidates_evaluated").asInt(),
            stop.path("students_trained").asInt(),
            text(stop, "stopped_because")),
        java.util.Collections.nCopies(students, null),
        released == null || released.isNull() ? null : released.asText());
  }

  private static Measurement measurement(JsonNode m) {
    Map<String, Double> rates = new LinkedHashMap<>();
    m.path("selection_rate")
        .fields()
        .forEachRemaining(e -> rates.put(e.getKey(), number(e.getValue())));
    return new Measurement(
        number(m.get("auc")),
        number(m.get("accuracy")),
        number(m.get("selection_rate_overall")),
        number(m.get("demographic_parity_difference")),
        number(m.get("equalized_odds_difference")),
        number(m.get("adverse_impact_ratio_min")),
        rates);
  }

  private static double number(JsonNode n) {
    return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw new SearchException("search: missing key " + key);
    }
    return v.asText();
  }
}
