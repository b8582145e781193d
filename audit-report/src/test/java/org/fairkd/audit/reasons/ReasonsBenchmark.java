package org.fairkd.audit.reasons;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.reasons.FeatureGroups;
import org.fairkd.kd.reasons.PrincipalReasons;
import org.fairkd.kd.reasons.ReasonTexts;
import org.fairkd.kd.reasons.ReferencePoint;
import org.fairkd.kd.reasons.ShapleyAttributor;
import org.fairkd.kd.reasons.StudentAttributor;
import org.fairkd.kd.teacher.TeacherEnsemble;

/**
 * Measures adverse-action reasons on a finished {@code fairkd distill} output (test code, not
 * shipped): {@code main <built-in dataset> <distill out dir> [seed=42] [validation=0.15] [test=0.2]
 * [out reasons.csv]}. Recomputes the distillation's split, reads student/student.json and teacher/,
 * and prints the fidelity, the proxy flags and the time per applicant (thread CPU is not used: wall
 * clock of a single thread, best of 3 for the student).
 */
public final class ReasonsBenchmark {
  private ReasonsBenchmark() {}

  public static void main(String[] args) {
    TabularDataset data = Datasets.load(args[0], null);
    Path dir = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    double val = args.length > 3 ? Double.parseDouble(args[3]) : 0.15;
    double test = args.length > 4 ? Double.parseDouble(args[4]) : 0.2;
    Split split = Split.stratified(data, val, test, seed);
    int[] audited =
        args.length > 5
            ? java.util.Arrays.copyOf(
                split.test(), Math.min(split.test().length, Integer.parseInt(args[5])))
            : split.test();
    PortableStudent student = PortableStudent.read(dir.resolve("student/student.json"));
    TeacherEnsemble teacher = TeacherEnsemble.load(dir.resolve("teacher"));
    AdverseActionReasons.Settings settings = AdverseActionReasons.Settings.defaults();
    long t0 = System.nanoTime();
    AdverseActionResult r =
        AdverseActionReasons.compute(
            data,
            audited,
            split.train(),
            student,
            teacher::predictFavourable,
            ReasonTexts.of(data.spec()),
            settings);
    double total = (System.nanoTime() - t0) / 1e9;
    int declined = r.fidelity().overall().n();
    System.out.printf(
        "%s: %d test rows, %d declined by the student; k %d%n",
        args[0], r.rows().size(), declined, r.k());
    System.out.println("student: " + r.studentMethod());
    System.out.println("teacher: " + r.teacherMethod());
    System.out.println("reference: " + r.reference());
    print("overall", r.fidelity().overall());
    for (Map.Entry<String, Map<String, ReasonAgreement>> a : r.fidelity().byGroup().entrySet()) {
      for (Map.Entry<String, ReasonAgreement> g : a.getValue().entrySet()) {
        print(a.getKey() + "=" + g.getKey(), g.getValue());
      }
    }
    for (ProxyFlag f : r.proxyFlags()) {
      System.out.printf(
          "proxy %-22s %-9s %-9s %-9s %.3f%s%n",
          f.feature(),
          f.attribute(),
          f.measure(),
          f.group(),
          f.association(),
          f.flagged() ? "  FLAGGED" : "");
    }
    System.out.printf("whole computation (incl. teacher): %.1f s%n", total);
    // timings
    FeatureEncoder enc = FeatureEncoder.fromSpec(student.encoder());
    ReferencePoint ref = ReferencePoint.trainingMean(enc.transform(data, split.train()));
    float[][] x = enc.transform(data, audited);
    double[] s = new PortableScorer(student).scoreEncoded(x);
    java.util.List<float[]> dec = new java.util.ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (s[i] < 0.5) {
        dec.add(x[i]);
      }
    }
    // 10,000 declined applicants: the declines repeated
    float[][] many = new float[10_000][];
    for (int i = 0; i < many.length; i++) {
      many[i] = dec.get(i % dec.size());
    }
    StudentAttributor sa = new StudentAttributor(student, ref);
    FeatureGroups groups = sa.groups();
    double best = Double.MAX_VALUE;
    double worstGap = 0;
    for (int rep = 0; rep < 3; rep++) {
      long a = System.nanoTime();
      for (float[] row : many) {
        var at = sa.attribute(row);
        PrincipalReasons.of(at, groups, ReasonTexts.none(), 4);
        worstGap = Math.max(worstGap, Math.abs(at.completenessGap()));
      }
      best = Math.min(best, (System.nanoTime() - a) / 1e3 / many.length);
    }
    System.out.printf(
        "student (%s): %.2f µs per declined applicant (10,000 applicants, best of 3); max"
            + " completeness gap %.2e%n",
        student.architecture(), best, worstGap);
    int nt = Math.min(200, dec.size());
    float[][] few = dec.subList(0, nt).toArray(new float[0][]);
    // the student's integrated gradients against the student's own Shapley values
    List<org.fairkd.kd.reasons.Attribution> studentShapley =
        new ShapleyAttributor(new PortableScorer(student)::scoreEncoded, groups, ref, 32, 1)
            .attribute(few);
    double overlap = 0;
    int first = 0;
    for (int i = 0; i < nt; i++) {
      List<String> a =
          features(PrincipalReasons.of(sa.attribute(few[i]), groups, ReasonTexts.none(), 4));
      List<String> b =
          features(PrincipalReasons.of(studentShapley.get(i), groups, ReasonTexts.none(), 4));
      long shared = a.stream().filter(b::contains).count();
      overlap += a.isEmpty() && b.isEmpty() ? 1 : (double) shared / Math.max(a.size(), b.size());
      first += !a.isEmpty() && !b.isEmpty() && a.get(0).equals(b.get(0)) ? 1 : 0;
    }
    System.out.printf(
        "student integrated gradients vs student Shapley (%d declines): top-4 overlap %.3f,"
            + " first-reason agreement %.3f%n",
        nt, overlap / nt, (double) first / nt);
    for (int perms : new int[] {settings.permutations()}) {
      ShapleyAttributor ta =
          new ShapleyAttributor(teacher::predictFavourable, groups, ref, perms, 1);
      long a = System.nanoTime();
      List<org.fairkd.kd.reasons.Attribution> att = ta.attribute(few);
      double per = (System.nanoTime() - a) / 1e6 / nt;
      double gap = att.stream().mapToDouble(q -> Math.abs(q.completenessGap())).max().orElse(0);
      System.out.printf(
          "teacher (%s): %.1f ms per declined applicant (%d applicants); max completeness gap %.2e%n",
          ta.method(), per, nt, gap);
    }
  }

  private static List<String> features(List<org.fairkd.kd.reasons.Reason> r) {
    return r.stream().map(org.fairkd.kd.reasons.Reason::feature).toList();
  }

  private static void print(String what, ReasonAgreement a) {
    System.out.printf(
        "%-22s n=%5d top-%d overlap %s  first-reason agreement %s%n",
        what, a.n(), 4, fmt(a.topKOverlap()), fmt(a.firstReasonAgreement()));
  }

  private static String fmt(Estimate e) {
    if (!e.defined()) {
      return "undefined";
    }
    return String.format("%.3f [%.3f, %.3f]", e.value(), e.ciLow(), e.ciHigh());
  }
}
