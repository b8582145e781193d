package org.fairkd.kd.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.base.files.Sha256;
import org.fairkd.base.scores.ScoreStats;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.summary.CompressedModel;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.summary.DistillSummary.ModelMetrics;
import org.fairkd.kd.summary.TeacherProvenance;
import org.fairkd.kd.teacher.TeacherEnsemble;
import org.fairkd.kd.teacher.TeacherFit;

/**
 * The last step of {@link Distiller}: the {@link DistillSummary} of the stages' results — test
 * metrics of every model (decisions at {@value #THRESHOLD}), fidelity, KL, the fairness gaps, the
 * selection, the timings, the notes, the inputs' SHA-256 and the provenance.
 */
final class SummaryBuilder {
  /** The decision threshold of accuracy, fidelity and the demographic-parity gaps. */
  static final double THRESHOLD = 0.5;

  static final String EXTERNAL_NOTE =
      "external teacher: scores read from a file by row id; no teacher trained, no teacher/ output;"
          + " MUNGE transfer switched off (an external teacher cannot label synthetic rows);"
          + " no teacher deployment figures (it cannot be timed)";

  static final String DP_METRIC =
      "demographic_parity_difference (max − min selection rate over hard groups at 0.5, test split)";

  private SummaryBuilder() {}

  /**
   * Everything the stages produced.
   *
   * @param splits stage 1
   * @param teacher stage 2
   * @param architecture stage 4
   * @param training stage 5
   * @param repeats stage 6
   * @param export stage 7
   * @param compression stage 8
   */
  record Stages(
      EncodedSplits splits,
      TeacherScores teacher,
      ArchitectureChoice architecture,
      StudentTraining training,
      RepeatTraining repeats,
      Export export,
      Compression compression) {}

  static DistillSummary build(
      DistillConfig cfg,
      long seed,
      Stages st,
      double selectionSeconds,
      double totalSeconds,
      Map<String, Double> stageSeconds) {
    return build(cfg, seed, st, selectionSeconds, totalSeconds, stageSeconds, List.of());
  }

  /** The summary with {@code firstNotes} before the stages' own notes. */
  static DistillSummary build(
      DistillConfig cfg,
      long seed,
      Stages st,
      double selectionSeconds,
      double totalSeconds,
      Map<String, Double> stageSeconds,
      List<String> firstNotes) {
    EncodedSplits s = st.splits();
    boolean[] yTe = s.test().y();
    double[] teacherTe = st.teacher().test();
    double[] studentTe = st.repeats().studentTest();
    double[] baselineTe = st.repeats().baselineTest();
    PipelineTeacher pt = st.teacher().teacher();
    TeacherEnsemble ensemble = pt.ensemble();
    Map<String, ModelMetrics> members = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    if (ensemble != null) {
      ensemble.memberPredictions(s.test().x()).forEach((k, p) -> members.put(k, metrics(p, yTe)));
      for (int i = 0; i < ensemble.memberNames().size(); i++) {
        weights.put(ensemble.memberNames().get(i), ensemble.weights()[i]);
      }
    }
    TrainedStudent student = st.training().student().student();
    TrainedStudent baseline = st.training().baseline();
    List<String> notes = new ArrayList<>(firstNotes);
    String restartNote = st.training().guard().outcomeNote(st.training().student(), seed);
    if (restartNote != null) {
      notes.add(restartNote);
    }
    if (pt.isExternal()) {
      notes.add(EXTERNAL_NOTE);
    }
    List<DistillSummary.InputFile> inputs = new ArrayList<>();
    for (Path p : s.data().sourceFiles()) {
      inputs.add(new DistillSummary.InputFile(p.toString(), Sha256.of(p)));
    }
    return new DistillSummary(
        s.data().name(),
        seed,
        cfg,
        new DistillSummary.SplitSizes(
            s.split().train().length, s.split().validation().length, s.split().test().length),
        new DistillSummary.TestMetrics(
            metrics(teacherTe, yTe),
            members,
            weights,
            student(metrics(studentTe, yTe), student),
            student(metrics(baselineTe, yTe), baseline),
            pt.fit() == null
                ? null
                : new DistillSummary.WeightsFit(
                    pt.fit().weightSource().key(), pt.fit().weightRows())),
        ScoreStats.agreement(studentTe, teacherTe, THRESHOLD),
        ScoreStats.meanKl(teacherTe, studentTe),
        st.repeats().repeats().get(0).gapRecovered(),
        fairness(s, teacherTe, studentTe, baselineTe),
        selection(cfg, st),
        st.export().deployment(),
        new DistillSummary.TrainingSeconds(
            teacherSeconds(pt.fit()),
            student.seconds(),
            baseline.seconds(),
            selectionSeconds,
            totalSeconds,
            stageSeconds),
        notes,
        st.repeats().repeats(),
        inputs,
        new DistillSummary.Provenance(
            teacherProvenance(pt),
            new DistillSummary.StudentProvenance(
                "DJL " + ai.djl.engine.Engine.getDjlVersion(),
                "PyTorch (CPU)",
                "adam",
                PortableStudent.FORMAT + "/" + PortableStudent.VERSION)),
        compression(s, st.compression(), teacherTe, studentTe));
  }

