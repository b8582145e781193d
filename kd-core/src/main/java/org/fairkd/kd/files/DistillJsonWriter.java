package org.fairkd.kd.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;
import org.fairkd.base.files.AtomicFiles;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.summary.DistillSummary.ModelMetrics;
import org.fairkd.kd.summary.DistillSummary.StudentMetrics;
import org.fairkd.kd.summary.GapRecovered;
import org.fairkd.kd.summary.Repeat;
import org.fairkd.kd.summary.TeacherProvenance;

/**
 * The one writer of distill.json: a {@link DistillSummary} as JSON (pretty-printed, keys in the
 * documented order). An undefined figure (NaN) is written as {@code null} with a sibling {@code
 * <key>_reason}.
 */
public final class DistillJsonWriter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why the training time of an external teacher is null. */
  static final String EXTERNAL_TRAINING = "external teacher: trained elsewhere";

  static final String NO_KL = "no teacher scores";

  /** How {@code test.weights_fit.source} is chosen (teacher.WeightSource). */
  static final String WEIGHTS_RULE =
      "validation when it has at least "
          + org.fairkd.kd.teacher.WeightSource.MIN_VALIDATION_ROWS
          + " rows or the soft targets are in sample; else the training rows' out-of-fold member"
          + " predictions";

  /** The test behind {@code teacher_vs_baseline}. */
  static final String TEACHER_LEAD_TEST =
      "paired DeLong, two-sided: AUC_teacher - AUC_baseline on the test rows";

  private DistillJsonWriter() {}

  /** Writes {@code s} to {@code file} atomically. */
  public static void write(Path file, DistillSummary s) {
    AtomicFiles.write(file, bytes(s));
  }

  /** distill.json's bytes. */
  public static byte[] bytes(DistillSummary s) {
    try {
      return JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree(s));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** distill.json's tree (for audit.json's {@code distillation} object). */
  public static ObjectNode tree(DistillSummary s) {
    ObjectNode o = F.objectNode();
    o.put("schema", DistillSummary.SCHEMA);
    o.put("dataset", s.dataset());
    o.put("seed", s.seed());
    o.set("config", s.config().toJson());
    ObjectNode sp = o.putObject("split");
    sp.put("train", s.split().train());
    sp.put("validation", s.split().validation());
    sp.put("test", s.split().test());
    ObjectNode test = o.putObject("test");
    test.set("teacher", metrics(s.test().teacher()));
    ObjectNode members = test.putObject("members");
    s.test().members().forEach((k, v) -> members.set(k, metrics(v)));
    ObjectNode weights = test.putObject("weights");
    s.test().weights().forEach(weights::put);
    if (s.test().weightsFit() != null) {
      test.putObject("weights_fit")
          .put("source", s.test().weightsFit().source())
          .put("rows", s.test().weightsFit().rows())
          .put("rule", WEIGHTS_RULE);
    }
    test.set("student", student(s.test().student()));
    test.set("baseline", student(s.test().baseline()));
    o.put("fidelity", s.fidelity());
    o.put("kl", s.kl());
    gap(o, s.gapRecovered());
    o.put("gap_recovered_method", GapRecovered.METHOD);
    if (s.fairness() != null) {
      ObjectNode f = o.putObject("fairness");
      f.put("attribute", s.fairness().attribute());
      f.put("metric", s.fairness().metric());
      f.put("teacher", s.fairness().teacher());
      f.put("student", s.fairness().student());
      f.put("baseline", s.fairness().baseline());
    }
    o.set("selection", selection(s.selection()));
    o.set("deployment", deployment(s.deployment()));
    if (!s.compression().isEmpty()) {
      o.set("compression", CompressionJson.write(s.compression()));
    }
    o.set("training_seconds", seconds(s.trainingSeconds()));
    if (!s.notes().isEmpty()) {
      ArrayNode notes = o.putArray("notes");
      s.notes().forEach(notes::add);
    }
    ArrayNode reps = o.putArray("repeats");
    for (Repeat r : s.repeats()) {
      ObjectNode ro = reps.addObject();
      ro.put("seed", r.seed());
      ro.put("student_auc", r.studentAuc());
      ro.put("baseline_auc", r.baselineAuc());
      ro.put("teacher_auc", r.teacherAuc());
      ro.put("fidelity", r.fidelity());
      gap(ro, r.gapRecovered());
    }
    ObjectNode sum = o.putObject("repeats_summary");
    sum.put("n", s.repeats().size());
    spread(sum, s, "student_auc", Repeat::studentAuc);
    spread(sum, s, "baseline_auc", Repeat::baselineAuc);
    spread(sum, s, "fidelity", Repeat::fidelity);
    spread(sum, s, "gap_recovered", Repeat::gapRecoveredValue)
        .put("defined", s.repeats().stream().filter(r -> r.gapRecovered().defined()).count());
    ArrayNode inputs = o.putArray("inputs");
    for (DistillSummary.InputFile in : s.inputs()) {
      inputs.addObject().put("path", in.path()).put("sha256", in.sha256());
    }
    ObjectNode prov = o.putObject("provenance");
    prov.set("teacher", teacherProvenance(s.provenance().teacher()));
    DistillSummary.StudentProvenance sp2 = s.provenance().student();
    prov.putObject("student")
        .put("library", sp2.library())
        .put("engine", sp2.engine())
        .put("optimizer", sp2.optimizer())
        .put("portable_format", sp2.portableFormat());
    return o;
  }

  /**
   * The {@code deployment} object: each model's figures, the speedups when the teacher was timed,
   * {@code teacher: null} and {@code teacher_reason} when it could not be; when the teacher has a
   * faster serving path, also {@code teacher_fast} (figures), {@code teacher_fast_path} (text) and
   * {@code latency_speedup_vs_fastest}, {@code throughput_speedup_vs_fastest}.
   */
  public static ObjectNode deployment(DeploymentSummary d) {
    ObjectNode o = F.objectNode();
    if (d.teacher() != null) {
      o.set("teacher", figures(d.teacher()));
    }
    if (d.studentDjl() != null) {
      o.set("student_djl", figures(d.studentDjl()));
    }
    o.set("student_portable", figures(d.studentPortable()));
    if (d.teacher() != null) {
      o.put("latency_speedup", d.latencySpeedup());
      o.put("throughput_speedup", d.throughputSpeedup());
      o.put("size_ratio", d.sizeRatio());
      if (d.teacherFast() != null) {
        o.set("teacher_fast", figures(d.teacherFast()));
        o.put("teacher_fast_path", d.teacherFastPath());
        o.put("latency_speedup_vs_fastest", d.latencySpeedupVsFastest());
        o.put("throughput_speedup_vs_fastest", d.throughputSpeedupVsFastest());
      }
    } else if (d.teacherReason() != null) {
      o.putNull("teacher");
      o.put("teacher_reason", d.teacherReason());
    }
    return o;
  }

  static ObjectNode figures(DeploymentFigures f) {
    ObjectNode o = F.objectNode();
    o.put("latency_p50_us", f.latencyP50Us());
    o.put("latency_p99_us", f.latencyP99Us());
    o.put("throughput_rows_per_s", f.throughputRowsPerS());
    o.put("size_bytes", f.sizeBytes());
    return o;
  }

  static ObjectNode metrics(ModelMetrics m) {
    ObjectNode o = F.objectNode();
    o.put("auc", m.auc());
    o.put("accuracy", m.accuracy());
    o.put("log_loss", m.logLoss());
    return o;
  }

  private static ObjectNode student(StudentMetrics m) {
    ObjectNode o = metrics(m.metrics());
    o.put("architecture", m.architecture());
    o.put("parameters", m.parameters());
    o.put("best_epoch", m.bestEpoch());
    o.put("epochs_run", m.epochsRun());
    o.put("validation_auc", m.validationAuc());
    return o;
  }

  private static ObjectNode selection(DistillSummary.Selection sel) {
    ObjectNode s = F.objectNode();
    s.put("architecture", sel.architecture());
    s.put("architecture_rule", sel.searched() ? "searched" : "configured");
    ArrayNode c = s.putArray("candidates");
    for (DistillSummary.Candidate k : sel.candidates()) {
      ObjectNode co = c.addObject();
      co.put("architecture", k.architecture());
      co.put("parameters", k.parameters());
      co.put("score", k.score());
      co.put("validation_auc", k.validationAuc());
      putOrNull(co, "validation_kl", k.validationKl(), NO_KL);
    }
    s.put("student_restarts", sel.studentRestarts());
    s.put("transfer", sel.transfer());
    s.put("transfer_used", sel.transferUsed());
    if (sel.transferObjectives() != null) {
      s.put("validation_objective_without_transfer", sel.transferObjectives().without());
      s.put("validation_objective_with_transfer", sel.transferObjectives().with());
    }
    s.put("early_stopping", sel.earlyStopping());
    s.put("objective", sel.objective());
    return s;
  }

  private static ObjectNode seconds(DistillSummary.TrainingSeconds t) {
    ObjectNode ts = F.objectNode();
    if (t.teacher() == null) {
      ts.putNull("teacher");
      ts.put("teacher_reason", EXTERNAL_TRAINING);
    } else {
      ts.put("teacher", t.teacher().total());
      ObjectNode tm = ts.putObject("teacher_members");
      t.teacher().members().forEach(tm::put);
      ts.put("teacher_soft_targets", t.teacher().softTargets());
      // absent from a distill.json written before 2026-12-02: left out again when read back
      if (!t.teacher().folds().isEmpty()) {
        ObjectNode tf = ts.putObject("teacher_folds");
        t.teacher().folds().forEach(tf::put);
      }
      if (!Double.isNaN(t.teacher().weights())) {
        ts.put("teacher_weights", t.teacher().weights());
      }
    }
    ts.put("student", t.student());
    ts.put("baseline", t.baseline());
    ts.put("selection", t.selection());
    ts.put("total", t.total());
    if (!t.stages().isEmpty()) {
      ObjectNode stages = ts.putObject("stages");
      t.stages().forEach(stages::put);
    }
    return ts;
  }

  private static ObjectNode teacherProvenance(TeacherProvenance p) {
    ObjectNode o = F.objectNode();
    if (p instanceof TeacherProvenance.External e) {
      o.putObject("external")
          .put("file", e.file())
          .put("id_column", e.idColumn())
          .put("score_column", e.scoreColumn())
          .put("sha256", e.sha256());
    } else if (p instanceof TeacherProvenance.Ensemble en) {
      en.members()
          .forEach(
              (name, text) -> {
                try {
                  o.set(name, JSON.readTree(text));
                } catch (IOException ex) {
                  throw new UncheckedIOException("provenance of member " + name, ex);
                }
              });
    }
    return o;
  }

  /**
   * {@code gap_recovered} (null with {@code gap_recovered_reason} when undefined), {@code
   * gap_recovered_ci} [low, high] when defined (absent for a file read back from before intervals
   * were written), and {@code teacher_vs_baseline}: the paired DeLong test of the teacher's lead
   * (null when it could not be tested).
   */
  private static void gap(ObjectNode o, GapRecovered g) {
    if (g.defined()) {
      o.put("gap_recovered", g.value());
      if (Double.isFinite(g.ciLow()) && Double.isFinite(g.ciHigh())) {
        o.putArray("gap_recovered_ci").add(g.ciLow()).add(g.ciHigh());
      }
    } else {
      o.putNull("gap_recovered");
      o.put("gap_recovered_reason", g.reason());
    }
    GapRecovered.TeacherLead lead = g.teacherLead();
    if (lead == null) {
      o.putNull("teacher_vs_baseline");
      return;
    }
    ObjectNode t = o.putObject("teacher_vs_baseline");
    t.put("test", TEACHER_LEAD_TEST);
    t.put("difference", lead.difference());
    t.put("standard_error", lead.standardError());
    t.put("p_value", lead.pValue());
    t.put("alpha", GapRecovered.ALPHA);
    t.put("significant", lead.significant());
  }

  /** {@code key}'s spread over the repeats (undefined values left out); returns its object. */
  private static ObjectNode spread(
      ObjectNode o, DistillSummary s, String key, ToDoubleFunction<Repeat> figure) {
    DistillSummary.Spread sp = s.spread(figure);
    ObjectNode m = o.putObject(key);
    putOrNull(m, "mean", sp.mean(), "no defined value");
    putOrNull(m, "sd", sp.sd(), "fewer than 2 repeats");
    putOrNull(m, "min", sp.min(), "no defined value");
    putOrNull(m, "max", sp.max(), "no defined value");
    return m;
  }

  private static void putOrNull(ObjectNode o, String key, double v, String reason) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
      o.put(key + "_reason", reason);
    } else {
      o.put(key, v);
    }
  }
}
