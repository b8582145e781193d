package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.metrics.CountMetric;
import org.fairkd.fairness.metrics.Counts;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricKind;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.metrics.StandardMetrics;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Deltas;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.OverallResult;
import org.fairkd.fairness.report.PairedTests;
import org.fairkd.fairness.report.SignificanceTest;
import org.fairkd.fairness.report.SliceDelta;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.SliceStatus;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.fairness.slices.AttributeSet;
import org.fairkd.fairness.stats.McNemar;
import org.fairkd.fairness.stats.MultipleTesting;
import org.fairkd.fairness.stats.ProportionTest;

/**
 * Turns the computed numbers into result records (estimates with intervals and typed reasons): the
 * per-slice metrics in registry order, the disparities ({@link DisparityAssembler}), the paired
 * deltas and the group-vs-reference tests of {@link MetricInfo#GROUP_TESTED_METRIC}.
 */
final class Assembler {
  private static final Undefined EMPTY = Undefined.of(UndefinedReason.EMPTY_SLICE, "empty");
  private final FairnessInput in;
  private final MetricRegistry registry;
  private final Quantities q;
  private final Estimates est;
  private final boolean[] ok;
  private final List<RowStats.Summary> sum;
  private final RowStats rows;
  private final Tally point;
  private final DisparityAssembler disparities;

  Assembler(Computed c) {
    this.in = c.in();
    this.registry = c.registry();
    this.q = c.q();
    this.est = c.est();
    this.ok = c.ok();
    this.sum = c.sum();
    this.rows = c.rows();
    this.point = c.point();
    this.disparities = new DisparityAssembler(c);
  }

  private Map<String, Estimate> sliceMetrics(int m, int s, boolean delta) {
    Map<String, Estimate> out = new LinkedHashMap<>();
    for (MetricInfo info : registry.ofKind(MetricKind.SLICE)) {
      out.put(info.name(), sliceMetric(m, s, info.name(), delta));
    }
    return out;
  }

  private Estimate sliceMetric(int m, int s, String name, boolean delta) {
    if (registry.isRowMetric(name)) {
      int j = rows.indexOf(name);
      return delta ? sum.get(s).delta()[j] : sum.get(s).est()[m][j];
    }
    int k = q.cmIndex(name);
    boolean ece = name.equals(StandardMetrics.ECE);
    if (delta) {
      return ece
          ? est.calibrationDelta(q.metric(1, s, k), q.metric(0, s, k))
          : est.delta(q.metric(1, s, k), q.metric(0, s, k));
    }
    CountMetric cm = q.cm.get(k);
    Undefined why = cm.why().apply(point.counts(q.slices.get(s).fine(), m));
    return ece
        ? est.calibration(q.metric(m, s, k), q.calibrationNoise(m, s), why)
        : est.estimate(q.metric(m, s, k), why);
  }

  ModelResult model(int m) {
    int countIdx = q.cmIndex("count");
    OverallResult overall =
        new OverallResult(est.point(q.metric(m, 0, countIdx)), sliceMetrics(m, 0, false));
    List<SliceResult> slices = new ArrayList<>();
    for (int s = 1; s < q.slices.size(); s++) {
      slices.add(
          new SliceResult(
              q.slices.get(s).attributes(),
              est.point(q.metric(m, s, countIdx)),
              ok[s] ? SliceStatus.OK : SliceStatus.INSUFFICIENT_DATA,
              sliceMetrics(m, s, false)));
    }
    Map<String, AttributeDisparities> disp = new LinkedHashMap<>();
    for (int j = 0; j < q.space.sets().size(); j++) {
      disp.put(q.space.sets().get(j).key(), disparities.disparities(m, j, false));
    }
    return new ModelResult(overall, slices, disp, tests(m));
  }

  Deltas deltas() {
    Map<String, Estimate> overall = sliceMetrics(1, 0, true);
    List<SliceDelta> slices = new ArrayList<>();
    for (int s = 1; s < q.slices.size(); s++) {
      slices.add(
          new SliceDelta(
              q.slices.get(s).attributes(),
              sliceMetrics(1, s, true),
              est.estimate(q.fidelity(s), EMPTY),
              ok[s] ? pairedTests(s) : null));
    }
    Map<String, AttributeDisparities> disp = new LinkedHashMap<>();
    for (int j = 0; j < q.space.sets().size(); j++) {
      disp.put(q.space.sets().get(j).key(), disparities.disparities(1, j, true));
    }
    return new Deltas(overall, slices, disp);
  }

  /**
   * The paired tests of slice {@code s} (0 = all rows): McNemar on the two models' correctness
   * (exact below 25 discordant rows when counts are integers) and paired DeLong on AUC.
   */
  PairedTests pairedTests(int s) {
    double primaryOnly = 0;
    double comparedOnly = 0;
    for (int f : q.slices.get(s).fine()) {
      for (int k = 0; k < 8; k++) {
        int y = k >> 2;
        boolean c1 = ((k >> 1) & 1) == y;
        boolean c2 = (k & 1) == y;
        double w = point.cnt[f * 8 + k];
        if (c1 && !c2) {
          primaryOnly += w;
        } else if (c2 && !c1) {
          comparedOnly += w;
        }
      }
    }
    McNemar mc = McNemar.test(primaryOnly, comparedOnly, in.isUnitHard());
    int auc = rows.indexOf("auc");
    Estimate d = sum.get(s).delta()[auc];
    double p = sum.get(s).deltaP()[auc];
    return new PairedTests(
        mc.statistic(), mc.pValue(), d.value(), d.ciLow(), d.ciHigh(), Double.isNaN(p) ? null : p);
  }

  private List<SignificanceTest> tests(int m) {
    List<String[]> keys = new ArrayList<>();
    List<ProportionTest> raw = new ArrayList<>();
    for (int j = 0; j < q.space.sets().size(); j++) {
      AttributeSet set = q.space.sets().get(j);
      int ref = q.sliceIndex(j, set.reference());
      Counts cr = point.counts(set.referenceSlice().fine(), m);
      for (int g = 0; g < set.slices().size(); g++) {
        int s = q.sliceIndex(j, g);
        if (g == set.reference() || !ok[s] || !ok[ref]) {
          continue;
        }
        Counts cg = point.counts(set.slices().get(g).fine(), m);
        ProportionTest t =
            in.isUnitHard()
                ? ProportionTest.test(cg.selected(), cg.total(), cr.selected(), cr.total(), true)
                : ProportionTest.zTest(
                    cg.selected() / cg.total(),
                    sum.get(s).neff(),
                    cr.selected() / cr.total(),
                    sum.get(ref).neff());
        keys.add(
            new String[] {
              set.key(), set.slices().get(g).groupKey(), set.referenceSlice().groupKey()
            });
        raw.add(t);
      }
    }
    double[] p = raw.stream().mapToDouble(ProportionTest::pValue).toArray();
    double[] adj = MultipleTesting.adjust(p, in.correction());
    List<SignificanceTest> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      ProportionTest t = raw.get(i);
      out.add(
          new SignificanceTest(
              keys.get(i)[0],
              keys.get(i)[1],
              keys.get(i)[2],
              MetricInfo.GROUP_TESTED_METRIC,
              t.method(),
              t.statistic(),
              t.pValue(),
              adj[i],
              in.correction().jsonName()));
    }
    return out;
  }
}