  private static List<CompressedModel> compression(
      EncodedSplits s, Compression c, double[] teacher, double[] student) {
    boolean[] y = s.test().y();
    List<CompressedModel> out = new ArrayList<>();
    for (Compression.Compressed k : c.students()) {
      double[] scores = k.testScores();
      double maxChange = 0;
      for (int i = 0; i < scores.length; i++) {
        maxChange = Math.max(maxChange, Math.abs(scores[i] - student[i]));
      }
      long weights = 0;
      for (float[][] w : k.student().student().weights().weights()) {
        weights += (long) w.length * w[0].length;
      }
      out.add(
          new CompressedModel(
              k.student().method().name(),
              k.student().method().role(),
              k.student().method().description(),
              "student/" + k.student().fileName(),
              weights,
              k.student().nonZeroWeights(),
              metrics(scores, y),
              ScoreStats.agreement(scores, student, THRESHOLD),
              ScoreStats.agreement(scores, teacher, THRESHOLD),
              maxChange,
              demographicParity(s, scores),
              k.deployment()));
    }
    return out;
  }

  private static ModelMetrics metrics(double[] s, boolean[] y) {
    return new ModelMetrics(
        ScoreStats.auc(s, y), ScoreStats.accuracy(s, y, THRESHOLD), ScoreStats.logLoss(s, y));
  }

  private static DistillSummary.StudentMetrics student(ModelMetrics m, TrainedStudent t) {
    return new DistillSummary.StudentMetrics(
        m,
        t.weights().architecture().toString(),
        t.weights().parameterCount(),
        t.bestEpoch(),
        t.epochsRun(),
        t.validationAuc());
  }

  private static DistillSummary.FairnessGaps fairness(
      EncodedSplits s, double[] teacher, double[] student, double[] baseline) {
    ProtectedAttribute a = s.attribute();
    if (a == null) {
      return null;
    }
    return new DistillSummary.FairnessGaps(
        a.name(),
        DP_METRIC,
        demographicParity(s, teacher),
        demographicParity(s, student),
        demographicParity(s, baseline));
  }

  /** The penalty attribute's demographic-parity gap of test scores; NaN without an attribute. */
  private static double demographicParity(EncodedSplits s, double[] scores) {
    ProtectedAttribute a = s.attribute();
    if (a == null) {
      return Double.NaN;
    }
    int[] rows = s.split().test();
    int[] g = new int[rows.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = a.hardGroup(rows[i]);
    }
    return ScoreStats.demographicParityDifference(scores, g, a.groups().size(), THRESHOLD);
  }

  private static DistillSummary.Selection selection(DistillConfig cfg, Stages st) {
    List<DistillSummary.Candidate> candidates = new ArrayList<>();
    for (StudentSelection.Candidate c : st.architecture().candidates()) {
      candidates.add(
          new DistillSummary.Candidate(
              c.architecture().toString(), c.parameters(), c.score(), c.auc(), c.kl()));
    }
    StudentTraining t = st.training();
    boolean penalised = cfg.settings().lambda() > 0;
    return new DistillSummary.Selection(
        st.architecture().architecture().toString(),
        st.architecture().searched(),
        candidates,
        t.student().restarts(),
        cfg.transfer(),
        t.transferUsed(),
        t.objectiveWithout() == null
            ? null
            : new DistillSummary.TransferObjectives(t.objectiveWithout(), t.objectiveWith()),
        StudentTrainer.monitorsLoss(cfg.settings())
            ? "validation loss (KD term against the teacher"
                + (penalised ? " plus the penalty)" : ")")
            : "validation AUC",
        penalised ? "validation loss incl. penalty" : "-validation AUC");
  }

  private static DistillSummary.TeacherSeconds teacherSeconds(TeacherFit fit) {
    return fit == null
        ? null
        : new DistillSummary.TeacherSeconds(
            fit.trainSeconds(),
            fit.memberSeconds(),
            fit.softTargetSeconds(),
            fit.foldSeconds(),
            fit.weightSeconds());
  }

  private static TeacherProvenance teacherProvenance(PipelineTeacher pt) {
    if (pt.isExternal()) {
      ExternalTeacherSpec e = pt.spec();
      return new TeacherProvenance.External(
          e.file().toString(), e.idColumn(), e.scoreColumn(), Sha256.of(e.file()));
    }
    return new TeacherProvenance.Ensemble(pt.ensemble().provenanceByMember());
  }
}
