package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.cells.FineCells;
import org.fairkd.fairness.cells.FineMoment;
import org.fairkd.fairness.cells.PairedAucSums;
import org.fairkd.fairness.cells.SliceSums;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.report.AttributeAccounting;
import org.fairkd.fairness.report.DataAccounting;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.slices.SliceSpace;

/**
 * The fairness analysis from sums instead of rows: {@link FineCells} (hard groups, unit weights,
 * scores), or with row weights or soft membership {@link SliceSums} and a {@link PoissonTally}. The
 * same slices, bootstrap ({@link Bootstrapper} over the given atoms or Poisson tallies, the same
 * draws for the same seed), row statistics ({@link CellRowStats}) and result records as {@link
 * org.fairkd.fairness.FairnessAnalysis}. With a compared model the paired AUC deltas need a second
 * pass over the rows: {@link #pairedAucSums()} gives the empty sums with their lookup tables,
 * {@link #run} takes them filled.
 */
public final class CellAnalyzer {
  private final FairnessInput settings;
  private final MetricRegistry registry;
  private final int models;
  private final int resolution;
  private final java.util.function.Supplier<Bootstrapper> bootstrapper;
  private final DataAccounting data;
  private final SliceSpace space;
  private final List<Slice> slices;
  private final CellRowStats rowStats;
  private final CellRowStats.Auc[][] aucs;

  /**
   * Prepares the analysis.
   *
   * @param settings the settings and the attributes' names, groups and references (hard, with no
   *     rows: {@link #attributes}); its labels and scores are not read
   * @param cells the aggregated rows
   * @param registry the metrics
   */
  public CellAnalyzer(FairnessInput settings, FineCells cells, MetricRegistry registry) {
    if (settings.weights() != null
        || settings.decisions() != null
        || settings.attributes().stream().anyMatch(ProtectedAttribute::isSoft)) {
      throw new FairnessException(
          "aggregated cells need hard groups, unit weights and scores (not decisions)");
    }
    this.settings = settings;
    this.registry = registry;
    this.models = cells.models();
    this.resolution = cells.resolution();
    SliceSpace probe = probe(settings, cells.fineCount());
    double[] fineRows = cells.fineMoments()[FineMoment.N.ordinal()];
    this.space = new SliceSpace(settings, groupTotals(probe, f -> fineRows[f]));
    this.bootstrapper = () -> new Bootstrapper(settings, space, cells);
    this.data = accounting(cells.rows(), f -> fineRows[f]);
    this.slices = new Quantities(space, models, registry).slices;
    this.rowStats = new CellRowStats(cells, registry.rowMetrics(), settings.ciLevel());
    this.aucs = aucs();
  }

  /**
   * Prepares the analysis of rows with weights or soft membership.
   *
   * @param settings the settings and the attributes (hard: {@link #attribute}, soft: {@link
   *     #softAttribute}; with row weights, {@code weights} an empty array), no rows
   * @param sums per-slice sums over {@link #slices} of {@code settings}' attributes
   * @param tally the point and Poisson replicate tallies
   * @param data rows, weight and per-attribute missing rows
   * @param registry the metrics
   */
  public CellAnalyzer(
      FairnessInput settings,
      SliceSums sums,
      PoissonTally tally,
      DataAccounting data,
      MetricRegistry registry) {
    if (settings.decisions() != null) {
      throw new FairnessException("aggregated sums need scores (not decisions)");
    }
    this.settings = settings;
    this.registry = registry;
    this.models = sums.models();
    this.resolution = sums.resolution();
    SliceSpace probe = probe(settings, -1);
    this.space = new SliceSpace(settings, groupTotals(probe, tally::fineWeight));
    this.bootstrapper = () -> new Bootstrapper(settings, space, models, tally);
    this.data = data;
    this.slices = new Quantities(space, models, registry).slices;
    if (slices.size() != sums.slices()) {
      throw new FairnessException(
          "sums have " + sums.slices() + " slices, attributes " + slices.size());
    }
    this.rowStats = new CellRowStats(sums, registry.rowMetrics(), settings.ciLevel());
    this.aucs = aucs();
  }

  /**
   * The slices of {@code settings}' attributes in the order {@link SliceSums} is indexed: all rows,
   * then each attribute set's slices (attributes, then intersections).
   */
  public static List<Slice> slices(FairnessInput settings) {
    SliceSpace s = probe(settings, -1);
    List<Slice> out = new ArrayList<>();
    out.add(s.overall());
    s.sets().forEach(set -> out.addAll(set.slices()));
    return out;
  }

