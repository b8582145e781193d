package org.fairkd.policies.facts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.policies.model.Subject;

/**
 * An in-memory {@link FactSource} for tests, built figure by figure. It classifies nothing: a
 * defined estimate is OK, an undefined one UNDEFINED with its reason, and a test that wants another
 * availability gives the {@link Figure} itself. Locations are {@code <subject>.<part>...}.
 */
public final class FactsBuilder implements FactSource {
  private final Map<Subject, SubjectFigures> subjects = new EnumMap<>(Subject.class);
  private final Map<String, Figure> modelFigures = new LinkedHashMap<>();
  private final Map<SliceKey, Figure> agreement = new LinkedHashMap<>();
  private final Map<String, Double> rows = new LinkedHashMap<>();
  private double ciLevel = 0.95;

  /** The figures of one subject. */
  private static final class SubjectFigures {
    final Map<String, Figure> overall = new LinkedHashMap<>();
    final Map<SliceKey, Map<String, Figure>> slices = new LinkedHashMap<>();
    final Map<String, Attribute> disparities = new LinkedHashMap<>();
    final Map<String, Significance> pairedTests = new LinkedHashMap<>();
  }

  /** The disparities of one attribute. */
  private static final class Attribute {
    final Map<String, Figure> whole = new LinkedHashMap<>();
    final Map<String, Map<String, Figure>> byGroup = new LinkedHashMap<>();
    final Map<String, Significance> tests = new LinkedHashMap<>();
    final List<LeftOut> leftOut = new ArrayList<>();
  }

  /** An estimate with an interval. */
  public static Estimate est(double v, double lo, double hi) {
    return Estimate.of(v, lo, hi);
  }

  /** An estimate without interval. */
  public static Estimate point(double v) {
    return Estimate.of(v, null, null);
  }

  /** An undefined estimate. */
  public static Estimate undefined(String reason) {
    return Estimate.undefined(org.fairkd.fairness.report.UndefinedReason.ZERO_DENOMINATOR, reason);
  }

  /** A slice key. */
  public static SliceKey key(String attribute, String group) {
    return new SliceKey(attribute, group);
  }

  private SubjectFigures of(Subject s) {
    return subjects.computeIfAbsent(s, x -> new SubjectFigures());
  }

  private Attribute attr(Subject s, String attribute) {
    return of(s).disparities.computeIfAbsent(attribute, a -> new Attribute());
  }

  private Attribute find(Subject s, String attribute) {
    return of(s).disparities.getOrDefault(attribute, new Attribute());
  }

  private static Figure figure(Estimate e, String location) {
    return e.defined()
        ? Figure.ok(e, null, location)
        : Figure.unavailable(Availability.UNDEFINED, e, null, e.reason(), location);
  }

  /** Sets the confidence level. */
  public FactsBuilder ciLevel(double level) {
    this.ciLevel = level;
    return this;
  }

  /** A group-vs-reference disparity. */
  public FactsBuilder group(Subject s, String attribute, String metric, String group, Estimate e) {
    return group(s, attribute, metric, group, figure(e, s.yamlName() + "." + attribute));
  }

  /** A group-vs-reference disparity with the availability the test wants. */
  public FactsBuilder group(Subject s, String attribute, String metric, String group, Figure f) {
    attr(s, attribute).byGroup.computeIfAbsent(metric, m -> new LinkedHashMap<>()).put(group, f);
    return this;
  }

  /** The group-vs-reference test on selection_rate (Fisher, Holm-adjusted p-value). */
  public FactsBuilder test(Subject s, String attribute, String group, double pAdjusted) {
    attr(s, attribute)
        .tests
        .put(group, new Significance(pAdjusted, "fisher_exact", "selection_rate", "male", "holm"));
    return this;
  }

  /** A whole-attribute disparity. */
  public FactsBuilder attribute(Subject s, String attribute, String metric, Estimate e) {
    attr(s, attribute).whole.put(metric, figure(e, s.yamlName() + "." + attribute + "." + metric));
    return this;
  }

  /** A group the attribute's disparities leave out. */
  public FactsBuilder leftOut(
      Subject s, String attribute, String group, Availability a, String base, String reason) {
    attr(s, attribute).leftOut.add(new LeftOut(group, a, base, reason, "left out"));
    return this;
  }

  /** A per-slice metric on a slice. */
  public FactsBuilder slice(Subject s, SliceKey key, String metric, Estimate e) {
    return slice(s, key, metric, figure(e, s.yamlName() + "." + key.label() + "." + metric));
  }

  /** A per-slice metric on a slice, with the availability the test wants. */
  public FactsBuilder slice(Subject s, SliceKey key, String metric, Figure f) {
    of(s).slices.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(metric, f);
    return this;
  }

