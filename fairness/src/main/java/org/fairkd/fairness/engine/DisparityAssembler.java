package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.metrics.CountMetric;
import org.fairkd.fairness.metrics.EngineMetric;
import org.fairkd.fairness.metrics.GroupDisparity;
import org.fairkd.fairness.metrics.GroupTransform;
import org.fairkd.fairness.metrics.Metric;
import org.fairkd.fairness.metrics.MetricInfo;
import org.fairkd.fairness.metrics.MetricKind;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.metrics.PooledDisparity;
import org.fairkd.fairness.metrics.WholeDisparity;
import org.fairkd.fairness.report.AttributeDisparities;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.SkippedGroup;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.report.UndefinedReason;
import org.fairkd.fairness.slices.AttributeSet;
import org.fairkd.fairness.slices.Slice;

/**
 * The disparities of one attribute set for one model (or their paired deltas), in registry order:
 * whole-attribute and pooled figures, then group-vs-reference disparities (bootstrapped when built
 * on count metrics, analytic when built on a row metric, Hedges for the SMD), and the groups left
 * out with typed reasons.
 *
 * <p>A group-vs-reference transform f of a row metric (e.g. the AUC difference) has the
 * delta-method variance {@code f_g² var_g + f_r² var_r} (f_g, f_r its partial derivatives): with
 * hard groups the two slices are disjoint sets of rows, so their estimates are independent and the
 * covariance is 0. With soft membership a row belongs to both slices with weights p_g and p_r; the
 * same formula is used, ignoring that covariance (stated in the README). Its paired delta adds, per
 * slice, {@code f1² v1 + f0² v0 − 2 f1 f0 c01}, where the within-slice covariance of the two models
 * is {@code c01 = (v0 + v1 − var(Δ))/2} from the paired (DeLong) variance of the slice delta.
 */
final class DisparityAssembler {
  private final FairnessInput in;
  private final MetricRegistry registry;
  private final Quantities q;
  private final Estimates est;
  private final boolean[] ok;
  private final List<RowStats.Summary> sum;
  private final RowStats rows;
  private final Tally point;
  private final Smd smd;

  DisparityAssembler(Computed c) {
    this.in = c.in();
    this.registry = c.registry();
    this.q = c.q();
    this.est = c.est();
    this.ok = c.ok();
    this.sum = c.sum();
    this.rows = c.rows();
    this.point = c.point();
    this.smd = new Smd(in, sum, ok);
  }

  /** Disparities of attribute set {@code j} for model {@code m}, or the paired deltas. */
  AttributeDisparities disparities(int m, int j, boolean delta) {
    AttributeSet set = q.space.sets().get(j);
    Map<String, Estimate> whole = new LinkedHashMap<>();
    for (MetricInfo info : registry.ofKind(MetricKind.ATTRIBUTE)) {
      whole.put(info.name(), wholeEstimate(m, j, info.name(), delta));
    }
    Map<String, Map<String, Estimate>> byGroup = new LinkedHashMap<>();
    int ref = q.sliceIndex(j, set.reference());
    for (MetricInfo info : registry.ofKind(MetricKind.GROUP_VS_REFERENCE)) {
      Metric metric = registry.metric(info.name()).orElseThrow();
      Map<String, Estimate> groups = new LinkedHashMap<>();
      for (int g = 0; g < set.slices().size(); g++) {
        int s = q.sliceIndex(j, g);
        if (g == set.reference() || !ok[s]) {
          continue;
        }
        Estimate e = groupEstimate(m, j, g, s, ref, metric, delta);
        if (e != null) {
          groups.put(set.slices().get(g).groupKey(), e);
        }
      }
      byGroup.put(info.name(), groups);
    }
    return new AttributeDisparities(set.referenceSlice().groupKey(), whole, byGroup, skipped(m, j));
  }

  private Estimate wholeEstimate(int m, int j, String name, boolean delta) {
    Metric metric = registry.metric(name).orElseThrow();
    if (metric instanceof PooledDisparity p) {
      int k = q.pd.indexOf(p);
      return delta
          ? est.delta(q.pooled(1, j, k), q.pooled(0, j, k))
          : est.estimate(
              q.pooled(m, j, k),
              p.why().apply(point.counts(q.space.sets().get(j).population(), m)));
    }
    WholeDisparity d = (WholeDisparity) metric;
    int k = q.wd.indexOf(d);
    return delta
        ? est.delta(q.whole(1, j, k), q.whole(0, j, k))
        : est.estimate(q.whole(m, j, k), wholeReason(m, j, d));
  }

  private Estimate groupEstimate(
      int m, int j, int g, int s, int ref, Metric metric, boolean delta) {
    if (metric instanceof EngineMetric e && e.name().equals(EngineMetric.SMD)) {
      return delta ? smd.delta(s, ref) : smd.estimate(m, s, ref);
    }
    GroupDisparity d = (GroupDisparity) metric;
    List<String> bases = d.info().bases();
    boolean rowBased = registry.isRowMetric(bases.get(0));
    if (!delta) {
      if (!usable(m, s, bases, rowBased)) {
        return null; // listed in skipped
      }
      if (!usable(m, ref, bases, rowBased)) {
        return Estimate.undefined(
            UndefinedReason.REFERENCE_UNUSABLE,
            "reference group unusable: "
                + String.join(", ", bases)
                + " undefined or insufficient data");
      }
    }
    if (rowBased) {
      return delta ? rowDelta(d, s, ref) : rowEstimate(m, d, s, ref);
    }
    int k = q.gd.indexOf(d);
    return delta
        ? est.delta(q.group(1, j, k, g), q.group(0, j, k, g))
        : est.estimate(q.group(m, j, k, g), d.why());
  }

