package org.fairkd.kd.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.DistillationException;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.DjlStudent;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;
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
  private final StudentArchitecture defaultArchitecture;

  private PreparedDistillation(
      DistillConfig cfg,
      EncodedSplits splits,
      TeacherScores teacher,
      TrainingData train,
      TrainingData validation,
      StudentArchitecture defaultArchitecture) {
    this.cfg = cfg;
    this.splits = splits;
    this.teacher = teacher;
    this.train = train;
    this.validation = validation;
    this.defaultArchitecture = defaultArchitecture;
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
    EncodedSplits s = EncodedSplits.of(data, cfg, seed).withMembership(attr);
    TeacherScores t = TeacherScores.of(cfg, s, seed);
    TrainingData tr = t.trainingData(s);
    TrainingData val = t.validationData(s);
    TransferSet transfer = TransferSet.build(cfg, s, t, tr, seed);
    TrainingData rows = transfer.rows() == null ? tr : transfer.rows().data();
    StudentArchitecture arch =
        ArchitectureChoice.choose(cfg, tr, transfer, val, seed).architecture();
    return new PreparedDistillation(cfg, s, t, rows, val, arch);
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
    StudentSettings base = cfg.settings();
    StudentSettings settings =
        new StudentSettings(
            base.epochs(),
            base.batchSize(),
            base.learningRate(),
            base.patience(),
            c.temperature(),
            base.alpha(),
            c.lambda(),
            c.penalty());
    return new TrainingJob(c.architecture(), settings, c.seed());
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
        c, valScores, testScores, portable, trained.bestEpoch(), trained.seconds());
  }

  /** The architecture a candidate gets by default: configured, or searched on validation. */
  public StudentArchitecture defaultArchitecture() {
    return defaultArchitecture;
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
