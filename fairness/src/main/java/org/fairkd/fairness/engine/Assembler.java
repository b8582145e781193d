package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.metrics.CountMetric;
import org.fairkd.fairness.metrics.Counts;
import org.fairkd.fairness.metrics.GroupDisparity;
import org.fairkd.fairness.metrics.MetricCatalog;
import org.fairkd.fairness.metrics.WholeDisparity;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Deltas;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.ModelResult;
import org.fairkd.fairness.report.OverallResult;
import org.fairkd.fairness.report.SignificanceTest;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.SliceDelta;
import org.fairkd.fairness.report.SliceResult;
import org.fairkd.fairness.report.SliceStatus;
import org.fairkd.fairness.slices.AttributeSet;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.stats.Linearized;
import org.fairkd.fairness.stats.MultipleTesting;
import org.fairkd.fairness.stats.ProportionTest;

/** Turns the computed numbers into result records (estimates with intervals and reasons). */
final class Assembler {
  private static final String BOTH = "undefined for the primary or the compared model";
  private final FairnessInput in;
  private final Quantities q;
  private final double[] pv;
  private final double[][] reps;
  private final boolean[] ok;
  private final List<RowStats.Summary> sum;
  private final Tally point;

  Assembler(
      FairnessInput in,
      Quantities q,
      double[] pv,
      double[][] reps,
      boolean[] ok,
      List<RowStats.Summary> sum,
      Tally point) {
    this.in = in;
    this.q = q;
    this.pv = pv;
    this.reps = reps;
    this.ok = ok;
    this.sum = sum;
    this.point = point;
  }

  Estimate estimate(int idx, String reason) {
    double v = pv[idx];
    if (Double.isNaN(v)) {
      return Estimate.undefined(reason);
    }
    double[] ci = Analyzer.percentile(reps[idx], in.ciLevel());
    return ci == null ? Estimate.of(v, null, null) : Estimate.of(v, ci[0], ci[1]);
  }

  private Estimate delta(int i1, int i0) {
    double v = pv[i1] - pv[i0];
    if (Double.isNaN(v)) {
      return Estimate.undefined(BOTH);
    }
    double[] d = new double[reps[i1].length];
    for (int b = 0; b < d.length; b++) {
      d[b] = reps[i1][b] - reps[i0][b];
    }
    double[] ci = Analyzer.percentile(d, in.ciLevel());
    return ci == null ? Estimate.of(v, null, null) : Estimate.of(v, ci[0], ci[1]);
  }

  private Map<String, Estimate> sliceMetrics(int m, int s) {
    Map<String, Estimate> out = new LinkedHashMap<>();
    for (String name : MetricCatalog.sliceMetricNames()) {
      out.put(name, sliceMetric(m, s, name, false));
    }
    return out;
  }

  private Estimate sliceMetric(int m, int s, String name, boolean delta) {
    for (int k = 0; k < Quantities.CM.size(); k++) {
      CountMetric cm = Quantities.CM.get(k);
      if (cm.name().equals(name)) {
        return delta
            ? delta(q.metric(1, s, k), q.metric(0, s, k))
            : estimate(q.metric(m, s, k), cm.reason());
      }
    }
    int j = RowStats.indexOf(name);
    return delta ? sum.get(s).delta()[j] : sum.get(s).est()[m][j];
  }

  ModelResult model(int m) {
    int countIdx = Quantities.cmIndex("count");
    OverallResult overall = new OverallResult(pv[q.metric(m, 0, countIdx)], sliceMetrics(m, 0));
    List<SliceResult> slices = new ArrayList<>();
    for (int s = 1; s < q.slices.size(); s++) {
      slices.add(
          new SliceResult(
              q.slices.get(s).attributes(),
              pv[q.metric(m, s, countIdx)],
              ok[s] ? SliceStatus.OK : SliceStatus.INSUFFICIENT_DATA,
              sliceMetrics(m, s)));
    }
    Map<String, AttributeDisparities> disp = new LinkedHashMap<>();
    for (int j = 0; j < q.space.sets().size(); j++) {
      disp.put(q.space.sets().get(j).key(), disparities(m, j, false));
    }
    return new ModelResult(overall, slices, disp, tests(m));
  }

  Deltas deltas() {
    Map<String, Estimate> overall = new LinkedHashMap<>();
    for (String name : MetricCatalog.sliceMetricNames()) {
      overall.put(name, sliceMetric(1, 0, name, true));
    }
    List<SliceDelta> slices = new ArrayList<>();
    for (int s = 1; s < q.slices.size(); s++) {
      Map<String, Estimate> metrics = new LinkedHashMap<>();
      for (String name : MetricCatalog.sliceMetricNames()) {
        metrics.put(name, sliceMetric(1, s, name, true));
      }
      slices.add(
          new SliceDelta(q.slices.get(s).attributes(), metrics, estimate(q.fidelity(s), "empty")));
    }
    Map<String, AttributeDisparities> disp = new LinkedHashMap<>();
    for (int j = 0; j < q.space.sets().size(); j++) {
      disp.put(q.space.sets().get(j).key(), disparities(1, j, true));
    }
    return new Deltas(overall, slices, disp);
  }

