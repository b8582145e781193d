package org.fairkd.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.fairkd.audit.result.Distillation;
import org.fairkd.fairness.report.Comparison;
import org.fairkd.kd.bench.DeploymentFigures;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.summary.DistillSummary.ModelMetrics;
import org.fairkd.kd.summary.GapRecovered;
import org.fairkd.kd.summary.Repeat;
import org.fairkd.policies.eval.Numbers;
import org.fairkd.report.svg.Charts;
import org.fairkd.report.svg.Svg;

/**
 * Section 3 of the report: teacher, members, student and baseline on the test split (AUC, accuracy,
 * log loss), fidelity, KL and gap recovered; how the student was built (architecture and how it was
 * chosen, loss settings, transfer set, early stopping, restarts: the development choices a model
 * validator documents); the spread over seeds with {@code --repeats}; distill.json's notes; and the
 * deployment gain (latency p50/p99, throughput, size on disk) as a table and log-scale charts, with
 * a note when the teacher was not timed (an external teacher) and why. Built from kd-core's {@link
 * DistillSummary} and the audit's paired {@link Comparison}.
 */
public record DistillationSection(
    List<ModelRow> models,
    List<Cell> headline,
    List<String> headlineNames,
    String gapRecovered,
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

  private static final String TEACHER = "teacher ensemble";
  private static final String DJL = "student (DJL)";
  private static final String PORTABLE = "student (portable Java)";

  /**
   * Builds the section, or returns null when the audit has no distillation (external scores);
   * {@code comparison} (null when absent) gives fidelity and KL with their intervals.
   */
  static DistillationSection build(DistillSummary distill, Comparison comparison) {
    if (distill == null) {
      return null;
    }
    DistillSummary.TestMetrics test = distill.test();
    List<ModelRow> models = new ArrayList<>();
    models.add(row(TEACHER, test.teacher(), ""));
    test.members()
        .forEach(
            (name, m) -> {
              Double w = test.weights().get(name);
              models.add(row("  member: " + name, m, w == null ? "" : estimate(w)));
            });
    models.add(row("student", test.student().metrics(), ""));
    models.add(row("baseline (hard labels)", test.baseline().metrics(), ""));

    List<String> headlineNames =
        List.of("fidelity (decision agreement)", "mean KL(teacher ‖ student)", "gap recovered");
    List<Cell> headline =
        List.of(
            comparison != null ? Cell.of(comparison.fidelity()) : Cell.number(distill.fidelity()),
            comparison != null ? Cell.of(comparison.klDivergence()) : Cell.number(distill.kl()),
            Cell.of(new Distillation(distill).gapRecovered()));

    DeploymentSummary dep = distill.deployment();
    List<DeployRow> deploy = new ArrayList<>();
    List<String> notMeasured = new ArrayList<>();
    if (dep.teacher() == null && dep.teacherReason() != null) {
      notMeasured.add(TEACHER + " not measured: " + dep.teacherReason());
    }
    List<String> labels = new ArrayList<>();
    List<Double> p50 = new ArrayList<>();
    List<Double> thr = new ArrayList<>();
    Map<String, DeploymentFigures> paths = new LinkedHashMap<>();
    paths.put(TEACHER, dep.teacher());
    paths.put(DJL, dep.studentDjl());
    paths.put(PORTABLE, dep.studentPortable());
    paths.forEach(
        (name, d) -> {
          if (d == null) {
            return;
          }
          deploy.add(
              new DeployRow(
                  name,
                  estimate(d.latencyP50Us()),
                  estimate(d.latencyP99Us()),
                  estimate(d.throughputRowsPerS()),
                  Numbers.count(d.sizeBytes())));
          labels.add(name);
          p50.add(d.latencyP50Us());
          thr.add(d.throughputRowsPerS());
        });
    List<String> speedups = new ArrayList<>();
    if (dep.teacher() != null) {
      speedups.add("latency speedup: " + estimate(dep.latencySpeedup()) + "×");
      speedups.add("throughput speedup: " + estimate(dep.throughputSpeedup()) + "×");
      speedups.add("size ratio: " + estimate(dep.sizeRatio()) + "×");
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
    return new DistillationSection(
        models,
        headline,
        headlineNames,
        gapRecovered(distill.gapRecovered()),
        deploy,
        speedups,
        notMeasured,
        development(distill),
        repeats(distill),
        distill.notes(),
        charts);
  }

  /** How the student was built, one sentence per choice, from the configuration and selection. */
  static List<String> development(DistillSummary distill) {
    DistillSummary.Selection sel = distill.selection();
    var st = distill.config().settings();
    DistillSummary.StudentMetrics student = distill.test().student();
    List<String> out = new ArrayList<>();
    int candidates = sel.candidates().size();
    out.add(
        "Student architecture "
            + sel.architecture()
            + (candidates > 0
                ? " (searched among "
                    + candidates
                    + " candidates on the validation split: lowest validation objective, the"
                    + " smallest net within the tie tolerance)"
                : " (configured)")
            + ".");
    out.add(
        "Loss: temperature T = "
            + Numbers.threshold(st.temperature())
            + ", alpha = "
            + Numbers.threshold(st.alpha())
            + ", fairness penalty lambda = "
            + Numbers.threshold(st.lambda())
            + (st.lambda() > 0 ? " (" + st.penalty().configName() + ")" : "")
            + ".");
    out.add(
        "MUNGE transfer set: "
            + sel.transfer()
            + (sel.transferUsed()
                ? ", used (" + Numbers.threshold(distill.config().transferMultiplier()) + "× rows)"
                : ", not used")
            + (sel.transferObjectives() != null ? transferEvidence(sel) : "")
            + ".");
    out.add(
        "Early stopping on the "
            + sel.earlyStopping()
            + "; kept epoch "
            + student.bestEpoch()
            + " of "
            + student.epochsRun()
            + ".");
    if (sel.studentRestarts() > 0) {
      out.add(
          "The penalised student collapsed and was retrained "
              + sel.studentRestarts()
              + " time(s) with other seeds (see the notes).");
    }
    return out;
  }

  /**
   * "; validation AUC without x, with y" (the transfer decision's criterion, AUC shown positive).
   */
  private static String transferEvidence(DistillSummary.Selection sel) {
    boolean auc = sel.objective().equals("-validation AUC");
    double sign = auc ? -1 : 1;
    return "; "
        + (auc ? "validation AUC" : sel.objective())
        + " without "
        + estimate(sign * sel.transferObjectives().without())
        + ", with "
        + estimate(sign * sel.transferObjectives().with());
  }

  /** Mean ± sd [min, max] per figure when more than one seed was trained; else empty. */
  static List<String> repeats(DistillSummary distill) {
    List<String> out = new ArrayList<>();
    int n = distill.repeats().size();
    if (n < 2) {
      return out;
    }
    Map<String, ToDoubleFunction<Repeat>> figures = new LinkedHashMap<>();
    figures.put("student auc", Repeat::studentAuc);
    figures.put("baseline auc", Repeat::baselineAuc);
    figures.put("fidelity", Repeat::fidelity);
    figures.put("gap recovered", Repeat::gapRecoveredValue);
    figures.forEach(
        (name, figure) -> {
          DistillSummary.Spread f = distill.spread(figure);
          out.add(
              name
                  + " over "
                  + n
                  + " seeds: "
                  + estimate(f.mean())
                  + " ± "
                  + estimate(f.sd())
                  + " ["
                  + estimate(f.min())
                  + ", "
                  + estimate(f.max())
                  + "]");
        });
    return out;
  }

  /**
   * Gap recovered in words, always visible: its value with the Fieller interval and the test of the
   * teacher's lead over the baseline it rests on, or "undefined" with the reason.
   */
  static String gapRecovered(GapRecovered g) {
    String head =
        g.defined()
            ? "Gap recovered "
                + Numbers.estimate(g.value())
                + (Double.isFinite(g.ciLow()) && Double.isFinite(g.ciHigh())
                    ? " (95% Fieller interval "
                        + Numbers.estimate(g.ciLow())
                        + " to "
                        + Numbers.estimate(g.ciHigh())
                        + ")"
                    : " (no interval)")
            : "Gap recovered undefined: " + g.reason();
    GapRecovered.TeacherLead lead = g.teacherLead();
    if (lead == null || !g.defined()) {
      return head + "."; // an undefined figure's reason already states the lead's test
    }
    return head
        + "; the teacher's AUC lead over the baseline is "
        + Numbers.estimate(lead.difference())
        + " (paired DeLong, "
        + Numbers.p(lead.pValue())
        + (lead.significant() ? ", significant)." : ", not significant).");
  }

  private static ModelRow row(String name, ModelMetrics m, String weight) {
    return new ModelRow(
        name, Cell.number(m.auc()), Cell.number(m.accuracy()), Cell.number(m.logLoss()), weight);
  }

  /** An estimate with three significant digits ({@link Numbers}), "n/a" for NaN. */
  static String estimate(double v) {
    return Double.isNaN(v) ? "n/a" : Numbers.estimate(v);
  }

  private static double[] toArray(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
