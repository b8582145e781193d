package org.fairkd.kd.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.teacher.TeacherEnsemble;

/**
 * Builds distill.json ({@code schema: fairkd.distill/1}); the keys are documented in kd-core's
 * README. {@code teacher} is null for an external teacher (then {@code notes} says what differs).
 * Undefined figures (e.g. {@code gap_recovered} when the teacher is not ahead of the baseline) are
 * {@code null} with a sibling {@code <key>_reason}.
 */
record DistillReport(
    TabularDataset data,
    DistillConfig cfg,
    long seed,
    Split split,
    TeacherEnsemble teacher,
    float[][] xTest,
    boolean[] yTest,
    double[] teacherTest,
    double[] studentTest,
    double[] baselineTest,
    TrainedStudent student,
    TrainedStudent baseline,
    StudentArchitecture architecture,
    List<StudentSelection.Candidate> candidates,
    boolean transferUsed,
    CollapseGuard guard,
    CollapseGuard.Outcome outcome,
    Double objectiveWithout,
    Double objectiveWith,
    List<Repeat> repeats,
    ObjectNode deployment,
    PipelineTeacher pipelineTeacher,
    double selectionSeconds,
    double totalSeconds,
    ProtectedAttribute attribute) {

  static final String SCHEMA = "fairkd.distill/1";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String EXTERNAL_NOTE =
      "external teacher: scores read from a file by row id; no teacher trained, no teacher/ output;"
          + " MUNGE transfer switched off (an external teacher cannot label synthetic rows);"
          + " no teacher deployment figures (it cannot be timed)";

  ObjectNode build() {
    ObjectNode o = F.objectNode();
    o.put("schema", SCHEMA);
    o.put("dataset", data.name());
    o.put("seed", seed);
    o.set("config", cfg.toJson());
    ObjectNode sp = o.putObject("split");
    sp.put("train", split.train().length);
    sp.put("validation", split.validation().length);
    sp.put("test", split.test().length);
    ObjectNode test = o.putObject("test");
    test.set("teacher", metrics(teacherTest));
    ObjectNode members = test.putObject("members");
    ObjectNode weights = test.putObject("weights");
    if (teacher != null) {
      Map<String, double[]> mp = teacher.memberPredictions(xTest);
      mp.forEach((name, p) -> members.set(name, metrics(p)));
      for (int i = 0; i < teacher.memberNames().size(); i++) {
        weights.put(teacher.memberNames().get(i), teacher.weights()[i]);
      }
    }
    ObjectNode st = metrics(studentTest);
    studentInfo(st, student);
    test.set("student", st);
    ObjectNode bl = metrics(baselineTest);
    studentInfo(bl, baseline);
    test.set("baseline", bl);
    o.put("fidelity", Scores.fidelity(studentTest, teacherTest));
    o.put("kl", Scores.meanKl(teacherTest, studentTest));
    double gap = repeats.get(0).gapRecovered();
    putOrNull(o, "gap_recovered", gap, "teacher AUC is not above the baseline's");
    if (attribute != null) {
      o.set("fairness", fairness());
    }
    o.set("selection", selection());
    o.set("deployment", deployment);
    ObjectNode ts = o.putObject("training_seconds");
    ArrayNode notes = F.arrayNode();
    String restartNote = guard.outcomeNote(outcome, seed);
    if (restartNote != null) {
      notes.add(restartNote);
    }
    if (pipelineTeacher.isExternal()) {
      ts.putNull("teacher");
      ts.put("teacher_reason", "external teacher: trained elsewhere");
      notes.add(EXTERNAL_NOTE);
    } else {
      ts.put("teacher", pipelineTeacher.fit().trainSeconds());
      ObjectNode tm = ts.putObject("teacher_members");
      pipelineTeacher.fit().memberSeconds().forEach(tm::put);
      ts.put("teacher_soft_targets", pipelineTeacher.fit().softTargetSeconds());
    }
    ts.put("student", student.seconds());
    ts.put("baseline", baseline.seconds());
    ts.put("selection", selectionSeconds);
    ts.put("total", totalSeconds);
    if (!notes.isEmpty()) {
      o.set("notes", notes);
    }
    ArrayNode reps = o.putArray("repeats");
    for (Repeat r : repeats) {
      ObjectNode ro = reps.addObject();
      ro.put("seed", r.seed());
      ro.put("student_auc", r.studentAuc());
      ro.put("baseline_auc", r.baselineAuc());
      ro.put("teacher_auc", r.teacherAuc());
      ro.put("fidelity", r.fidelity());
      putOrNull(ro, "gap_recovered", r.gapRecovered(), "teacher AUC is not above the baseline's");
    }
    ObjectNode sum = o.putObject("repeats_summary");
    sum.put("n", repeats.size());
    summary(sum, "student_auc", Repeat::studentAuc);
    summary(sum, "baseline_auc", Repeat::baselineAuc);
    summary(sum, "fidelity", Repeat::fidelity);
    summary(sum, "gap_recovered", Repeat::gapRecovered);
    ArrayNode inputs = o.putArray("inputs");
    for (Path p : data.sourceFiles()) {
      ObjectNode io = inputs.addObject();
      io.put("path", p.toString());
      io.put("sha256", sha256(p));
    }
    ObjectNode prov = o.putObject("provenance");
    prov.set("teacher", pipelineTeacher.provenance());
    ObjectNode sprov = prov.putObject("student");
    sprov.put("library", "DJL " + ai.djl.engine.Engine.getDjlVersion());
    sprov.put("engine", "PyTorch (CPU)");
    sprov.put("optimizer", "adam");
    sprov.put(
        "portable_format",
        org.fairkd.kd.portable.PortableStudent.FORMAT
            + "/"
            + org.fairkd.kd.portable.PortableStudent.VERSION);
    return o;
  }

  private ObjectNode metrics(double[] s) {
    ObjectNode m = F.objectNode();
    m.put("auc", Scores.auc(s, yTest));
    m.put("accuracy", Scores.accuracy(s, yTest));
    m.put("log_loss", Scores.logLoss(s, yTest));
    return m;
  }

  private static void studentInfo(ObjectNode o, TrainedStudent t) {
    o.put("architecture", t.weights().architecture().toString());
    o.put("parameters", t.weights().parameterCount());
    o.put("best_epoch", t.bestEpoch());
    o.put("epochs_run", t.epochsRun());
    o.put("validation_auc", t.validationAuc());
  }

  private ObjectNode fairness() {
    ObjectNode f = F.objectNode();
    f.put("attribute", attribute.name());
    f.put(
        "metric",
        "demographic_parity_difference (max − min selection rate over hard groups at 0.5, test split)");
    int[] g = new int[split.test().length];
    for (int i = 0; i < g.length; i++) {
      g[i] = attribute.hardGroup(split.test()[i]);
    }
    int k = attribute.groups().size();
    f.put("teacher", Scores.demographicParityDifference(teacherTest, g, k));
    f.put("student", Scores.demographicParityDifference(studentTest, g, k));
    f.put("baseline", Scores.demographicParityDifference(baselineTest, g, k));
    return f;
  }

  private ObjectNode selection() {
    ObjectNode s = F.objectNode();
    s.put("architecture", architecture.toString());
    s.put("architecture_rule", cfg.architecture() == null ? "searched" : "configured");
    ArrayNode c = s.putArray("candidates");
    for (StudentSelection.Candidate k : candidates) {
      ObjectNode co = c.addObject();
      co.put("architecture", k.architecture().toString());
      co.put("parameters", k.parameters());
      co.put("score", k.score());
      co.put("validation_auc", k.auc());
      putOrNull(co, "validation_kl", k.kl(), "no teacher scores");
    }
    s.put("student_restarts", outcome.restarts());
    s.put("transfer", cfg.transfer());
    s.put("transfer_used", transferUsed);
    if (objectiveWithout != null) {
      s.put("validation_objective_without_transfer", objectiveWithout);
      s.put("validation_objective_with_transfer", objectiveWith);
    }
    s.put(
        "early_stopping",
        StudentTrainer.monitorsLoss(cfg.settings())
            ? "validation loss (KD term against the teacher"
                + (cfg.settings().lambda() > 0 ? " plus the penalty)" : ")")
            : "validation AUC");
    s.put(
        "objective",
        cfg.settings().lambda() > 0 ? "validation loss incl. penalty" : "-validation AUC");
    return s;
  }

  private void summary(ObjectNode o, String key, ToDoubleFunction<Repeat> f) {
    SummaryStatistics st = new SummaryStatistics();
    repeats.forEach(
        r -> {
          double v = f.applyAsDouble(r);
          if (!Double.isNaN(v)) {
            st.addValue(v);
          }
        });
    ObjectNode m = o.putObject(key);
    putOrNull(m, "mean", st.getN() == 0 ? Double.NaN : st.getMean(), "no defined value");
    putOrNull(
        m, "sd", st.getN() < 2 ? Double.NaN : st.getStandardDeviation(), "fewer than 2 repeats");
    putOrNull(m, "min", st.getN() == 0 ? Double.NaN : st.getMin(), "no defined value");
    putOrNull(m, "max", st.getN() == 0 ? Double.NaN : st.getMax(), "no defined value");
  }

  private static void putOrNull(ObjectNode o, String key, double v, String reason) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
      o.put(key + "_reason", reason);
    } else {
      o.put(key, v);
    }
  }

  static String sha256(Path p) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      DigestInputStream din = (DigestInputStream) in;
      while (din.read(buf) >= 0) {
        // digesting
      }
      return HexFormat.of().formatHex(din.getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + p, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] toBytes(JsonNode node) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
