package org.fairkd.fairness.engine;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.fairness.FairnessException;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.cells.FineCells;
import org.fairkd.fairness.cells.FineMoment;
import org.fairkd.fairness.cells.PairedAucSums;
import org.fairkd.fairness.metrics.MetricRegistry;
import org.fairkd.fairness.report.AttributeAccounting;
import org.fairkd.fairness.report.DataAccounting;
import org.fairkd.fairness.report.Estimate;
import org.fairkd.fairness.report.FairnessReport;
import org.fairkd.fairness.report.Undefined;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.slices.SliceSpace;

/**
 * The fairness analysis from {@link FineCells} instead of rows (hard groups, unit weights, scores):
 * the same slices, bootstrap ({@link Bootstrapper} over the given atoms, the same multinomial draws
 * for the same seed), row statistics ({@link CellRowStats}) and result records as {@link
 * org.fairkd.fairness.FairnessAnalysis}. With a compared model the paired AUC deltas need a second
 * pass over the rows: {@link #pairedAucSums()} gives the empty sums with their lookup tables,
 * {@link #run} takes them filled.
 */
public final class CellAnalyzer {
  private final FairnessInput settings;
  private final MetricRegistry registry;
  private final FineCells cells;
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
    this.cells = cells;
    double[][] none = new double[settings.attributes().size()][];
    for (int a = 0; a < none.length; a++) {
      none[a] = new double[settings.attributes().get(a).groups().size()];
    }
    SliceSpace probe = new SliceSpace(settings, none);
    if (probe.fineCount() != cells.fineCount()) {
      throw new FairnessException(
          "cells have " + cells.fineCount() + " fine groups, attributes " + probe.fineCount());
    }
    this.space = new SliceSpace(settings, groupTotals(probe));
    this.slices = new Quantities(space, cells.models(), registry).slices;
    this.rowStats = new CellRowStats(cells, registry.rowMetrics(), settings.ciLevel());
    aucs = new CellRowStats.Auc[slices.size()][cells.models()];
    for (int s = 0; s < slices.size(); s++) {
      for (int m = 0; m < cells.models(); m++) {
        aucs[s][m] = rowStats.auc(slices.get(s), m);
      }
    }
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
    if (cells.models() < 2) {
      throw new FairnessException("paired AUC sums need a compared model");
    }
    List<List<Integer>> of = new ArrayList<>();
    for (int f = 0; f < cells.fineCount(); f++) {
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
    return new PairedAucSums(cells.resolution(), slicesOfFine, comp);
  }

  /** Computes everything; {@code paired} is the filled {@link #pairedAucSums()}, or null. */
  public FairnessReport run(PairedAucSums paired) {
    if (cells.models() > 1 && paired == null) {
      throw new FairnessException("a comparison needs the paired AUC sums");
    }
    Bootstrapper boot = new Bootstrapper(settings, space, cells);
    double[][] noRows = new double[cells.models()][0];
    RowStats names = new RowStats(settings, space, noRows, registry.rowMetrics());
    return Analyzer.assemble(
        settings,
        registry,
        space,
        cells.models(),
        boot,
        names,
        (sl, counts) -> rowStats.summarizeAll(sl, aucs, paired),
        this::kl,
        accounting());
  }

  private Estimate kl() {
    Slice all = space.overall();
    double n = rowStats.sum(all, FineMoment.N);
    double sk = rowStats.sum(all, FineMoment.KL);
    double var = CellRowStats.meanVariance(n, sk, rowStats.sum(all, FineMoment.KL_SQ));
    return rowStats.estimate(
        n > 0 ? sk / n : Double.NaN,
        n > 0 ? null : Undefined.EMPTY_SLICE,
        var,
        Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
  }

  /** Rows per attribute group: the fine groups' counts summed over the group's slice. */
  private double[][] groupTotals(SliceSpace s) {
    int k = settings.attributes().size();
    double[][] t = new double[k][];
    for (int a = 0; a < k; a++) {
      List<Slice> groups = s.sets().get(a).slices();
      t[a] = new double[groups.size()];
      for (int g = 0; g < groups.size(); g++) {
        for (int f : groups.get(g).fine()) {
          t[a][g] += cells.fineMoments()[FineMoment.N.ordinal()][f];
        }
      }
    }
    return t;
  }

  private DataAccounting accounting() {
    double[][] t = groupTotals(space);
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
      int missing = (int) Math.round(cells.rows() - known);
      out.add(new AttributeAccounting(attr.name(), withRows, missing, missing));
    }
    return new DataAccounting(cells.rows(), cells.rows(), out);
  }
}
