package org.fairkd.kd.summary;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.fairkd.kd.bench.DeploymentSummary;
import org.fairkd.kd.pipeline.DistillConfig;

/**
 * What one distillation produced, typed: everything distill.json ({@code schema: fairkd.distill/1})
 * holds. Written by {@code org.fairkd.kd.files.DistillJsonWriter} and read back by {@code
 * DistillJsonReader}; the keys are documented in kd-core's README.
 *
 * <p>An undefined figure is {@code NaN} here (e.g. {@code kl} without teacher scores); the file has
 * {@code null} and a sibling {@code <key>_reason}.
 *
 * @param dataset the dataset's name
 * @param seed the run's seed (split, teacher, first student)
 * @param config the resolved configuration
 * @param split row counts of the three splits
 * @param test test-split metrics of every model
 * @param fidelity decision agreement of student and teacher at 0.5 on the test split
 * @param kl mean KL(teacher ‖ student) on the test split
 * @param gapRecovered {@code (AUC_S − AUC_B) / (AUC_T − AUC_B)} of the first seed with its
 *     interval, or why it is undefined (the teacher's lead over the baseline is not significant)
 * @param fairness the demographic-parity gaps on the penalty attribute, or null without one
 * @param selection how the architecture and the transfer set were chosen
 * @param deployment the scoring speed and size of teacher and student
 * @param trainingSeconds wall-clock times
 * @param notes what a reader needs to know (an external teacher, a restarted student); may be empty
 * @param repeats one entry per seed, the first being {@code seed}
 * @param inputs the dataset's source files with their SHA-256
 * @param provenance what trained the teacher and the student
 * @param compression the compressed students ({@code student.compress}), empty without
 */