  /** The slice space with no totals (fine numbering and slices; references not final). */
  private static SliceSpace probe(FairnessInput settings, int fineCount) {
    double[][] none = new double[settings.attributes().size()][];
    for (int a = 0; a < none.length; a++) {
      none[a] = new double[settings.attributes().get(a).groups().size()];
    }
    SliceSpace probe = new SliceSpace(settings, none);
    if (fineCount >= 0 && probe.fineCount() != fineCount) {
      throw new FairnessException(
          "cells have " + fineCount + " fine groups, attributes " + probe.fineCount());
    }
    return probe;
  }

  private CellRowStats.Auc[][] aucs() {
    CellRowStats.Auc[][] out = new CellRowStats.Auc[slices.size()][models];
    for (int s = 0; s < slices.size(); s++) {
      for (int m = 0; m < models; m++) {
        out[s][m] = rowStats.auc(s, slices.get(s), m);
      }
    }
    return out;
  }

  /** Soft attributes with no rows: the shape {@code settings} carries. */
  public static ProtectedAttribute softAttribute(
      String name, List<String> groups, String reference) {
    return ProtectedAttribute.soft(name, groups, reference, new double[groups.size()][0]);
  }

  /** Hard attributes with no rows: the shape {@code settings} carries. */
  public static ProtectedAttribute attribute(String name, List<String> groups, String reference) {
    return ProtectedAttribute.hard(name, groups, reference, new int[0]);
  }

  /** The slice space (fine group numbering: {@link SliceSpace#fineOf}). */
  public SliceSpace space() {
    return space;
  }

  /**
   * The largest bound, over slices and models, on how far an AUC can be from the exact one: half
   * the share of positive–negative pairs in histogram bins that hold more than one distinct score;
   * 0 means every AUC is exact.
   */
  public double aucTieBound() {
    double max = 0;
    for (CellRowStats.Auc[] row : aucs) {
      for (CellRowStats.Auc a : row) {
        max = Math.max(max, a.tieBound());
      }
    }
    return max;
  }

  /** Empty paired-AUC sums with each slice's component tables (two models only). */
  public PairedAucSums pairedAucSums() {
    if (models < 2) {
      throw new FairnessException("paired AUC sums need a compared model");
    }
    List<List<Integer>> of = new ArrayList<>();
    for (int f = 0; f < space.fineCount(); f++) {
      of.add(new ArrayList<>());
    }
    double[][][][] comp = new double[slices.size()][2][][];
    for (int s = 0; s < slices.size(); s++) {
      for (int f : slices.get(s).fine()) {
        of.get(f).add(s);
      }
      for (int m = 0; m < 2; m++) {
        comp[s][m] = aucs[s][m].components();
      }
    }
    int[][] slicesOfFine = new int[of.size()][];
    for (int f = 0; f < slicesOfFine.length; f++) {
      slicesOfFine[f] = of.get(f).stream().mapToInt(Integer::intValue).toArray();
    }
    return new PairedAucSums(resolution, slicesOfFine, comp);
  }

  /** Computes everything; {@code paired} is the filled {@link #pairedAucSums()}, or null. */
  public FairnessReport run(PairedAucSums paired) {
    if (models > 1 && paired == null) {
      throw new FairnessException("a comparison needs the paired AUC sums");
    }
    Bootstrapper boot = bootstrapper.get();
    double[][] noRows = new double[models][0];
    RowStats names = new RowStats(settings, space, noRows, registry.rowMetrics());
    return Analyzer.assemble(
        settings,
        registry,
        space,
        models,
        boot,
        names,
        (sl, counts) -> rowStats.summarizeAll(sl, aucs, paired),
        () -> rowStats.kl(0, space.overall()),
        data);
  }

  /** Weight per attribute group: the fine groups' weights summed over the group's slice. */
  private double[][] groupTotals(SliceSpace s, java.util.function.IntToDoubleFunction fine) {
    int k = settings.attributes().size();
    double[][] t = new double[k][];
    for (int a = 0; a < k; a++) {
      List<Slice> groups = s.sets().get(a).slices();
      t[a] = new double[groups.size()];
      for (int g = 0; g < groups.size(); g++) {
        for (int f : groups.get(g).fine()) {
          t[a][g] += fine.applyAsDouble(f);
        }
      }
    }
    return t;
  }

  private DataAccounting accounting(int rows, java.util.function.IntToDoubleFunction fine) {
    double[][] t = groupTotals(space, fine);
    List<AttributeAccounting> out = new ArrayList<>();
    for (int a = 0; a < t.length; a++) {
      ProtectedAttribute attr = settings.attributes().get(a);
      List<String> withRows = new ArrayList<>();
      double known = 0;
      for (int g = 0; g < t[a].length; g++) {
        known += t[a][g];
        if (t[a][g] > 0) {
          withRows.add(attr.groups().get(g));
        }
      }
      int missing = (int) Math.round(rows - known);
      out.add(new AttributeAccounting(attr.name(), withRows, missing, missing));
    }
    return new DataAccounting(rows, rows, out);
  }
}
