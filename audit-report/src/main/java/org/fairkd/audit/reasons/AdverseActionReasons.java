package org.fairkd.audit.reasons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fairkd.datasets.CategoricalColumn;
import org.fairkd.datasets.FeatureColumn;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.encode.FeatureEncoder;
import org.fairkd.fairness.reasons.ProxyScreen;
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
 * Adverse-action reasons of an audit: for every applicant the student declines (score below the
 * threshold), the student's top-k reasons ({@link StudentAttributor}, exact integrated gradients)
 * and the teacher's ({@link ShapleyAttributor} over its scoring), both against the training mean
 * input; their fidelity per protected group ({@link ReasonFidelityAnalysis}); and the proxy screen
 * ({@link ProxyScreen}) of every feature among either model's reasons against every hard protected
 * attribute, over all audited rows.
 */
public final class AdverseActionReasons {
  private AdverseActionReasons() {}

  /**
   * Settings.
   *
   * @param k reasons per declined applicant
   * @param threshold the student declines below this score
   * @param permutations teacher ordering pairs per applicant when Shapley values are sampled
   * @param replicates bootstrap replicates of the fidelity intervals
   * @param level interval level
   * @param seed seed of the teacher's sampling and of the bootstrap
   */
  public record Settings(
      int k, double threshold, int permutations, int replicates, double level, long seed) {
    /** k 4, threshold 0.5, 32 ordering pairs, 1000 replicates, 95%, seed 42. */
    public static Settings defaults() {
      return new Settings(PrincipalReasons.DEFAULT_K, 0.5, 32, 1000, 0.95, 42);
    }
  }

  /**
   * @param data the dataset
   * @param rows the audited dataset rows (e.g. the test split)
   * @param trainRows the training rows (the reference point is their mean encoded input)
   * @param student the portable student
   * @param teacher the teacher's P(favourable) of encoded rows (encoder order)
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
    ReferencePoint ref = ReferencePoint.trainingMean(enc.transform(data, trainRows));
    float[][] x = enc.transform(data, rows);
    double[] score = new PortableScorer(student).scoreEncoded(x);
    List<Integer> declined = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      if (score[i] < settings.threshold()) {
        declined.add(i);
      }
    }
    StudentAttributor studentAttr = new StudentAttributor(student, ref);
    ShapleyAttributor teacherAttr =
        new ShapleyAttributor(teacher, groups, ref, settings.permutations(), settings.seed());
    float[][] dx = new float[declined.size()][];
    for (int d = 0; d < dx.length; d++) {
      dx[d] = x[declined.get(d)];
    }
    List<Attribution> teacherAttributions = teacherAttr.attribute(dx);
    List<ReasonRow> out = new ArrayList<>(rows.length);
    List<List<String>> studentFeatures = new ArrayList<>();
    List<List<String>> teacherFeatures = new ArrayList<>();
    Map<String, String[]> groupOf = new LinkedHashMap<>();
    List<ProtectedAttribute> hard =
        data.protectedAttributes().stream().filter(a -> !a.soft()).toList();
    for (ProtectedAttribute a : hard) {
      groupOf.put(a.name(), new String[dx.length]);
    }
    Set<String> reasonFeatures = new LinkedHashSet<>();
    int d = 0;
    for (int i = 0; i < rows.length; i++) {
      String id = data.rowId(rows[i]);
      if (d < declined.size() && declined.get(d) == i) {
        List<Reason> s =
            PrincipalReasons.of(studentAttr.attribute(x[i]), groups, texts, settings.k());
        List<Reason> t =
            PrincipalReasons.of(teacherAttributions.get(d), groups, texts, settings.k());
        out.add(new ReasonRow(id, ReasonRow.DECLINED, s, t));
        studentFeatures.add(s.stream().map(Reason::feature).toList());
        teacherFeatures.add(t.stream().map(Reason::feature).toList());
        s.forEach(r -> reasonFeatures.add(r.feature()));
        t.forEach(r -> reasonFeatures.add(r.feature()));
        for (ProtectedAttribute a : hard) {
          groupOf.get(a.name())[d] = group(a, rows[i]);
        }
        d++;
      } else {
        out.add(new ReasonRow(id, ReasonRow.APPROVED, List.of(), List.of()));
      }
    }
    return new AdverseActionResult(
        StudentAttributor.method(),
        teacherAttr.method(),
        ref.description(),
        settings.k(),
        out,
        ReasonFidelityAnalysis.compute(
            studentFeatures,
            teacherFeatures,
            settings.k(),
            groupOf,
            settings.replicates(),
            settings.level(),
            settings.seed()),
        ProxyScreen.screen(screened(data, reasonFeatures, rows), attributes(hard, rows)));
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