  private AttributeDisparities disparities(int m, int j, boolean delta) {
    AttributeSet set = q.space.sets().get(j);
    Map<String, Estimate> whole = new LinkedHashMap<>();
    for (int k = 0; k < Quantities.WD.size(); k++) {
      WholeDisparity d = Quantities.WD.get(k);
      whole.put(
          d.name(),
          delta
              ? delta(q.whole(1, j, k), q.whole(0, j, k))
              : estimate(q.whole(m, j, k), wholeReason(m, j, d)));
    }
    whole.put(
        MetricCatalog.THEIL.name(),
        delta
            ? delta(q.theil(1, j), q.theil(0, j))
            : estimate(q.theil(m, j), "no rows with a known group, or no benefit"));
    Map<String, Map<String, Estimate>> byGroup = new LinkedHashMap<>();
    int ref = q.sliceIndex(j, set.reference());
    for (String name : MetricCatalog.groupMetricNames()) {
      Map<String, Estimate> groups = new LinkedHashMap<>();
      for (int g = 0; g < set.slices().size(); g++) {
        int s = q.sliceIndex(j, g);
        if (g == set.reference() || !ok[s]) {
          continue;
        }
        Estimate e = groupEstimate(m, j, g, s, ref, name, delta);
        if (e != null) {
          groups.put(set.slices().get(g).groupKey(), e);
        }
      }
      byGroup.put(name, groups);
    }
    return new AttributeDisparities(
        set.referenceSlice().groupKey(), whole, byGroup, skipped(m, j, ref));
  }

  private Estimate groupEstimate(int m, int j, int g, int s, int ref, String name, boolean delta) {
    if (name.equals(MetricCatalog.SMD.name())) {
      return delta ? smdDelta(s, ref) : smd(m, s, ref);
    }
    for (int k = 0; k < Quantities.GD.size(); k++) {
      GroupDisparity d = Quantities.GD.get(k);
      if (!d.name().equals(name)) {
        continue;
      }
      if (!q.eligibleAll(m, s, d.bases()) && !delta) {
        return null; // listed in skipped
      }
      if (!q.eligibleAll(m, ref, d.bases()) && !delta) {
        return Estimate.undefined(
            "reference group unusable: "
                + String.join(", ", d.bases())
                + " undefined or insufficient data");
      }
      return delta
          ? delta(q.group(1, j, k, g), q.group(0, j, k, g))
          : estimate(q.group(m, j, k, g), d.reason());
    }
    throw new IllegalArgumentException(name);
  }

  private double[] smdParts(int m, int s, int r) {
    RowStats.Summary g = sum.get(s);
    RowStats.Summary ref = sum.get(r);
    double n = g.neff() + ref.neff();
    double sp2 = (g.neff() * g.wvar()[m] + ref.neff() * ref.wvar()[m]) / (n - 2);
    if (in.scores() == null || !ok[r] || g.neff() < 2 || ref.neff() < 2 || !(sp2 > 0)) {
      return null;
    }
    return new double[] {(g.mean()[m] - ref.mean()[m]) / Math.sqrt(sp2), Math.sqrt(sp2), n};
  }

  private Estimate smd(int m, int s, int r) {
    double[] p = smdParts(m, s, r);
    if (p == null) {
      return Estimate.undefined("no scores, reference unusable, or zero pooled variance");
    }
    RowStats.Summary g = sum.get(s);
    RowStats.Summary ref = sum.get(r);
    double se = Math.sqrt(p[2] / (g.neff() * ref.neff()) + p[0] * p[0] / (2 * p[2]));
    double z = Linearized.z(in.ciLevel());
    return Estimate.of(p[0], p[0] - z * se, p[0] + z * se);
  }

  private Estimate smdDelta(int s, int r) {
    double[] p0 = smdParts(0, s, r);
    double[] p1 = smdParts(1, s, r);
    if (p0 == null || p1 == null) {
      return Estimate.undefined(BOTH);
    }
    double var = 0;
    for (int h : new int[] {s, r}) {
      double[][] v = sum.get(h).v();
      var += v[1][1] / (p1[1] * p1[1]) - 2 * v[0][1] / (p0[1] * p1[1]) + v[0][0] / (p0[1] * p0[1]);
    }
    double d = p1[0] - p0[0];
    double half = Linearized.z(in.ciLevel()) * Math.sqrt(Math.max(0, var));
    return Double.isNaN(var) ? Estimate.of(d, null, null) : Estimate.of(d, d - half, d + half);
  }

  private String wholeReason(int m, int j, WholeDisparity d) {
    int n = q.eligibleGroups(m, j, d.bases()).size();
    return n < 2
        ? "fewer than 2 groups with enough data and defined " + String.join(" and ", d.bases())
        : "the largest rate is 0";
  }

  private List<SkippedGroup> skipped(int m, int j, int ref) {
    AttributeSet set = q.space.sets().get(j);
    List<SkippedGroup> out = new ArrayList<>();
    for (int g = 0; g < set.slices().size(); g++) {
      int s = q.sliceIndex(j, g);
      Slice slice = set.slices().get(g);
      String role = g == set.reference() ? " (reference group)" : "";
      if (!ok[s]) {
        double count = pv[q.metric(m, s, Quantities.cmIndex("count"))];
        out.add(
            new SkippedGroup(
                slice.groupKey(),
                "insufficient_data: weighted count "
                    + count
                    + " < min slice size "
                    + in.minSliceSize()
                    + role));
        continue;
      }
      for (String base : List.of("selection_rate", "true_positive_rate", "false_positive_rate")) {
        if (!q.eligible(m, s, base)) {
          String reason = Quantities.CM.get(Quantities.cmIndex(base)).reason();
          out.add(
              new SkippedGroup(
                  slice.groupKey(),
                  base
                      + " undefined ("
                      + reason
                      + "): left out of the disparities built on it"
                      + role));
        }
      }
    }
    return out;
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
              "selection_rate",
              t.method(),
              t.statistic(),
              t.pValue(),
              adj[i],
              in.correction().jsonName()));
    }
    return out;
  }
}
