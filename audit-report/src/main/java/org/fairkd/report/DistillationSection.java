package org.fairkd.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.report.svg.Charts;
import org.fairkd.report.svg.Svg;

/**
 * Section 3 of the report: teacher, members, student and baseline on the test split (AUC, accuracy,
 * log loss), fidelity, KL and gap recovered; how the student was built (architecture and how it was
 * chosen, loss settings, transfer set, early stopping, restarts: the development choices a model
 * validator documents); the spread over seeds with {@code --repeats}; distill.json's notes; and the
 * deployment gain (latency p50/p99, throughput, size on disk) as a table and log-scale charts, with
 * a note for each scoring path that was not measured (an external teacher: distill.json's {@code
 * null} figure and its {@code <path>_reason}). Built from {@code distillation} (distill.json) and
 * {@code comparison}.
 */
public record DistillationSection(
    List<ModelRow> models,
    List<Cell> headline,
    List<String> headlineNames,
    List<DeployRow> deployment,
    List<String> speedups,
    List<String> notMeasured,
    List<String> development,
    List<String> repeats,
    List<String> notes,
    List<Svg> charts) {

  /** One model's test-split accuracy figures. */
  public record ModelRow(String model, Cell auc, Cell accuracy, Cell logLoss, String weight) {}

  /** One scoring path's deployment figures. */
  public record DeployRow(
      String path, String p50, String p99, String throughput, String sizeBytes) {}

  private static final Map<String, String> DEPLOY_NAMES =
      Map.of(
          "teacher", "teacher ensemble",
          "student_djl", "student (DJL)",
          "student_portable", "student (portable Java)");

  /** Builds the section, or returns null when the audit has no distillation (external scores). */
  static DistillationSection build(JsonNode distill, JsonNode comparison) {
    if (distill == null || distill.isMissingNode() || distill.isNull() || distill.isEmpty()) {
      return null;
    }
    JsonNode test = distill.path("test");
    List<ModelRow> models = new ArrayList<>();
    models.add(row("teacher ensemble", test.path("teacher"), ""));
    JsonNode weights = test.path("weights");
    test.path("members")
        .fields()
        .forEachRemaining(
            e ->
                models.add(
                    row(
                        "  member: " + e.getKey(),
                        e.getValue(),
                        weights.has(e.getKey())
                            ? Charts.fmt(weights.get(e.getKey()).asDouble())
                            : "")));
    models.add(row("student", test.path("student"), ""));
    models.add(row("baseline (hard labels)", test.path("baseline"), ""));

    List<String> headlineNames =
        List.of("fidelity (decision agreement)", "mean KL(teacher ‖ student)", "gap recovered");
    List<Cell> headline =
        List.of(
            comparison.has("fidelity")
                ? Cell.of(comparison.get("fidelity"))
                : Cell.of(distill.get("fidelity")),
            comparison.has("kl_divergence")
                ? Cell.of(comparison.get("kl_divergence"))
                : Cell.of(distill.get("kl")),
            Cell.of(distill.get("gap_recovered")));

    JsonNode dep = distill.path("deployment");
    List<DeployRow> deploy = new ArrayList<>();
    List<String> notMeasured = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Double> p50 = new ArrayList<>();
    List<Double> thr = new ArrayList<>();
    for (String k : List.of("teacher", "student_djl", "student_portable")) {
      JsonNode d = dep.path(k);
      if (d.isNull()) {
        notMeasured.add(DEPLOY_NAMES.get(k) + " not measured: " + dep.path(k + "_reason").asText());
      }
      if (!d.isObject()) {
        continue;
      }
      deploy.add(
          new DeployRow(
              DEPLOY_NAMES.get(k),
              num(d, "latency_p50_us"),
              num(d, "latency_p99_us"),
              num(d, "throughput_rows_per_s"),
              num(d, "size_bytes")));
      labels.add(DEPLOY_NAMES.get(k));
      p50.add(d.path("latency_p50_us").asDouble(Double.NaN));
      thr.add(d.path("throughput_rows_per_s").asDouble(Double.NaN));
    }
    List<String> speedups = new ArrayList<>();
    for (String k : List.of("latency_speedup", "throughput_speedup", "size_ratio")) {
      if (dep.path(k).isNumber()) {
        speedups.add(k.replace('_', ' ') + ": " + Charts.fmt(dep.get(k).asDouble()) + "×");
      }
    }
    List<Svg> charts = new ArrayList<>();
    if (!labels.isEmpty()) {
      charts.add(
          Charts.logBars(
              "Single-row latency p50 (µs, lower is better)", labels, toArray(p50), " µs"));
      charts.add(
          Charts.logBars(
              "Batch throughput (rows/s, higher is better)", labels, toArray(thr), " rows/s"));
    }
    List<String> notes = new ArrayList<>();
    distill.path("notes").forEach(n -> notes.add(n.asText()));
    return new DistillationSection(
        models,
        headline,
        headlineNames,
        deploy,
        speedups,
        notMeasured,
        development(distill),
        repeats(distill.path("repeats_summary")),
        notes,
        charts);
  }

  /**
   * How the student was built, one sentence per choice, from distill.json's config and selection.
   */
  static List<String> development(JsonNode distill) {
    JsonNode sel = distill.path("selection");
    JsonNode st = distill.path("config").path("student");
    JsonNode student = distill.path("test").path("student");
    List<String> out = new ArrayList<>();
    if (sel.isMissingNode()) {
      return out;
    }
    int candidates = sel.path("candidates").size();
    out.add(
        "Student architecture "
            + sel.path("architecture").asText()
            + (candidates > 0
                ? " (searched among "
                    + candidates
                    + " candidates on the validation split: lowest validation objective, the"
                    + " smallest net within the tie tolerance)"
                : " (configured)")
            + ".");
    out.add(
        "Loss: temperature T = "
            + Charts.fmt(st.path("temperature").asDouble())
            + ", alpha = "
            + Charts.fmt(st.path("alpha").asDouble())
            + ", fairness penalty lambda = "
            + Charts.fmt(st.path("lambda").asDouble())
            + (st.path("lambda").asDouble() > 0 ? " (" + st.path("penalty").asText() + ")" : "")
            + ".");
    String transfer = sel.path("transfer").asText();
    out.add(
        "MUNGE transfer set: "
            + transfer
            + (sel.path("transfer_used").asBoolean()
                ? ", used (" + Charts.fmt(st.path("transfer_multiplier").asDouble()) + "× rows)"
                : ", not used")
            + (sel.has("validation_objective_without_transfer") ? transferEvidence(sel) : "")
            + ".");
    if (sel.has("early_stopping")) {
      out.add(
          "Early stopping on the "
              + sel.path("early_stopping").asText()
              + "; kept epoch "
              + student.path("best_epoch").asInt()
              + " of "
              + student.path("epochs_run").asInt()
              + ".");
    }
    if (sel.path("student_restarts").asInt() > 0) {
      out.add(
          "The penalised student collapsed and was retrained "
              + sel.path("student_restarts").asInt()
              + " time(s) with other seeds (see the notes).");
    }
    return out;
  }

  /**
   * "; validation AUC without x, with y" (the transfer decision's criterion, AUC shown positive).
   */
  private static String transferEvidence(JsonNode sel) {
    boolean auc = sel.path("objective").asText().equals("-validation AUC");
    double sign = auc ? -1 : 1;
    return "; "
        + (auc ? "validation AUC" : sel.path("objective").asText())
        + " without "
        + f4(sign * sel.path("validation_objective_without_transfer").asDouble())
        + ", with "
        + f4(sign * sel.path("validation_objective_with_transfer").asDouble());
  }

  /** Mean ± sd [min, max] per figure when more than one seed was trained; else empty. */
  static List<String> repeats(JsonNode summary) {
    List<String> out = new ArrayList<>();
    int n = summary.path("n").asInt();
    if (n < 2) {
      return out;
    }
    for (String k : List.of("student_auc", "baseline_auc", "fidelity", "gap_recovered")) {
      JsonNode f = summary.path(k);
      out.add(
          k.replace('_', ' ')
              + " over "
              + n
              + " seeds: "
              + f4(f.path("mean").asDouble(Double.NaN))
              + " ± "
              + f4(f.path("sd").asDouble(Double.NaN))
              + " ["
              + f4(f.path("min").asDouble(Double.NaN))
              + ", "
              + f4(f.path("max").asDouble(Double.NaN))
              + "]");
    }
    return out;
  }

  private static ModelRow row(String name, JsonNode m, String weight) {
    return new ModelRow(
        name,
        Cell.of(m.get("auc")),
        Cell.of(m.get("accuracy")),
        Cell.of(m.get("log_loss")),
        weight);
  }

  /** Four decimals (AUC-sized differences), "n/a" for NaN. */
  static String f4(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  private static String num(JsonNode d, String k) {
    return d.path(k).isNumber() ? Charts.fmt(d.get(k).asDouble()) : "—";
  }

  private static double[] toArray(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