  private boolean usable(int m, int s, List<String> bases, boolean rowBased) {
    if (!rowBased) {
      return q.eligibleAll(m, s, bases);
    }
    return ok[s] && sum.get(s).est()[m][rows.indexOf(bases.get(0))].defined();
  }

  private Estimate rowEstimate(int m, GroupDisparity d, int s, int ref) {
    int b = rows.indexOf(d.info().bases().get(0));
    GroupTransform t = d.transform();
    double g = sum.get(s).est()[m][b].value();
    double r = sum.get(ref).est()[m][b].value();
    double v = t.value(g, r);
    if (Double.isNaN(v)) {
      return Estimate.undefined(d.why());
    }
    double dg = t.dGroup(g, r);
    double dr = t.dReference(g, r);
    return est.wald(
        v, dg * dg * sum.get(s).variance()[m][b] + dr * dr * sum.get(ref).variance()[m][b]);
  }

  private Estimate rowDelta(GroupDisparity d, int s, int ref) {
    int b = rows.indexOf(d.info().bases().get(0));
    GroupTransform t = d.transform();
    double[] g = new double[2];
    double[] r = new double[2];
    for (int m = 0; m < 2; m++) {
      Estimate eg = sum.get(s).est()[m][b];
      Estimate er = sum.get(ref).est()[m][b];
      if (!ok[s] || !ok[ref] || !eg.defined() || !er.defined()) {
        return Estimate.undefined(Estimates.BOTH);
      }
      g[m] = eg.value();
      r[m] = er.value();
    }
    double v = t.value(g[1], r[1]) - t.value(g[0], r[0]);
    if (Double.isNaN(v)) {
      return Estimate.undefined(Estimates.BOTH);
    }
    double var =
        pairedVariance(sum.get(s), b, t.dGroup(g[1], r[1]), t.dGroup(g[0], r[0]))
            + pairedVariance(sum.get(ref), b, t.dReference(g[1], r[1]), t.dReference(g[0], r[0]));
    return est.wald(v, var);
  }

  /** Var(f1·X1 − f0·X0) of one slice's two estimates, from their paired delta's variance. */
  private static double pairedVariance(RowStats.Summary h, int b, double f1, double f0) {
    double v0 = h.variance()[0][b];
    double v1 = h.variance()[1][b];
    double c01 = (v0 + v1 - h.deltaVariance()[b]) / 2;
    return f1 * f1 * v1 + f0 * f0 * v0 - 2 * f1 * f0 * c01;
  }

  private Undefined wholeReason(int m, int j, WholeDisparity d) {
    int n = q.eligibleGroups(m, j, d.info().bases()).size();
    return n < 2
        ? Undefined.of(
            UndefinedReason.TOO_FEW_GROUPS,
            "fewer than 2 groups with enough data and defined "
                + String.join(" and ", d.info().bases()))
        : Undefined.of(UndefinedReason.ZERO_DENOMINATOR, "the largest rate is 0");
  }

  private List<SkippedGroup> skipped(int m, int j) {
    AttributeSet set = q.space.sets().get(j);
    List<SkippedGroup> out = new ArrayList<>();
    for (int g = 0; g < set.slices().size(); g++) {
      int s = q.sliceIndex(j, g);
      Slice slice = set.slices().get(g);
      String role = g == set.reference() ? " (reference group)" : "";
      if (!ok[s]) {
        double count = est.point(q.metric(m, s, q.cmIndex("count")));
        out.add(
            new SkippedGroup(
                slice.groupKey(),
                "insufficient_data: weighted count "
                    + (count == Math.rint(count) ? String.valueOf((long) count) : count)
                    + " < min slice size "
                    + in.minSliceSize()
                    + role,
                UndefinedReason.INSUFFICIENT_DATA,
                null,
                null));
        continue;
      }
      for (String base : registry.disparityBases()) {
        Undefined why = baseUndefined(m, s, slice, base);
        if (why != null) {
          out.add(
              new SkippedGroup(
                  slice.groupKey(),
                  base
                      + " undefined ("
                      + why.text()
                      + "): left out of the disparities built on it"
                      + role,
                  UndefinedReason.BASE_UNDEFINED,
                  base,
                  why.code()));
        }
      }
    }
    return out;
  }

  /** Why base metric {@code base} is undefined for slice {@code s}, or null when it is defined. */
  private Undefined baseUndefined(int m, int s, Slice slice, String base) {
    if (registry.isRowMetric(base)) {
      Estimate e = sum.get(s).est()[m][rows.indexOf(base)];
      return e.defined() ? null : e.why();
    }
    if (q.eligible(m, s, base)) {
      return null;
    }
    CountMetric cm = q.cm.get(q.cmIndex(base));
    return cm.why().apply(point.counts(slice.fine(), m));
  }
}
