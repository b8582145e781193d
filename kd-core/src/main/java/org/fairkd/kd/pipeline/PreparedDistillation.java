package org.fairkd.kd.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.bench.ScoringBench;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;
import org.fairkd.kd.summary.DistillSummary;
import org.fairkd.kd.workers.StudentWorkers;
import org.fairkd.kd.workers.TrainingJob;

/**
 * The distillation pipeline's first stages run once — split and encoding ({@link EncodedSplits}),
 * teacher and soft targets ({@link TeacherScores}), transfer set ({@link TransferSet}) and the
 * default architecture ({@link ArchitectureChoice}) — so that any number of candidate students can
 * then be trained from them with {@link #train}, each deterministic for its seed.
 *
 * <p>The penalty attribute's membership is prepared for every candidate (a candidate with lambda 0
 * ignores it); it is never a student input unless the dataset spec makes it a feature. With {@code
 * transfer: auto} every candidate is trained with the transfer set (as {@code on}; deciding per
 * candidate would double the cost); {@code off} and an external teacher train without it.
 */
public final class PreparedDistillation {
  private final DistillConfig cfg;
  private final EncodedSplits splits;
  private final TeacherScores teacher;
  private final TrainingData train;
  private final TrainingData validation;
  private final Preparation preparation;

  /**
   * What {@link #distillation} needs of the preparation besides the rows.
   *
   * @param seed the seed of the split, teacher and transfer set
   * @param architecture the architecture stage's choice (and its searched candidates)
   * @param transferUsed whether the candidates train on the transfer set
   * @param stages wall seconds of the preparation's stages, in run order
   * @param startedNanos {@link System#nanoTime()} when the preparation started
   * @param preparedNanos {@link System#nanoTime()} when it ended
   */
  record Preparation(
      long seed,
      ArchitectureChoice architecture,
      boolean transferUsed,
      Map<String, Double> stages,
      long startedNanos,
      long preparedNanos) {}

  private PreparedDistillation(
      DistillConfig cfg,
      EncodedSplits splits,
      TeacherScores teacher,
      TrainingData train,
      TrainingData validation,
      Preparation preparation) {
    this.cfg = cfg;
    this.splits = splits;
    this.teacher = teacher;
    this.train = train;
    this.validation = validation;
    this.preparation = preparation;
  }

  /**
   * Splits, encodes, trains (or reads) the teacher and builds the transfer set once.
   *
   * @param attribute the protected attribute a candidate's penalty uses
   * @throws DistillationException when the dataset has no such attribute
   */
  public static PreparedDistillation prepare(
      TabularDataset data, DistillConfig cfg, String attribute, long seed) {
    ProtectedAttribute attr =
        data.protectedAttribute(attribute)
            .orElseThrow(
                () ->
                    new DistillationException(
                        "dataset "
                            + data.name()
                            + " has no protected attribute '"
                            + attribute
                            + "' (it has: "
                            + String.join(
                                ", ",
                                data.protectedAttributes().stream()
                                    .map(ProtectedAttribute::name)
                                    .toList())
                            + ")"));
    long started = System.nanoTime();
    StageClock clock = new StageClock();
    EncodedSplits s = EncodedSplits.of(data, cfg, seed).withMembership(attr);
    clock.mark("split_and_encode");
    TeacherScores t = TeacherScores.of(cfg, s, seed);
    TrainingData tr = t.trainingData(s);
    TrainingData val = t.validationData(s);
    clock.mark("teacher");
    TransferSet transfer = TransferSet.build(cfg, s, t, tr, seed);
    TrainingData rows = transfer.rows() == null ? tr : transfer.rows().data();
    clock.mark("transfer_set");
    ArchitectureChoice arch = ArchitectureChoice.choose(cfg, tr, transfer, val, seed);
    clock.mark("architecture");
    Preparation p =
        new Preparation(
            seed, arch, transfer.rows() != null, clock.seconds(), started, System.nanoTime());
    return new PreparedDistillation(cfg, s, t, rows, val, p);
  }

  /** Trains one candidate on the prepared rows; validation is used for early stopping only. */
  public CandidateStudent train(CandidateSettings c) {
    return train(List.of(c), StudentWorkers.none()).get(0);
  }

  /**
   * Trains several candidates, at once where {@code workers} has worker processes; each candidate
   * is the same as {@link #train(CandidateSettings)} gives it. The result is in the given order.
   */
  public List<CandidateStudent> train(List<CandidateSettings> cs, StudentWorkers workers) {
    List<TrainingJob> jobs = cs.stream().map(this::job).toList();
    List<TrainedStudent> trained =
        workers.train(
            jobs,
            j ->
                StudentTraining.run(
                    "candidate", train, validation, j.architecture(), j.settings(), j.seed()));
    List<CandidateStudent> out = new ArrayList<>();
    for (int k = 0; k < cs.size(); k++) {
      out.add(candidate(cs.get(k), trained.get(k)));
    }
    return out;
  }