  /** A per-slice metric over the whole population. */
  public FactsBuilder overall(Subject s, String metric, Estimate e) {
    of(s).overall.put(metric, figure(e, s.yamlName() + ".overall." + metric));
    return this;
  }

  /** The paired test backing the delta of {@code metric} overall. */
  public FactsBuilder pairedTest(String metric, String method, double p) {
    of(Subject.DELTA).pairedTests.put(metric, Significance.paired(p, method));
    return this;
  }

  /** A comparison or distillation figure. */
  public FactsBuilder model(String metric, Estimate e) {
    modelFigures.put(metric, figure(e, "model." + metric));
    return this;
  }

  /** The decision agreement of the student with the teacher on a paired slice. */
  public FactsBuilder agreement(SliceKey key, Estimate e) {
    agreement.put(key, figure(e, "delta." + key.label() + ".fidelity"));
    of(Subject.DELTA).slices.computeIfAbsent(key, k -> new LinkedHashMap<>());
    return this;
  }

  /** The row count of a slice of {@code s} (null slice: the whole test set). */
  public FactsBuilder rows(Subject s, SliceKey key, double n) {
    rows.put(s.yamlName() + "|" + (key == null ? "" : key.label()), n);
    return this;
  }

  @Override
  public Figure sliceAgreement(SliceKey slice) {
    Figure f = agreement.get(slice);
    return f != null ? f : Figure.missing(null, "delta." + slice.label() + ".fidelity");
  }

  @Override
  public Double rows(Subject subject, SliceKey slice) {
    return rows.get(subject.yamlName() + "|" + (slice == null ? "" : slice.label()));
  }

  @Override
  public double ciLevel() {
    return ciLevel;
  }

  @Override
  public List<SliceKey> slices(Subject subject) {
    return List.copyOf(of(subject).slices.keySet());
  }

  @Override
  public List<String> disparityAttributes(Subject subject) {
    return List.copyOf(of(subject).disparities.keySet());
  }

  @Override
  public Figure overall(Subject subject, String metric) {
    Figure f = of(subject).overall.get(metric);
    if (f == null) {
      return Figure.missing(null, subject.yamlName() + ".overall." + metric);
    }
    Significance t = of(subject).pairedTests.get(metric);
    return t == null ? f : Figure.ok(f.estimate(), t, f.location());
  }

  @Override
  public Figure slice(Subject subject, SliceKey slice, String metric) {
    Figure f = of(subject).slices.getOrDefault(slice, Map.of()).get(metric);
    return f != null
        ? f
        : Figure.missing(null, subject.yamlName() + "." + slice.label() + "." + metric);
  }

  @Override
  public Figure wholeDisparity(Subject subject, String attribute, String metric) {
    Figure f = find(subject, attribute).whole.get(metric);
    return f != null
        ? f
        : Figure.missing(null, subject.yamlName() + "." + attribute + "." + metric);
  }

  @Override
  public List<GroupFigure> groupDisparities(
      Subject subject, String attribute, String metric, String testMetric) {
    Map<String, Figure> groups = find(subject, attribute).byGroup.get(metric);
    if (groups == null) {
      return List.of(
          new GroupFigure(
              null, Figure.missing(null, subject.yamlName() + "." + attribute + "." + metric)));
    }
    List<GroupFigure> out = new ArrayList<>();
    for (String g : groups.keySet()) {
      out.add(new GroupFigure(g, groupDisparity(subject, attribute, g, metric, testMetric)));
    }
    return out;
  }

  @Override
  public Figure groupDisparity(
      Subject subject, String attribute, String group, String metric, String testMetric) {
    Attribute a = find(subject, attribute);
    Figure f = a.byGroup.getOrDefault(metric, Map.of()).get(group);
    if (f == null) {
      return Figure.missing(
          null, subject.yamlName() + "." + attribute + "." + metric + "." + group);
    }
    Significance t = a.tests.get(group);
    if (f.availability() == Availability.OK && t != null && t.metric().equals(testMetric)) {
      return Figure.ok(f.estimate(), t, f.location());
    }
    return f;
  }

  @Override
  public List<LeftOut> leftOut(Subject subject, String attribute) {
    return List.copyOf(find(subject, attribute).leftOut);
  }

  @Override
  public Figure modelFigure(Subject subject, String metric) {
    Figure f = modelFigures.get(metric);
    return f != null ? f : Figure.missing(null, "model." + metric);
  }

  @Override
  public String slicesLocation(Subject subject) {
    return subject.yamlName() + ".slices";
  }

  @Override
  public String disparitiesLocation(Subject subject) {
    return subject.yamlName() + ".disparities";
  }
}