public record DistillSummary(
    String dataset,
    long seed,
    DistillConfig config,
    SplitSizes split,
    TestMetrics test,
    double fidelity,
    double kl,
    GapRecovered gapRecovered,
    FairnessGaps fairness,
    Selection selection,
    DeploymentSummary deployment,
    TrainingSeconds trainingSeconds,
    List<String> notes,
    List<Repeat> repeats,
    List<InputFile> inputs,
    Provenance provenance,
    List<CompressedModel> compression) {
  /** The distill.json schema tag. */
  public static final String SCHEMA = "fairkd.distill/1";

  /** Copies the lists. */
  public DistillSummary {
    notes = List.copyOf(notes);
    repeats = List.copyOf(repeats);
    inputs = List.copyOf(inputs);
    compression = List.copyOf(compression);
  }

  /** Mean, SD, min and max of a figure over the repeats, NaN values (undefined) left out. */
  public Spread spread(ToDoubleFunction<Repeat> figure) {
    SummaryStatistics st = new SummaryStatistics();
    for (Repeat r : repeats) {
      double v = figure.applyAsDouble(r);
      if (!Double.isNaN(v)) {
        st.addValue(v);
      }
    }
    boolean none = st.getN() == 0;
    return new Spread(
        none ? Double.NaN : st.getMean(),
        st.getN() < 2 ? Double.NaN : st.getStandardDeviation(),
        none ? Double.NaN : st.getMin(),
        none ? Double.NaN : st.getMax());
  }

  /** An insertion-ordered, unmodifiable copy. */
  static <V> Map<String, V> ordered(Map<String, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** Row counts of the train, validation and test splits. */
  public record SplitSizes(int train, int validation, int test) {}

  /** AUC, accuracy at 0.5 and log loss of one model on the test split. */
  public record ModelMetrics(double auc, double accuracy, double logLoss) {}

  /**
   * A student's test metrics and how it was trained.
   *
   * @param metrics test metrics
   * @param architecture e.g. {@code 32x32} or {@code linear}
   * @param parameters number of weights and biases
   * @param bestEpoch 1-based epoch whose weights were kept
   * @param epochsRun epochs trained before early stopping
   * @param validationAuc AUC of the kept weights on validation
   */
  public record StudentMetrics(
      ModelMetrics metrics,
      String architecture,
      long parameters,
      int bestEpoch,
      int epochsRun,
      double validationAuc) {}

  /**
   * Test metrics of all models.
   *
   * @param teacher the teacher (ensemble or external scores)
   * @param members each ensemble member by name, in member order (empty for an external teacher)
   * @param weights each member's ensemble weight, in member order (empty for an external teacher)
   * @param student the distilled student
   * @param baseline the hard-label baseline student
   * @param weightsFit where the member weights were fitted, or null for an external teacher
   */
  public record TestMetrics(
      ModelMetrics teacher,
      Map<String, ModelMetrics> members,
      Map<String, Double> weights,
      StudentMetrics student,
      StudentMetrics baseline,
      WeightsFit weightsFit) {
    /** Copies the maps, keeping their order. */
    public TestMetrics {
      members = ordered(members);
      weights = ordered(weights);
    }
  }

  /**
   * Where the ensemble's member weights were fitted ({@code org.fairkd.kd.teacher.WeightSource}).
   *
   * @param source {@code validation}, {@code out_of_fold} or {@code fixed}
   * @param rows the rows they were fitted on (0 when fixed)
   */
  public record WeightsFit(String source, int rows) {}

  /**
   * Demographic parity difference (max − min selection rate over hard groups at 0.5, test split).
   *
   * @param attribute the protected attribute (the penalty's)
   * @param metric the metric's description
   * @param teacher the teacher's gap
   * @param student the student's gap
   * @param baseline the baseline's gap
   */
  public record FairnessGaps(
      String attribute, String metric, double teacher, double student, double baseline) {}

  /**
   * One searched architecture.
   *
   * @param architecture the architecture
   * @param parameters its parameter count
   * @param score its validation objective (lower is better)
   * @param validationAuc its validation AUC
   * @param validationKl mean KL(teacher ‖ candidate) on validation, NaN without teacher scores
   */
  public record Candidate(
      String architecture,
      long parameters,
      double score,
      double validationAuc,
      double validationKl) {}

  /**
   * The validation objectives of the transfer decision ({@code transfer: auto} only).
   *
   * @param without trained without the MUNGE rows
   * @param with trained with them
   */
  public record TransferObjectives(double without, double with) {}

  /**
   * How the student was chosen.
   *
   * @param architecture the kept architecture
   * @param searched true when searched ({@code auto}), false when configured
   * @param candidates the searched candidates (empty when configured)
   * @param studentRestarts restarts the collapse guard needed
   * @param transfer the configured transfer mode (auto, on, off)
   * @param transferUsed whether the student was trained with the MUNGE rows
   * @param transferObjectives the transfer decision's objectives, or null unless {@code auto}
   * @param earlyStopping what early stopping monitored
   * @param objective the selection objective
   */
  public record Selection(
      String architecture,
      boolean searched,
      List<Candidate> candidates,
      int studentRestarts,
      String transfer,
      boolean transferUsed,
      TransferObjectives transferObjectives,
      String earlyStopping,
      String objective) {
    /** Copies the list. */
    public Selection {
      candidates = List.copyOf(candidates);
    }
  }

  /**
   * Wall-clock seconds of a trained teacher.
   *
   * @param total the whole fit
   * @param members each final member's training, in member order
   * @param softTargets the soft targets (k-fold refits when out of fold) and the weight fit
   * @param folds each member's k out-of-fold refits (summed over the folds; 0 when not refitted)
   * @param weights the weight fit
   */
  public record TeacherSeconds(
      double total,
      Map<String, Double> members,
      double softTargets,
      Map<String, Double> folds,
      double weights) {
    /** Copies the maps, keeping their order. */
    public TeacherSeconds {
      members = ordered(members);
      folds = ordered(folds);
    }
  }

  /**
   * Wall-clock seconds of the run.
   *
   * @param teacher the teacher's fit, or null for an external teacher (trained elsewhere)
   * @param student the kept student's training
   * @param baseline the baseline's training
   * @param selection architecture search and transfer decision
   * @param total the whole run up to the output files
   * @param stages each pipeline stage in run order (see {@code Distiller}): {@code
   *     split_and_encode}, {@code teacher}, {@code transfer_set}, {@code architecture}, {@code
   *     student_and_baseline}, {@code repeats}, {@code export_and_bench}, {@code compression}
   */
  public record TrainingSeconds(
      TeacherSeconds teacher,
      double student,
      double baseline,
      double selection,
      double total,
      Map<String, Double> stages) {
    /** Copies the map, keeping its order. */
    public TrainingSeconds {
      stages = ordered(stages);
    }
  }

  /**
   * Mean, SD, min and max of a figure over the repeats; NaN when undefined (SD needs two values).
   */
  public record Spread(double mean, double sd, double min, double max) {}

  /** A source file of the dataset and its SHA-256. */
  public record InputFile(String path, String sha256) {}

  /**
   * What trained the models.
   *
   * @param teacher the teacher's provenance
   * @param student the student's training stack
   */
  public record Provenance(TeacherProvenance teacher, StudentProvenance student) {}

  /** The student's training stack and file format. */
  public record StudentProvenance(
      String library, String engine, String optimizer, String portableFormat) {}
}
