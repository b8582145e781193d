package org.fairkd.audit.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.audit.json.EstimateJson;
import org.fairkd.audit.result.AuditResult;
import org.fairkd.audit.result.ModelRole;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.PairedTests;
import org.fairkd.fairness.report.SignificanceTest;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.SliceDelta;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.SliceStatus;
import org.fairkd.policies.facts.FactSource;
import org.fairkd.policies.facts.Figure;
import org.fairkd.policies.facts.LeftOut;
import org.fairkd.policies.facts.Shortfall;
import org.fairkd.policies.facts.Significance;
import org.fairkd.policies.facts.SliceKey;
import org.fairkd.policies.model.Subject;

/**
 * The policies' {@link FactSource} over an {@link AuditResult} (so also over a read-back
 * audit.json). Subjects map to models by role ({@code student}, {@code teacher}); the delta is the
 * paired comparison. Locations are audit.json paths:
 *
 * <ul>
 *   <li>per-slice metric: {@code models.<s>.slices[i].metrics.<m>}; overall {@code
 *       models.<s>.overall.metrics.<m>}, falling back to {@code distillation.test.<s>.<m>}
 *   <li>disparity: {@code models.<s>.disparities.<attr>.<m>[.<group>]}; left-out groups {@code
 *       ...<attr>.skipped[i]}; group-vs-reference test from {@code models.<s>.tests}
 *   <li>delta: {@code comparison.deltas.*}; its tests {@code comparison.tests.delong_auc} / {@code
 *       mcnemar_accuracy} overall, {@code comparison.deltas.slices[i].tests} on a slice; a slice's
 *       decision agreement {@code comparison.deltas.slices[i].fidelity}
 *   <li>row counts: {@code models.<s>.slices[i].count}, {@code models.<s>.overall.count} (the
 *       student's for the delta: the same rows)
 *   <li>comparison and distillation figures: see {@link ModelFigures}
 * </ul>
 *
 * A slice below the minimum size (for the delta: in either model) is insufficient data; an
 * estimate's availability otherwise comes from {@link Availabilities}. Estimates are judged as
 * audit.json carries them ({@link EstimateJson#asWritten}), so a fresh and a read-back audit judge
 * alike.
 */
public final class AuditFacts implements FactSource {
  private final AuditResult audit;
  private final Map<ModelRole, Map<SliceKey, Integer>> sliceIndex = new HashMap<>();
  private final Map<ModelRole, Map<String, SignificanceTest>> testIndex = new HashMap<>();

  /** The facts of {@code audit}. */
  public AuditFacts(AuditResult audit) {
    this.audit = audit;
  }

  static ModelRole role(Subject s) {
    return s == Subject.TEACHER ? ModelRole.TEACHER : ModelRole.STUDENT;
  }

  static String prefix(Subject s) {
    return s == Subject.DELTA ? "comparison.deltas" : "models." + s.yamlName();
  }

  @Override
  public double ciLevel() {
    return audit.config() == null ? 0.95 : audit.config().ciLevel();
  }

  @Override
  public List<SliceKey> slices(Subject s) {
    List<SliceKey> out = new ArrayList<>();
    if (s == Subject.DELTA) {
      if (audit.comparison() != null) {
        audit.comparison().deltas().slices().forEach(d -> out.add(key(d.attributes())));
      }
    } else {
      modelSlices(role(s)).forEach(r -> out.add(key(r.attributes())));
    }
    return out;
  }

  @Override
  public List<String> disparityAttributes(Subject s) {
    return List.copyOf(disparities(s).keySet());
  }

  @Override
  public Figure overall(Subject s, String metric) {
    Estimate e;
    String loc;
    if (s == Subject.DELTA) {
      e = audit.comparison() == null ? null : audit.comparison().deltas().overall().get(metric);
      loc = "comparison.deltas.overall." + metric;
    } else {
      e = audit.model(role(s)).map(m -> m.result().overall().metrics().get(metric)).orElse(null);
      loc = "models." + s.yamlName() + ".overall.metrics." + metric;
      if (e == null && audit.distillation() != null) {
        Estimate t = audit.distillation().testMetric(s.yamlName(), metric);
        if (t != null) {
          e = t;
          loc = "distillation.test." + s.yamlName() + "." + metric;
        }
      }
    }
    return found(e, pairedTest(s, metric), loc);
  }

  /** The paired test backing the delta of AUC (DeLong) or accuracy (McNemar), or null. */
  private Significance pairedTest(Subject s, String metric) {
    if (s != Subject.DELTA || audit.comparison() == null) {
      return null;
    }
    var t = audit.comparison().tests();
    Double p =
        switch (metric) {
          case "auc" -> t.delongPValue();
          case "accuracy" -> t.mcnemarPValue();
          default -> null;
        };
    return p == null
        ? null
        : Significance.paired(p, metric.equals("auc") ? "delong_auc" : "mcnemar_accuracy");
  }

