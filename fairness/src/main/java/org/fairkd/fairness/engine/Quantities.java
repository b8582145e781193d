package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.fairness.metrics.CountMetric;
import org.fairkd.fairness.metrics.Counts;
import org.fairkd.fairness.metrics.GroupDisparity;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.metrics.PooledDisparity;
import org.fairkd.fairness.metrics.WholeDisparity;
import org.fairkd.fairness.slices.AttributeSet;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.slices.SliceSpace;

/**
 * The flat vector of every bootstrapped quantity, evaluated identically on the point tally and on
 * each replicate tally: per model, each slice's count metrics, then per attribute set the pooled
 * figures (Theil index), the whole-attribute disparities and the group disparities built on count
 * metrics; then (two models) each slice's fidelity; then, once the point gaps are fixed ({@link
 * #setPointCalibration}), each model's and slice's noise-only calibration error Σ_b |D*_b − D_b|
 * (D_b the per-bin gap (Σ w s − Σ w y)/Σ w; {@link org.fairkd.fairness.stats.DebiasedBootstrap}).
 * Disparities use the groups eligible at the point estimate (enough data, base metric defined); a
 * replicate in which an eligible group's base metric is undefined gives NaN.
 */
final class Quantities {
  final List<CountMetric> cm;
  final List<PooledDisparity> pd;
  final List<WholeDisparity> wd;
  final List<GroupDisparity> gd;

  final SliceSpace space;
  final int models;
  final List<Slice> slices = new ArrayList<>();
  private final int[] setStart;
  private final int[] setOffset;
  private final int blockSize;
  private final int size;
  private boolean[][][] eligible;
  private double[][][] pointGaps;

  Quantities(SliceSpace space, int models, MetricRegistry registry) {
    cm = registry.countMetrics();
    pd = registry.pooledDisparities();
    wd = registry.wholeDisparities();
    gd =
        registry.groupDisparities().stream()
            .filter(d -> d.info().bases().stream().noneMatch(registry::isRowMetric))
            .toList();
    this.space = space;
    this.models = models;
    slices.add(space.overall());
    setStart = new int[space.sets().size()];
    setOffset = new int[space.sets().size()];
    for (int j = 0; j < space.sets().size(); j++) {
      setStart[j] = slices.size();
      slices.addAll(space.sets().get(j).slices());
    }
    int off = slices.size() * cm.size();
    for (int j = 0; j < space.sets().size(); j++) {
      setOffset[j] = off;
      off += pd.size() + wd.size() + gd.size() * space.sets().get(j).slices().size();
    }
    blockSize = off;
    size = models * blockSize + (models > 1 ? slices.size() : 0) + models * slices.size();
  }

  int size() {
    return size;
  }

  /** Global slice index of slice k of attribute set j. */
  int sliceIndex(int set, int k) {
    return setStart[set] + k;
  }

  int metric(int m, int slice, int k) {
    return m * blockSize + slice * cm.size() + k;
  }

  int pooled(int m, int set, int k) {
    return m * blockSize + setOffset[set] + k;
  }

  int whole(int m, int set, int k) {
    return pooled(m, set, 0) + pd.size() + k;
  }

  int group(int m, int set, int k, int slot) {
    int n = space.sets().get(set).slices().size();
    return pooled(m, set, 0) + pd.size() + wd.size() + k * n + slot;
  }

  int fidelity(int slice) {
    return models * blockSize + slice;
  }

  /** Index of the noise-only calibration error of model m in a slice. */
  int calibrationNoise(int m, int slice) {
    return models * blockSize + (models > 1 ? slices.size() : 0) + m * slices.size() + slice;
  }

  /** Fixes the per-bin calibration gaps of the point tally (the centre of the noise replicates). */
  void setPointCalibration(Tally point) {
    pointGaps = new double[models][slices.size()][];
    for (int m = 0; m < models; m++) {
      for (int s = 0; s < slices.size(); s++) {
        pointGaps[m][s] = gaps(point.counts(slices.get(s).fine(), m));
      }
    }
  }

  private static double[] gaps(Counts c) {
    double[] d = new double[c.binScore().length];
    for (int b = 0; b < d.length; b++) {
      d[b] = (c.binScore()[b] - c.binLabel()[b]) / c.total();
    }
    return d;
  }

  private double noise(Counts c, double[] centre) {
    if (!c.hasScores() || !(c.total() > 0) || !(centre.length > 0 && !Double.isNaN(centre[0]))) {
      return Double.NaN;
    }
    double[] d = gaps(c);
    double sum = 0;
    for (int b = 0; b < d.length; b++) {
      sum += Math.abs(d[b] - centre[b]);
    }
    return sum;
  }

