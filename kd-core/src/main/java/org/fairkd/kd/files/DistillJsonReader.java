package org.fairkd.kd.files;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.ExternalTeacherSpec;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.summary.DistillSummary.ModelMetrics;
import org.fairkd.kd.summary.DistillSummary.StudentMetrics;
import org.fairkd.kd.summary.GapRecovered;
import org.fairkd.kd.summary.Repeat;
import org.fairkd.kd.summary.TeacherProvenance;

/**
 * The one reader of distill.json (for {@code fairkd audit --distill}): the file back into a {@link
 * DistillSummary}; {@code null} figures become NaN. {@code repeats_summary} is not read: it is
 * derived from {@code repeats} ({@link DistillSummary#spread}).
 */
public final class DistillJsonReader {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private DistillJsonReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws DistillationException naming the file when it is missing, not JSON or not {@code
   *     fairkd.distill/1}
   */
  public static DistillSummary read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new DistillationException(file + ": no such file", e);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      throw new DistillationException(file + ": cannot read distill.json: " + msg, e);
    }
    return fromTree(root, file.toString());
  }

  /** Reads a distill.json tree; {@code source} names it in error messages. */
  public static DistillSummary fromTree(JsonNode root, String source) {
    if (root == null || !DistillSummary.SCHEMA.equals(root.path("schema").asText())) {
      throw new DistillationException(
          source + ": key 'schema': expected '" + DistillSummary.SCHEMA + "'");
    }
    DistillConfig config = config(root.path("config"), source);
    JsonNode t = root.path("test");
    Map<String, ModelMetrics> members = new LinkedHashMap<>();
    t.path("members")
        .fields()
        .forEachRemaining(e -> members.put(e.getKey(), metrics(e.getValue())));
    Map<String, Double> weights = new LinkedHashMap<>();
    t.path("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), num(e.getValue())));
    JsonNode sp = root.path("split");
    JsonNode f = root.path("fairness");
    return new DistillSummary(
        root.path("dataset").asText(),
        root.path("seed").asLong(),
        config,
        new DistillSummary.SplitSizes(
            sp.path("train").asInt(), sp.path("validation").asInt(), sp.path("test").asInt()),
        new DistillSummary.TestMetrics(
            metrics(t.path("teacher")),
            members,
            weights,
            student(t.path("student")),
            student(t.path("baseline")),
            t.path("weights_fit").isObject()
                ? new DistillSummary.WeightsFit(
                    t.path("weights_fit").path("source").asText(),
                    t.path("weights_fit").path("rows").asInt())
                : null),
        num(root.path("fidelity")),
        num(root.path("kl")),
        gap(root),
        f.isObject()
            ? new DistillSummary.FairnessGaps(
                f.path("attribute").asText(),
                f.path("metric").asText(),
                num(f.path("teacher")),
                num(f.path("student")),
                num(f.path("baseline")))
            : null,
        selection(root.path("selection")),
        deployment(root.path("deployment")),
        seconds(root.path("training_seconds")),
        texts(root.path("notes")),
        repeats(root.path("repeats")),
        inputs(root.path("inputs")),
        new DistillSummary.Provenance(
            teacherProvenance(root.path("provenance").path("teacher"), config),
            studentProvenance(root.path("provenance").path("student"))),
        CompressionJson.read(root.path("compression")));
  }

  /** The {@code deployment} object back into figures. */
  public static DeploymentSummary deployment(JsonNode d) {
    JsonNode t = d.path("teacher");
    return new DeploymentSummary(
        t.isObject() ? figures(t) : null,
        d.hasNonNull("teacher_reason") ? d.path("teacher_reason").asText() : null,
        d.path("student_djl").isObject() ? figures(d.path("student_djl")) : null,
        figures(d.path("student_portable")),
        d.path("teacher_fast").isObject() ? figures(d.path("teacher_fast")) : null,
        d.hasNonNull("teacher_fast_path") ? d.path("teacher_fast_path").asText() : null);
  }

  private static DistillConfig config(JsonNode c, String source) {
    JsonNode ext = c.path("teacher").path("external");
    if (!ext.isObject()) {
      return DistillConfig.fromNode(c, source + " (config)");
    }
    ObjectNode rest = c.deepCopy();
    rest.remove("teacher");
    return DistillConfig.fromNode(rest, source + " (config)")
        .withExternalTeacher(
            new ExternalTeacherSpec(
                Path.of(ext.path("file").asText()),
                ext.path("id_column").asText(),
                ext.path("score_column").asText()));
  }

  static DeploymentFigures figures(JsonNode f) {
    return new DeploymentFigures(
        num(f.path("latency_p50_us")),
        num(f.path("latency_p99_us")),
        num(f.path("throughput_rows_per_s")),
        f.path("size_bytes").asLong());
  }

  static ModelMetrics metrics(JsonNode m) {
    return new ModelMetrics(num(m.path("auc")), num(m.path("accuracy")), num(m.path("log_loss")));
  }

  private static StudentMetrics student(JsonNode m) {
    return new StudentMetrics(
        metrics(m),
        m.path("architecture").asText(),
        m.path("parameters").asLong(),
        m.path("best_epoch").asInt(),
        m.path("epochs_run").asInt(),
        num(m.path("validation_auc")));
  }

  private static DistillSummary.Selection selection(JsonNode s) {
    List<DistillSummary.Candidate> candidates = new ArrayList<>();
    for (JsonNode c : s.path("candidates")) {
      candidates.add(
          new DistillSummary.Candidate(
              c.path("architecture").asText(),
              c.path("parameters").asLong(),
              num(c.path("score")),
              num(c.path("validation_auc")),
              num(c.path("validation_kl"))));
    }
    DistillSummary.TransferObjectives objectives =
        s.has("validation_objective_without_transfer")
            ? new DistillSummary.TransferObjectives(
                num(s.path("validation_objective_without_transfer")),
                num(s.path("validation_objective_with_transfer")))
            : null;
    return new DistillSummary.Selection(
        s.path("architecture").asText(),
        "searched".equals(s.path("architecture_rule").asText()),
        candidates,
        s.path("student_restarts").asInt(),
        s.path("transfer").asText(),
        s.path("transfer_used").asBoolean(),
        objectives,
        s.path("early_stopping").asText(),
        s.path("objective").asText());
  }

  private static DistillSummary.TrainingSeconds seconds(JsonNode t) {
    DistillSummary.TeacherSeconds teacher = null;
    if (t.path("teacher").isNumber()) {
      Map<String, Double> members = new LinkedHashMap<>();
      t.path("teacher_members")
          .fields()
          .forEachRemaining(e -> members.put(e.getKey(), num(e.getValue())));
      teacher =
          new DistillSummary.TeacherSeconds(
              num(t.path("teacher")),
              members,
              num(t.path("teacher_soft_targets")),
              numbers(t.path("teacher_folds")),
              num(t.path("teacher_weights")));
    }
    return new DistillSummary.TrainingSeconds(
        teacher,
        num(t.path("student")),
        num(t.path("baseline")),
        num(t.path("selection")),
        num(t.path("total")),
        numbers(t.path("stages")));
  }

  /** An object of numbers, in file order (empty when absent: files written before the key). */
  private static Map<String, Double> numbers(JsonNode o) {
    Map<String, Double> out = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> out.put(e.getKey(), num(e.getValue())));
    return out;
  }

  private static List<Repeat> repeats(JsonNode a) {
    List<Repeat> out = new ArrayList<>();
    for (JsonNode r : a) {
      out.add(
          new Repeat(
              r.path("seed").asLong(),
              num(r.path("student_auc")),
              num(r.path("baseline_auc")),
              num(r.path("teacher_auc")),
              num(r.path("fidelity")),
              gap(r)));
    }
    return out;
  }

  /**
   * {@code gap_recovered} with its interval, reason and teacher-lead test; a file written before
   * these were added gives the bare number (or its reason) without evidence.
   */
  private static GapRecovered gap(JsonNode o) {
    JsonNode t = o.path("teacher_vs_baseline");
    GapRecovered.TeacherLead lead =
        t.isObject()
            ? new GapRecovered.TeacherLead(
                num(t.path("difference")),
                num(t.path("standard_error")),
                num(t.path("p_value")),
                t.path("significant").asBoolean())
            : null;
    double value = num(o.path("gap_recovered"));
    if (Double.isNaN(value)) {
      return GapRecovered.undefined(o.path("gap_recovered_reason").asText("undefined"), lead);
    }
    JsonNode ci = o.path("gap_recovered_ci");
    return GapRecovered.of(value, num(ci.path(0)), num(ci.path(1)), lead);
  }

  private static List<DistillSummary.InputFile> inputs(JsonNode a) {
    List<DistillSummary.InputFile> out = new ArrayList<>();
    for (JsonNode i : a) {
      out.add(new DistillSummary.InputFile(i.path("path").asText(), i.path("sha256").asText()));
    }
    return out;
  }

  private static TeacherProvenance teacherProvenance(JsonNode p, DistillConfig config) {
    if (config.externalTeacher() != null) {
      JsonNode e = p.path("external");
      return new TeacherProvenance.External(
          e.path("file").asText(),
          e.path("id_column").asText(),
          e.path("score_column").asText(),
          e.path("sha256").asText());
    }
    Map<String, String> members = new LinkedHashMap<>();
    p.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue().toString()));
    return new TeacherProvenance.Ensemble(members);
  }

  private static DistillSummary.StudentProvenance studentProvenance(JsonNode s) {
    return new DistillSummary.StudentProvenance(
        s.path("library").asText(),
        s.path("engine").asText(),
        s.path("optimizer").asText(),
        s.path("portable_format").asText());
  }

  private static List<String> texts(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A number, NaN for null or missing. */
  static double num(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }
}