  @Override
  public Figure slice(Subject s, SliceKey key, String metric) {
    Estimate e = null;
    String loc;
    if (s == Subject.DELTA) {
      int i = slices(s).indexOf(key);
      loc = prefix(s) + ".slices[" + i + "].metrics." + metric;
      if (i >= 0) {
        e = audit.comparison().deltas().slices().get(i).metrics().get(metric);
      }
    } else {
      Integer i = index(role(s)).get(key);
      loc = prefix(s) + ".slices[" + (i == null ? -1 : i) + "].metrics." + metric;
      if (i != null) {
        e = modelSlices(role(s)).get(i).metrics().get(metric);
      }
    }
    if (tooSmall(s, key.attribute(), key.group())) {
      return Figure.insufficient(
          EstimateJson.asWritten(e), shortfall(s, key.attribute(), key.group(), null), loc);
    }
    return found(e, s == Subject.DELTA ? slicePairedTest(key, metric) : null, loc);
  }

  /** The slice's paired test of the delta of AUC (paired DeLong) or accuracy (McNemar), or null. */
  private Significance slicePairedTest(SliceKey key, String metric) {
    SliceDelta d = sliceDelta(key);
    PairedTests t = d == null ? null : d.tests();
    if (t == null) {
      return null;
    }
    return switch (metric) {
      case "auc" ->
          t.delongPValue() == null ? null : Significance.paired(t.delongPValue(), "delong_auc");
      case "accuracy" ->
          t.mcnemarPValue() == null
              ? null
              : Significance.paired(t.mcnemarPValue(), "mcnemar_accuracy");
      default -> null;
    };
  }

  private SliceDelta sliceDelta(SliceKey key) {
    int i = slices(Subject.DELTA).indexOf(key);
    return i < 0 ? null : audit.comparison().deltas().slices().get(i);
  }

  @Override
  public Figure sliceAgreement(SliceKey key) {
    int i = slices(Subject.DELTA).indexOf(key);
    String loc = "comparison.deltas.slices[" + i + "].fidelity";
    Estimate e = i < 0 ? null : audit.comparison().deltas().slices().get(i).fidelity();
    if (tooSmall(Subject.DELTA, key.attribute(), key.group())) {
      return Figure.insufficient(
          EstimateJson.asWritten(e),
          shortfall(Subject.DELTA, key.attribute(), key.group(), null),
          loc);
    }
    return found(e, null, loc);
  }

  @Override
  public Double rows(Subject s, SliceKey key) {
    ModelRole role = role(s);
    if (key == null) {
      return audit.model(role).map(m -> m.result().overall().count()).orElse(null);
    }
    SliceResult slice = findSlice(role, key.attribute(), key.group());
    return slice == null ? null : slice.count();
  }

  @Override
  public Figure wholeDisparity(Subject s, String attribute, String metric) {
    AttributeDisparities d = disparities(s).get(attribute);
    Estimate e = d == null ? null : d.overall().get(metric);
    return found(e, null, prefix(s) + ".disparities." + attribute + "." + metric);
  }

  @Override
  public List<GroupFigure> groupDisparities(
      Subject s, String attribute, String metric, String testMetric) {
    AttributeDisparities d = disparities(s).get(attribute);
    Map<String, Estimate> byGroup = d == null ? null : d.byGroup().get(metric);
    if (byGroup == null) {
      String base = prefix(s) + ".disparities." + attribute + "." + metric;
      return List.of(new GroupFigure(null, Figure.missing(null, base)));
    }
    List<GroupFigure> out = new ArrayList<>();
    for (String g : byGroup.keySet()) {
      out.add(new GroupFigure(g, groupDisparity(s, attribute, g, metric, testMetric)));
    }
    return out;
  }

  @Override
  public Figure groupDisparity(
      Subject s, String attribute, String group, String metric, String testMetric) {
    AttributeDisparities d = disparities(s).get(attribute);
    String base = prefix(s) + ".disparities." + attribute + "." + metric;
    Map<String, Estimate> byGroup = d == null ? null : d.byGroup().get(metric);
    if (byGroup == null || !byGroup.containsKey(group)) {
      return Figure.missing(null, base + "." + group);
    }
    Estimate e = EstimateJson.asWritten(byGroup.get(group));
    if (tooSmall(s, attribute, group)) {
      return Figure.insufficient(e, shortfall(s, attribute, group, null), base);
    }
    String reference = d.reference();
    if (!e.defined() && reference != null && tooSmall(s, attribute, reference)) {
      return Figure.insufficient(
          e, shortfall(s, attribute, reference, reference), base + "." + group);
    }
    return found(e, groupTest(s, attribute, group, testMetric), base + "." + group);
  }

