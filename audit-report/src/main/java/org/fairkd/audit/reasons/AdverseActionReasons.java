package org.fairkd.audit.reasons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.fairness.reasons.ProxyScreen;
import org.fairkd.fairness.reasons.ReasonAgreement;
import org.fairkd.fairness.reasons.ReasonFidelity;
import org.fairkd.fairness.reasons.ReasonFidelityAnalysis;
import org.fairkd.fairness.reasons.ScreenedFeature;
import org.fairkd.kd.portable.PortableScorer;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.reasons.Attribution;
import org.fairkd.kd.reasons.FeatureGroups;
import org.fairkd.kd.reasons.PrincipalReasons;
import org.fairkd.kd.reasons.Reason;
import org.fairkd.kd.reasons.ReasonTexts;
import org.fairkd.kd.reasons.ReferencePoint;
import org.fairkd.kd.reasons.ShapleyAttributor;
import org.fairkd.kd.reasons.StudentAttributor;

/**
 * Adverse-action reasons of an audit. For every applicant the student declines (score below the
 * threshold): the student's top-k reasons, and for all declines or a seeded sample of them the
 * teacher's, by one method for both, {@link ShapleyAttributor} (same feature groups, same
 * reference); the reference is the typical applicant of the best-scoring training decile ({@link
 * ReferencePoint#bestScoringDecile}, ranked by the teacher, or by the student without a teacher
 * model). Then their fidelity per protected group ({@link ReasonFidelityAnalysis}), the student's
 * most frequent reasons ({@link TopReasons}), the student's exact integrated gradients ({@link
 * StudentAttributor}) against its Shapley reasons as a check of the method, and the proxy screen
 * ({@link ProxyScreen}) of every feature among either model's reasons against every hard protected
 * attribute, over all audited rows.
 */
public final class AdverseActionReasons {
  /** Bootstrap replicates of the fidelity intervals where no audit setting gives them. */
  public static final int REPLICATES = 1000;

  private AdverseActionReasons() {}

  /**
   * Settings.
   *
   * @param k reasons per declined applicant
   * @param threshold the student declines below this score
   * @param permutations ordering pairs per applicant when Shapley values are sampled
   * @param replicates bootstrap replicates of the fidelity intervals
   * @param level interval level
   * @param seed seed of the sampling, the teacher's sample and the bootstrap
   * @param teacherSample most declined applicants given the teacher's reasons (a seeded sample
   *     beyond it: the teacher's Shapley values cost milliseconds per applicant)
   */
  public record Settings(
      int k,
      double threshold,
      int permutations,
      int replicates,
      double level,
      long seed,
      int teacherSample) {
    /** The default {@link #teacherSample}. */
    public static final int TEACHER_SAMPLE = 1000;

    /** k 4, 32 ordering pairs, at most 1000 teacher-explained declines, with the audit's others. */
    public static Settings of(double threshold, int replicates, double level, long seed) {
      return new Settings(
          PrincipalReasons.DEFAULT_K, threshold, 32, replicates, level, seed, TEACHER_SAMPLE);
    }
  }

