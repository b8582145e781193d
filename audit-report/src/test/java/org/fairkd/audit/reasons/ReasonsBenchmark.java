package org.fairkd.audit.reasons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.Split;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.fairness.reasons.ProxyFlag;
import org.fairkd.fairness.reasons.ReasonAgreement;
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
 * shipped): {@code main <built-in dataset> <distill out dir> [seed=42] [audited row cap] [teacher
 * sample=1000]}. Recomputes the distillation's split (validation 0.15, test 0.2), reads
 * student/student.json and teacher/, runs {@link AdverseActionReasons} and prints the fidelity, the
 * method check, the most frequent reasons, the proxy flags and the time per applicant (wall clock
 * of one thread: student best of 3 over 10,000 declines, the declines repeated; teacher over its
 * sample).
 */
public final class ReasonsBenchmark {
  private ReasonsBenchmark() {}

  public static void main(String[] args) {
    TabularDataset data = Datasets.load(args[0], null);
    Path dir = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    Split split = Split.stratified(data, 0.15, 0.2, seed);
    int[] audited =
        args.length > 3
            ? java.util.Arrays.copyOf(
                split.test(), Math.min(split.test().length, Integer.parseInt(args[3])))
            : split.test();
    int sample = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
    PortableStudent student = PortableStudent.read(dir.resolve("student/student.json"));
    TeacherEnsemble teacher = TeacherEnsemble.load(dir.resolve("teacher"));
    AdverseActionReasons.Settings s = AdverseActionReasons.Settings.of(0.5, 1000, 0.95, seed);
    AdverseActionReasons.Settings settings =
        new AdverseActionReasons.Settings(
            s.k(), s.threshold(), s.permutations(), s.replicates(), s.level(), s.seed(), sample);
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
    System.out.printf(
        "%s: %d audited rows, %d declined by the student, teacher reasons for %d; k %d%n",
        args[0], r.rows().size(), r.declined(), r.teacherExplained(), r.k());
    System.out.println("method: " + r.method());
    System.out.println("reference: " + r.reference());
    print("overall", r.fidelity().overall());
    for (Map.Entry<String, Map<String, ReasonAgreement>> a : r.fidelity().byGroup().entrySet()) {
      for (Map.Entry<String, ReasonAgreement> g : a.getValue().entrySet()) {
        print(a.getKey() + "=" + g.getKey(), g.getValue());
      }
    }
    print("student IG vs Shapley", r.methodCheck());
    System.out.println("top reasons overall: " + r.topReasons().overall());
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
    System.out.println("flagged among the top reasons: " + r.flaggedTopReasons());
    System.out.printf("whole computation (incl. teacher): %.1f s%n", total);

    FeatureEncoder enc = FeatureEncoder.fromSpec(student.encoder());
    float[][] train = enc.transform(data, split.train());
    ReferencePoint ref =
        ReferencePoint.bestScoringDecile(
            student.encoder(), train, teacher.predictFavourable(train), "teacher");
    float[][] x = enc.transform(data, audited);
    PortableScorer scorer = new PortableScorer(student);
    double[] sc = scorer.scoreEncoded(x);
    List<float[]> dec = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (sc[i] < 0.5) {
        dec.add(x[i]);
      }
    }
    float[][] many = new float[10_000][];
    for (int i = 0; i < many.length; i++) {
      many[i] = dec.get(i % dec.size());
    }
    FeatureGroups groups = FeatureGroups.of(student.encoder());
    ShapleyAttributor shapley = ShapleyAttributor.ofStudent(student, ref, 32, seed);
    StudentAttributor ig = new StudentAttributor(student, ref);
    double bestShapley = Double.MAX_VALUE;
    double bestIg = Double.MAX_VALUE;
    double worstGap = 0;
    for (int rep = 0; rep < 3; rep++) {
      long a = System.nanoTime();
      for (var at : shapley.attribute(many)) {
        PrincipalReasons.of(at, groups, ReasonTexts.none(), 4);
        worstGap = Math.max(worstGap, Math.abs(at.completenessGap()));
      }
      bestShapley = Math.min(bestShapley, (System.nanoTime() - a) / 1e3 / many.length);
      a = System.nanoTime();
      for (float[] row : many) {
        var at = ig.attribute(row);
        PrincipalReasons.of(at, groups, ReasonTexts.none(), 4);
        worstGap = Math.max(worstGap, Math.abs(at.completenessGap()));
      }
      bestIg = Math.min(bestIg, (System.nanoTime() - a) / 1e3 / many.length);
    }
    System.out.printf(
        "student (%s), 10,000 declines, best of 3: Shapley %.1f µs, integrated gradients %.1f µs"
            + " per applicant; max completeness gap %.2e%n",
        student.architecture(), bestShapley, bestIg, worstGap);
    int nt = Math.min(200, dec.size());
    float[][] few = dec.subList(0, nt).toArray(new float[0][]);
    ShapleyAttributor ts = new ShapleyAttributor(teacher::predictFavourable, groups, ref, 32, seed);
    long a = System.nanoTime();
    double gap = 0;
    for (var at : ts.attribute(few)) {
      gap = Math.max(gap, Math.abs(at.completenessGap()));
    }
    System.out.printf(
        "teacher: %.2f ms per declined applicant (%d applicants); max completeness gap %.2e%n",
        (System.nanoTime() - a) / 1e6 / nt, nt, gap);
  }

  private static void print(String label, ReasonAgreement a) {
    System.out.printf(
        "%-24s n=%5d top-4 overlap %s  first-reason agreement %s%n",
        label, a.n(), a.topKOverlap(), a.firstReasonAgreement());
  }
}