  @Override
  public List<LeftOut> leftOut(Subject s, String attribute) {
    AttributeDisparities d = disparities(s).get(attribute);
    List<LeftOut> out = new ArrayList<>();
    if (d == null) {
      return out;
    }
    List<SkippedGroup> skipped = d.skipped();
    for (int i = 0; i < skipped.size(); i++) {
      SkippedGroup g = skipped.get(i);
      if (g.group().equals(d.reference())) {
        continue;
      }
      out.add(
          new LeftOut(
              g.group(),
              Availabilities.ofLeftOut(tooSmall(s, attribute, g.group()), g),
              g.base(),
              g.reason(),
              prefix(s) + ".disparities." + attribute + ".skipped[" + i + "]"));
    }
    return out;
  }

  @Override
  public Figure modelFigure(Subject s, String metric) {
    if (org.fairkd.policies.search.SearchFigures.handles(metric)) {
      return SearchFacts.figure(audit, metric);
    }
    return ModelFigures.figure(audit, s, metric);
  }

  @Override
  public String slicesLocation(Subject s) {
    return prefix(s) + ".slices";
  }

  @Override
  public String disparitiesLocation(Subject s) {
    return prefix(s) + ".disparities";
  }

  /**
   * The figure of an estimate found (or not) at {@code location}: missing when null; insufficient
   * or undefined by {@link Availabilities} when undefined; otherwise OK.
   */
  static Figure found(Estimate raw, Significance test, String location) {
    Estimate e = EstimateJson.asWritten(raw);
    if (e == null) {
      return Figure.missing(null, location);
    }
    if (!e.defined()) {
      return Figure.unavailable(Availabilities.ofUndefined(e), e, test, e.reason(), location);
    }
    return Figure.ok(e, test, location);
  }

  private Map<String, AttributeDisparities> disparities(Subject s) {
    if (s == Subject.DELTA) {
      return audit.comparison() == null ? Map.of() : audit.comparison().deltas().disparities();
    }
    return audit.model(role(s)).map(m -> m.result().disparities()).orElse(Map.of());
  }

  private List<SliceResult> modelSlices(ModelRole role) {
    return audit.model(role).map(m -> m.result().slices()).orElse(List.of());
  }

  private Map<SliceKey, Integer> index(ModelRole role) {
    return sliceIndex.computeIfAbsent(
        role,
        r -> {
          Map<SliceKey, Integer> idx = new HashMap<>();
          List<SliceResult> list = modelSlices(r);
          for (int i = 0; i < list.size(); i++) {
            idx.putIfAbsent(key(list.get(i).attributes()), i);
          }
          return idx;
        });
  }

  private SliceResult findSlice(ModelRole role, String attribute, String group) {
    Integer i = index(role).get(new SliceKey(attribute, group));
    return i == null ? null : modelSlices(role).get(i);
  }

  /** True when the slice is below the minimum size (for the delta: in either model). */
  private boolean tooSmall(Subject s, String attribute, String group) {
    List<ModelRole> roles =
        s == Subject.DELTA ? List.of(ModelRole.STUDENT, ModelRole.TEACHER) : List.of(role(s));
    for (ModelRole r : roles) {
      SliceResult slice = findSlice(r, attribute, group);
      if (slice != null && slice.status() == SliceStatus.INSUFFICIENT_DATA) {
        return true;
      }
    }
    return false;
  }

  private Shortfall shortfall(Subject s, String attribute, String group, String reference) {
    SliceResult slice = findSlice(role(s), attribute, group);
    return new Shortfall(
        slice == null ? null : slice.count(),
        audit.config() == null ? null : audit.config().minSliceSize(),
        reference);
  }

  /** The group-vs-reference test of {@code attr=group} on {@code testMetric}, or null. */
  private Significance groupTest(Subject s, String attribute, String group, String testMetric) {
    if (s == Subject.DELTA || testMetric == null) {
      return null;
    }
    Map<String, SignificanceTest> idx =
        testIndex.computeIfAbsent(
            role(s),
            r -> {
              Map<String, SignificanceTest> m = new HashMap<>();
              for (SignificanceTest t :
                  audit.model(r).map(x -> x.result().tests()).orElse(List.of())) {
                m.putIfAbsent(t.attribute() + "=" + t.group() + "|" + t.metric(), t);
              }
              return m;
            });
    SignificanceTest t = idx.get(attribute + "=" + group + "|" + testMetric);
    if (t == null || Double.isNaN(t.pAdjusted())) {
      return null;
    }
    return new Significance(t.pAdjusted(), t.method(), t.metric(), t.reference(), t.correction());
  }

  static SliceKey key(Map<String, String> attributes) {
    return new SliceKey(
        String.join("*", attributes.keySet()), String.join("*", attributes.values()));
  }
}