  /**
   * Starts {@code count} training worker processes on the prepared rows (0: none); close them when
   * done.
   */
  public StudentWorkers workers(int count) {
    return StudentWorkers.start(train, validation, count);
  }

  private TrainingJob job(CandidateSettings c) {
    return new TrainingJob(c.architecture(), settingsOf(c), c.seed());
  }

  /** The configured student settings with the candidate's temperature, lambda and penalty. */
  StudentSettings settingsOf(CandidateSettings c) {
    StudentSettings base = cfg.settings();
    return new StudentSettings(
        base.epochs(),
        base.batchSize(),
        base.learningRate(),
        base.patience(),
        c.temperature(),
        base.alpha(),
        c.lambda(),
        c.penalty());
  }

  private CandidateStudent candidate(CandidateSettings c, TrainedStudent trained) {
    StudentSettings base = cfg.settings();
    double[] valScores;
    double[] testScores;
    try (DjlStudent djl = DjlStudent.of(trained.weights())) {
      valScores = djl.predict(splits.validation().x());
      testScores = djl.predict(splits.test().x());
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("dataset", splits.data().name());
    meta.put("seed", c.seed());
    meta.put("penalty", c.lambda() > 0 ? c.penalty().configName() : "none");
    meta.put("penalty_attribute", splits.attribute().name());
    meta.put("lambda", c.lambda());
    meta.put("temperature", c.temperature());
    meta.put("alpha", base.alpha());
    PortableStudent portable =
        PortableStudent.of(
            splits.encoder().spec(), splits.encoder().outputNames(), trained.weights(), meta);
    return new CandidateStudent(
        c, valScores, testScores, portable, trained.bestEpoch(), trained.seconds(), trained);
  }

  /**
   * Candidate {@code c} described as {@code distill} describes its student, so that an audit of it
   * carries the usual distillation section: a {@link DistillSummary} with the preparation's teacher
   * figures, the candidate's settings, test metrics and fidelity, a hard-label baseline trained now
   * (the candidate's architecture and seed: {@code gap_recovered} needs one), the deployment gain
   * measured on {@code file} against the teacher's fastest path, and a note naming the candidate
   * {@code id}. One seed: no repeats. With {@code outDirOrNull}, the files {@code distill --out}
   * writes are written there ({@code teacher/}, {@code student/} with {@code file}'s bytes,
   * predictions.csv, distill.json). See {@link CandidateDistillation}.
   *
   * @param c a candidate trained by {@link #train} (it carries its training run)
   * @param file the candidate's portable student as deployed (its weights must be {@code c}'s)
   * @param id the candidate's name, for the note
   * @throws IllegalArgumentException when {@code c} has no training run or {@code file} holds other
   *     weights
   */
  public DistillationResult distillation(
      CandidateStudent c, PortableStudent file, String id, Path outDirOrNull, ScoringBench bench) {
    return CandidateDistillation.run(this, c, file, id, outDirOrNull, bench);
  }

  /**
   * {@link #distillation(CandidateStudent, PortableStudent, String, Path, ScoringBench)} timed on
   * the default deployment bench.
   */
  public DistillationResult distillation(
      CandidateStudent c, PortableStudent file, String id, Path outDirOrNull) {
    return distillation(c, file, id, outDirOrNull, ScoringBench.defaults());
  }

  DistillConfig config() {
    return cfg;
  }

  EncodedSplits splits() {
    return splits;
  }

  TeacherScores teacher() {
    return teacher;
  }

  /** The rows every candidate trains on (the transfer set when used). */
  TrainingData trainingRows() {
    return train;
  }

  TrainingData validation() {
    return validation;
  }

  Preparation preparation() {
    return preparation;
  }

  /** The architecture a candidate gets by default: configured, or searched on validation. */
  public StudentArchitecture defaultArchitecture() {
    return preparation.architecture().architecture();
  }

  /** The configured student settings (temperature, alpha, epochs, …). */
  public StudentSettings settings() {
    return cfg.settings();
  }

  /** The dataset. */
  public TabularDataset data() {
    return splits.data();
  }

  /** Dataset row indexes of the validation rows (a copy). */
  public int[] validationRows() {
    return splits.validation().rows().clone();
  }

  /** Dataset row indexes of the test rows (a copy). */
  public int[] testRows() {
    return splits.test().rows().clone();
  }

  /** Labels of the validation rows (true = favourable; a copy). */
  public boolean[] validationLabels() {
    return splits.validation().y().clone();
  }

  /** Labels of the test rows (a copy). */
  public boolean[] testLabels() {
    return splits.test().y().clone();
  }

  /** The teacher's scores on the test rows, in the order of {@link #testRows()} (a copy). */
  public double[] teacherTestScores() {
    return teacher.test().clone();
  }

  /** The teacher's scores on the validation rows (a copy). */
  public double[] teacherValidationScores() {
    return teacher.validation().clone();
  }
}
