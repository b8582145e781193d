package org.fairkd.kd.reasons;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.teacher.TeacherEnsemble;

/**
 * Test code, not shipped: the cost of adverse-action reasons on a finished {@code fairkd distill}
 * output, as the audit computes them (the student's test-split declines, reference = the
 * teacher-ranked best-scoring decile). {@code main <built-in dataset> <distill out dir> [seed=42]
 * [teacher declines=100]} prints the student's exact Shapley time per applicant over 10,000
 * declines (the declines repeated; wall clock, median of 5 runs after 2 warm-ups, and the JVM's CPU
 * time per applicant) on 1 thread and on all processors, and the teacher's over its declines
 * (median of 3), with the system load average so that a reader sees whether the machine was idle.
 *
 * <pre>
 * mvn -B -q -pl kd-core -am test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=/tmp/fairkd-cp.txt -Dmdep.includeScope=test
 * java -cp kd-core/target/test-classes:kd-core/target/classes:$(cat /tmp/fairkd-cp.txt) \
 *   org.fairkd.kd.reasons.StudentReasonsBenchmark adult DISTILL_OUT
 * </pre>
 */
public final class StudentReasonsBenchmark {
  private StudentReasonsBenchmark() {}

  public static void main(String[] args) {
    TabularDataset data = Datasets.load(args[0], null);
    Path dir = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    int teacherDeclines = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    Split split = Split.stratified(data, 0.15, 0.2, seed);
    PortableStudent student = PortableStudent.read(dir.resolve("student/student.json"));
    TeacherEnsemble teacher = TeacherEnsemble.load(dir.resolve("teacher"));
    FeatureEncoder enc = FeatureEncoder.fromSpec(student.encoder());
    float[][] train = enc.transform(data, split.train());
    ReferencePoint ref =
        ReferencePoint.bestScoringDecile(
            student.encoder(), train, teacher.predictFavourable(train), "teacher");
    float[][] x = enc.transform(data, split.test());
    double[] score = new PortableScorer(student).scoreEncoded(x);
    List<float[]> declined = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (score[i] < 0.5) {
        declined.add(x[i]);
      }
    }
    float[][] many = new float[10_000][];
    for (int i = 0; i < many.length; i++) {
      many[i] = declined.get(i % declined.size());
    }
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "%s: student %s, %d test declines (repeated to 10,000), %d processors, load average %.2f%n",
        args[0],
        student.architecture(),
        declined.size(),
        cores,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
      ShapleyAttributor a = ShapleyAttributor.ofStudent(student, ref, 32, seed, threads);
      double[] us = new double[7];
      double[] cpu = new double[us.length];
      double gap = 0;
      for (int run = 0; run < us.length; run++) {
        long c = processCpuNanos();
        long t = System.nanoTime();
        for (Attribution at : a.attribute(many)) {
          PrincipalReasons.of(at, a.groups(), ReasonTexts.none(), PrincipalReasons.DEFAULT_K);
          gap = Math.max(gap, Math.abs(at.completenessGap()));
        }
        us[run] = (System.nanoTime() - t) / 1e3 / many.length;
        cpu[run] = (processCpuNanos() - c) / 1e3 / many.length;
      }
      double[] timed = Arrays.copyOfRange(us, 2, us.length);
      System.out.printf(
          "student exact Shapley, %d thread(s): median %.1f µs per applicant (runs %s), process"
              + " CPU %.1f µs per applicant; max completeness gap %.1e%n",
          threads,
          new Median().evaluate(timed),
          Arrays.toString(round(timed)),
          new Median().evaluate(Arrays.copyOfRange(cpu, 2, cpu.length)),
          gap);
    }
    float[][] few =
        declined.subList(0, Math.min(teacherDeclines, declined.size())).toArray(new float[0][]);
    ShapleyAttributor t =
        new ShapleyAttributor(
            teacher::predictFavourable, FeatureGroups.of(student.encoder()), ref, 32, seed);
    double[] ms = new double[3];
    for (int run = 0; run < ms.length; run++) {
      long t0 = System.nanoTime();
      t.attribute(few);
      ms[run] = (System.nanoTime() - t0) / 1e6 / few.length;
    }
    System.out.printf(
        "teacher Shapley (%s): median %.2f ms per applicant over %d declines (runs %s)%n",
        t.method(), new Median().evaluate(ms), few.length, Arrays.toString(round(ms)));
  }

  /** CPU time of the whole JVM (all threads, GC and JIT included). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double[] round(double[] v) {
    return Arrays.stream(v).map(d -> Math.round(d * 10) / 10.0).toArray();
  }
}