  /**
   * @param data the dataset
   * @param rows the audited dataset rows (e.g. the test split)
   * @param trainRows the training rows (the reference point is taken from them)
   * @param student the portable student
   * @param teacher the teacher's P(favourable) of encoded rows (encoder order), or null when the
   *     teacher is not a model (external scores): then the result has no fidelity
   * @param texts reason texts
   * @param settings settings
   */
  public static AdverseActionResult compute(
      TabularDataset data,
      int[] rows,
      int[] trainRows,
      PortableStudent student,
      Function<float[][], double[]> teacher,
      ReasonTexts texts,
      Settings settings) {
    FeatureEncoder enc = FeatureEncoder.fromSpec(student.encoder());
    FeatureGroups groups = FeatureGroups.of(student.encoder());
    PortableScorer scorer = new PortableScorer(student);
    float[][] train = enc.transform(data, trainRows);
    ReferencePoint ref =
        teacher != null
            ? ReferencePoint.bestScoringDecile(
                student.encoder(), train, teacher.apply(train), "teacher")
            : ReferencePoint.bestScoringDecile(
                student.encoder(), train, scorer.scoreEncoded(train), "student");
    float[][] x = enc.transform(data, rows);
    double[] score = scorer.scoreEncoded(x);
    int[] declined =
        java.util.stream.IntStream.range(0, rows.length)
            .filter(i -> score[i] < settings.threshold())
            .toArray();
    float[][] dx = new float[declined.length][];
    for (int d = 0; d < dx.length; d++) {
      dx[d] = x[declined[d]];
    }
    ShapleyAttributor studentShapley =
        ShapleyAttributor.ofStudent(student, ref, settings.permutations(), settings.seed());
    List<List<Reason>> studentReasons =
        reasons(studentShapley.attribute(dx), groups, texts, settings);
    StudentAttributor ig = new StudentAttributor(student, ref);
    List<List<String>> igFeatures = new ArrayList<>();
    for (float[] row : dx) {
      igFeatures.add(features(PrincipalReasons.of(ig.attribute(row), groups, texts, settings.k())));
    }
    List<List<String>> studentFeatures = studentReasons.stream().map(r -> features(r)).toList();
    ReasonAgreement methodCheck =
        ReasonFidelityAnalysis.compute(
                igFeatures, studentFeatures, settings.k(), Map.of(), 0, settings.level(), 0)
            .overall();

    List<ProtectedAttribute> hard =
        data.protectedAttributes().stream().filter(a -> !a.soft()).toList();
    int[] explained = teacher == null ? new int[0] : sample(declined.length, settings);
    List<List<Reason>> teacherReasons = new ArrayList<>();
    ReasonFidelity fidelity = null;
    if (teacher != null) {
      float[][] tx = new float[explained.length][];
      for (int e = 0; e < tx.length; e++) {
        tx[e] = dx[explained[e]];
      }
      ShapleyAttributor teacherShapley =
          new ShapleyAttributor(teacher, groups, ref, settings.permutations(), settings.seed());
      teacherReasons = reasons(teacherShapley.attribute(tx), groups, texts, settings);
      List<List<String>> studentOfExplained = new ArrayList<>();
      for (int e : explained) {
        studentOfExplained.add(studentFeatures.get(e));
      }
      fidelity =
          ReasonFidelityAnalysis.compute(
              studentOfExplained,
              teacherReasons.stream().map(r -> features(r)).toList(),
              settings.k(),
              groupsOf(data, hard, rows, declined, explained),
              settings.replicates(),
              settings.level(),
              settings.seed());
    }
    List<ReasonRow> out = new ArrayList<>(rows.length);
    Set<String> reasonFeatures = new LinkedHashSet<>();
    int d = 0;
    int e = 0;
    for (int i = 0; i < rows.length; i++) {
      String id = data.rowId(rows[i]);
      if (d < declined.length && declined[d] == i) {
        List<Reason> t = List.of();
        if (e < explained.length && explained[e] == d) {
          t = teacherReasons.get(e++);
        }
        List<Reason> s = studentReasons.get(d++);
        out.add(new ReasonRow(id, ReasonRow.DECLINED, s, t));
        s.forEach(r -> reasonFeatures.add(r.feature()));
        t.forEach(r -> reasonFeatures.add(r.feature()));
      } else {
        out.add(new ReasonRow(id, ReasonRow.APPROVED, List.of(), List.of()));
      }
    }
    int[] all = java.util.stream.IntStream.range(0, declined.length).toArray();
    return new AdverseActionResult(
        studentShapley.method(),
        ref.description(),
        settings.k(),
        declined.length,
        explained.length,
        out,
        fidelity,
        methodCheck,
        TopReasons.of(studentReasons, groupsOf(data, hard, rows, declined, all), settings.k()),
        ProxyScreen.screen(screened(data, reasonFeatures, rows), attributes(hard, rows)));
  }

  private static List<List<Reason>> reasons(
      List<Attribution> a, FeatureGroups groups, ReasonTexts texts, Settings settings) {
    return a.stream().map(x -> PrincipalReasons.of(x, groups, texts, settings.k())).toList();
  }

  private static List<String> features(List<Reason> r) {
    return r.stream().map(Reason::feature).toList();
  }

  /** Indexes into the declines given the teacher's reasons: all, or a seeded sample, ascending. */
  private static int[] sample(int declined, Settings settings) {
    int[] idx = java.util.stream.IntStream.range(0, declined).toArray();
    if (declined <= settings.teacherSample()) {
      return idx;
    }
    Random rng = new Random(settings.seed());
    for (int i = 0; i < settings.teacherSample(); i++) {
      int j = i + rng.nextInt(declined - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, settings.teacherSample());
    Arrays.sort(out);
    return out;
  }

  /** Per hard attribute, the group of each chosen decline ({@code declined[chosen[j]]}). */
  private static Map<String, String[]> groupsOf(
      TabularDataset data,
      List<ProtectedAttribute> hard,
      int[] rows,
      int[] declined,
      int[] chosen) {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (ProtectedAttribute a : hard) {
      String[] g = new String[chosen.length];
      for (int j = 0; j < chosen.length; j++) {
        g[j] = group(a, rows[declined[chosen[j]]]);
      }
      out.put(a.name(), g);
    }
    return out;
  }

  private static String group(ProtectedAttribute a, int row) {
    int g = a.hardGroup(row);
    return g < 0 ? null : a.groups().get(g);
  }

  private static Map<String, String[]> attributes(List<ProtectedAttribute> hard, int[] rows) {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (ProtectedAttribute a : hard) {
      String[] g = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        g[i] = group(a, rows[i]);
      }
      out.put(a.name(), g);
    }
    return out;
  }

  private static List<ScreenedFeature> screened(
      TabularDataset data, Set<String> features, int[] rows) {
    List<ScreenedFeature> out = new ArrayList<>();
    for (String f : features) {
      FeatureColumn c = data.column(f).orElseThrow();
      if (c instanceof NumericColumn n) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          v[i] = n.values()[rows[i]];
        }
        out.add(new ScreenedFeature.Numeric(f, v));
      } else {
        String[] v = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
          v[i] = ((CategoricalColumn) c).values()[rows[i]];
        }
        out.add(new ScreenedFeature.Categorical(f, v));
      }
    }
    return out;
  }
}
