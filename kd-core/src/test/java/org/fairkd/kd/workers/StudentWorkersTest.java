package org.fairkd.kd.workers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.StudentWeights;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentWorkersTest {
  @TempDir Path tmp;

  /** A toy lending set: x0 is a group proxy; soft targets, labels, some unlabelled rows. */
  static TrainingData toy(int n, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][4];
    boolean[] y = new boolean[n];
    boolean[] labelled = new boolean[n];
    double[] teacher = new double[n];
    double[][] mem = new double[n][2];
    for (int i = 0; i < n; i++) {
      int g = r.nextBoolean() ? 1 : 0;
      mem[i][g] = 1;
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) r.nextGaussian();
      }
      x[i][0] += g;
      double logit = 1.5 * x[i][1] + 1.0 * (g - 0.5) + 0.3 * x[i][2];
      teacher[i] = 1 / (1 + Math.exp(-logit));
      y[i] = r.nextDouble() < teacher[i];
      labelled[i] = i % 5 != 0;
    }
    return new TrainingData(x, y, labelled, teacher, mem);
  }

  static final TrainingData TRAIN = toy(1200, 1);
  static final TrainingData VAL = toy(400, 2);

  static List<TrainingJob> jobs() {
    StudentSettings s =
        new StudentSettings(12, 64, 0.01, 4, 2.0, 0.9, 0, PenaltyKind.DEMOGRAPHIC_PARITY);
    return List.of(
        new TrainingJob(StudentArchitecture.parse("8"), s, 7),
        new TrainingJob(StudentArchitecture.parse("8x4"), s.withLambda(3), 8),
        new TrainingJob(StudentArchitecture.linear(), s.withLambda(0.7), 9));
  }

  static TrainedStudent here(TrainingJob j) {
    return StudentTrainer.train(TRAIN, VAL, j.architecture(), j.settings(), j.seed());
  }

  static void assertSameWeights(StudentWeights a, StudentWeights b) {
    assertEquals(a.weights().size(), b.weights().size());
    for (int l = 0; l < a.weights().size(); l++) {
      for (int r = 0; r < a.weights().get(l).length; r++) {
        assertArrayEquals(a.weights().get(l)[r], b.weights().get(l)[r], 0f, "layer " + l);
      }
      assertArrayEquals(a.biases().get(l), b.biases().get(l), 0f, "bias " + l);
    }
  }

  @Test
  void aWorkerTrainsBitForBitTheStudentThisProcessTrains() {
    List<TrainingJob> jobs = jobs();
    List<TrainedStudent> alone = jobs.stream().map(StudentWorkersTest::here).toList();
    AtomicInteger inProcess = new AtomicInteger();
    Function<TrainingJob, TrainedStudent> counted =
        j -> {
          inProcess.incrementAndGet();
          return here(j);
        };
    try (StudentWorkers w = StudentWorkers.start(TRAIN, VAL, 1)) {
      assertEquals(1, w.count());
      List<TrainedStudent> pooled = w.train(jobs, counted);
      assertEquals(1, w.count(), "the worker is still running");
      assertEquals(3, pooled.size());
      for (int k = 0; k < 3; k++) {
        assertSameWeights(alone.get(k).weights(), pooled.get(k).weights());
        assertEquals(alone.get(k).bestEpoch(), pooled.get(k).bestEpoch());
        assertEquals(alone.get(k).validationAuc(), pooled.get(k).validationAuc(), 0.0);
        assertEquals(alone.get(k).validationObjective(), pooled.get(k).validationObjective(), 0.0);
      }
    }
    assertEquals(true, inProcess.get() >= 1 && inProcess.get() <= 2, "worker took a job");
  }

  @Test
  void jobsOfAFailedWorkerAreTrainedHere() {
    List<TrainingJob> jobs = jobs().subList(0, 2);
    AtomicInteger inProcess = new AtomicInteger();
    try (StudentWorkers w = StudentWorkers.start(TRAIN, VAL, 1)) {
      w.killWorkers();
      List<TrainedStudent> pooled =
          w.train(
              jobs,
              j -> {
                inProcess.incrementAndGet();
                return here(j);
              });
      assertEquals(0, w.count());
      assertEquals(2, inProcess.get());
      assertSameWeights(here(jobs.get(1)).weights(), pooled.get(1).weights());
    }
  }

  @Test
  void noWorkersTrainsEverythingHereInOrder() {
    List<TrainingJob> jobs = jobs().subList(0, 2);
    try (StudentWorkers w = StudentWorkers.none()) {
      List<TrainedStudent> pooled = w.train(jobs, StudentWorkersTest::here);
      assertEquals(0, w.count());
      assertSameWeights(here(jobs.get(0)).weights(), pooled.get(0).weights());
      assertEquals("8x4", pooled.get(1).weights().architecture().toString());
    }
  }

  @Test
  void filesKeepEveryBit() throws IOException {
    Path rows = tmp.resolve("rows.bin");
    TrainingData noExtras = new TrainingData(VAL.x(), VAL.labels(), null, null, null);
    TrainingDataFile.writeRows(rows, TRAIN, noExtras);
    TrainingDataFile.Rows back = TrainingDataFile.readRows(rows);
    for (int i = 0; i < TRAIN.size(); i++) {
      assertArrayEquals(TRAIN.x()[i], back.train().x()[i], 0f);
      assertArrayEquals(TRAIN.membership()[i], back.train().membership()[i], 0.0);
    }
    assertArrayEquals(TRAIN.labels(), back.train().labels());
    assertArrayEquals(TRAIN.labelled(), back.train().labelled());
    assertArrayEquals(TRAIN.teacherProb(), back.train().teacherProb(), 0.0);
    assertNull(back.validation().teacherProb());
    assertNull(back.validation().membership());
    assertNull(back.validation().labelled());
    TrainedStudent s = here(jobs().get(1));
    Path student = tmp.resolve("student.bin");
    TrainingDataFile.writeStudent(student, s);
    TrainedStudent read = TrainingDataFile.readStudent(student);
    assertSameWeights(s.weights(), read.weights());
    assertEquals(s.validationObjective(), read.validationObjective(), 0.0);
    assertEquals(s.epochsRun(), read.epochsRun());
    Files.writeString(student, "not a student");
    IOException e = assertThrows(IOException.class, () -> TrainingDataFile.readStudent(student));
    assertEquals(true, e.getMessage().contains("student.bin"), e.getMessage());
  }

  @Test
  void jobLinesKeepEveryBit() {
    StudentSettings s =
        new StudentSettings(
            7, 33, 0.1 + 0.2, 3, Math.PI, 1.0 / 3, 1e-300, PenaltyKind.EQUALIZED_ODDS);
    TrainingJob j = new TrainingJob(StudentArchitecture.parse("64x32"), s, -5L);
    assertEquals(j, TrainingJob.parse(j.toLine()));
    assertThrows(IllegalArgumentException.class, () -> TrainingJob.parse("linear 1 2"));
  }
}