  int cmIndex(String name) {
    for (int k = 0; k < cm.size(); k++) {
      if (cm.get(k).name().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** Fixes eligibility from point values and slice statuses ({@code ok[slice]}). */
  void setEligibility(double[] point, boolean[] ok) {
    eligible = new boolean[models][slices.size()][cm.size()];
    for (int m = 0; m < models; m++) {
      for (int s = 0; s < slices.size(); s++) {
        for (int k = 0; k < cm.size(); k++) {
          eligible[m][s][k] = ok[s] && !Double.isNaN(point[metric(m, s, k)]);
        }
      }
    }
  }

  boolean eligible(int m, int slice, String base) {
    return eligible[m][slice][cmIndex(base)];
  }

  /** Evaluates slice metrics, pooled figures and fidelity into {@code out}. */
  void evalSlices(Tally t, double[] out) {
    for (int m = 0; m < models; m++) {
      for (int s = 0; s < slices.size(); s++) {
        Counts c = t.counts(slices.get(s).fine(), m);
        for (int k = 0; k < cm.size(); k++) {
          out[metric(m, s, k)] = cm.get(k).apply(c);
        }
        out[calibrationNoise(m, s)] = pointGaps == null ? Double.NaN : noise(c, pointGaps[m][s]);
      }
      for (int j = 0; j < space.sets().size(); j++) {
        Counts pop = t.counts(space.sets().get(j).population(), m);
        for (int k = 0; k < pd.size(); k++) {
          out[pooled(m, j, k)] = pd.get(k).value().applyAsDouble(pop);
        }
      }
    }
    if (models > 1) {
      for (int s = 0; s < slices.size(); s++) {
        double[] a = t.agreement(slices.get(s).fine());
        out[fidelity(s)] = a[1] > 0 ? a[0] / a[1] : Double.NaN;
      }
    }
  }

  /** Evaluates disparities from the slice values already in {@code out}. */
  void evalDisparities(double[] out) {
    for (int m = 0; m < models; m++) {
      for (int j = 0; j < space.sets().size(); j++) {
        AttributeSet set = space.sets().get(j);
        for (int k = 0; k < wd.size(); k++) {
          out[whole(m, j, k)] = wholeValue(m, j, wd.get(k), out);
        }
        int ref = sliceIndex(j, set.reference());
        for (int k = 0; k < gd.size(); k++) {
          GroupDisparity d = gd.get(k);
          for (int g = 0; g < set.slices().size(); g++) {
            int s = sliceIndex(j, g);
            out[group(m, j, k, g)] =
                g == set.reference()
                        || !eligibleAll(m, s, d.bases())
                        || !eligibleAll(m, ref, d.bases())
                    ? Double.NaN
                    : d.contrast()
                        .apply(values(m, s, d.bases(), out), values(m, ref, d.bases(), out));
          }
        }
      }
    }
  }

  private double wholeValue(int m, int j, WholeDisparity d, double[] out) {
    List<Integer> groups = eligibleGroups(m, j, d.bases());
    if (groups.size() < 2) {
      return Double.NaN;
    }
    double[][] v = new double[d.bases().size()][groups.size()];
    for (int b = 0; b < v.length; b++) {
      int k = cmIndex(d.bases().get(b));
      for (int g = 0; g < groups.size(); g++) {
        v[b][g] = out[metric(m, groups.get(g), k)];
        if (Double.isNaN(v[b][g])) {
          return Double.NaN;
        }
      }
    }
    return d.aggregate().applyAsDouble(v);
  }

  /** Global slice indices of set j's groups eligible for all bases. */
  List<Integer> eligibleGroups(int m, int j, List<String> bases) {
    List<Integer> groups = new ArrayList<>();
    for (int g = 0; g < space.sets().get(j).slices().size(); g++) {
      if (eligibleAll(m, sliceIndex(j, g), bases)) {
        groups.add(sliceIndex(j, g));
      }
    }
    return groups;
  }

  boolean eligibleAll(int m, int s, List<String> bases) {
    for (String b : bases) {
      if (!eligible(m, s, b)) {
        return false;
      }
    }
    return true;
  }

  private double[] values(int m, int s, List<String> bases, double[] out) {
    double[] v = new double[bases.size()];
    for (int b = 0; b < v.length; b++) {
      v[b] = out[metric(m, s, cmIndex(bases.get(b)))];
    }
    return v;
  }
}
