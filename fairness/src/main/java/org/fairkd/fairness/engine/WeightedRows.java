package org.fairkd.fairness.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkd.fairness.FairnessInput;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.fairness.cells.FineCells;
import org.fairkd.fairness.cells.PairedAucSums;
import org.fairkd.fairness.cells.SliceSums;
import org.fairkd.fairness.report.AttributeAccounting;
import org.fairkd.fairness.report.DataAccounting;
import org.fairkd.fairness.slices.RowMembership;
import org.fairkd.fairness.slices.Slice;
import org.fairkd.fairness.slices.SliceSpace;

/**
 * Sums rows with weights or soft membership, given by value, into what {@link CellAnalyzer} needs:
 * the per-slice {@link SliceSums}, the point and Poisson replicate {@link PoissonTally} (a row's
 * draws from its global index) and the data accounting. A row's members and weights are the row
 * engine's: its fine groups and their weights from {@link SliceSpace#forEachFine}, its weight in a
 * slice u = w × {@link SliceSpace#membership}, members of all rows and of hard slices every row in
 * them, of slices with a soft attribute the rows with u &gt; 0. Serializable and mergeable, one per
 * partition.
 */
public final class WeightedRows implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final List<List<String>> groups;
  private final boolean[] soft;
  private final int models;
  private final double threshold;
  private final SliceSums sums;
  private final PoissonTally tally;
  private final int[] missingRows;
  private final double[] missingWeight;
  private int rows;
  private double totalWeight;
  private transient Layout layout;

  /** The slice space of the attributes and per-row scratch arrays (built in each partition). */
  private static final class Layout {
    final SliceSpace space;
    final List<Slice> slices;
    final boolean[] hard;
    final int[] fines;
    final double[] weights;
    final int[] bins = new int[2];
    final double[] scores = new double[2];

    Layout(FairnessInput shape) {
      space = new SliceSpace(shape, zeros(shape));
      slices = CellAnalyzer.slices(shape);
      hard = new boolean[slices.size()];
      for (int s = 0; s < hard.length; s++) {
        hard[s] = true;
        for (int a : slices.get(s).attrIdx()) {
          hard[s] &= !shape.attributes().get(a).isSoft();
        }
      }
      fines = new int[space.fineCount()];
      weights = new double[space.fineCount()];
    }

    private static double[][] zeros(FairnessInput shape) {
      double[][] z = new double[shape.attributes().size()][];
      for (int a = 0; a < z.length; a++) {
        z[a] = new double[shape.attributes().get(a).groups().size()];
      }
      return z;
    }
  }

  /**
   * Empty sums.
   *
   * @param names attribute names
   * @param groups each attribute's groups (hard: sorted distinct values; soft: as given)
   * @param soft per attribute true when soft
   * @param models 1, or 2 with a compared model
   * @param threshold decision threshold
   * @param resolution AUC histogram bins on [0, 1]
   * @param replicates bootstrap replicates
   * @param seed bootstrap seed
   */
  public WeightedRows(
      List<String> names,
      List<List<String>> groups,
      boolean[] soft,
      int models,
      double threshold,
      int resolution,
      int replicates,
      long seed) {
    this.names = List.copyOf(names);
    this.groups = groups.stream().map(List::copyOf).toList();
    this.soft = soft.clone();
    this.models = models;
    this.threshold = threshold;
    FairnessInput shape = shape(Map.of());
    Layout l = new Layout(shape);
    this.sums = new SliceSums(l.slices.size(), models, resolution);
    this.tally = new PoissonTally(l.space.fineCount(), models, replicates, seed);
    this.missingRows = new int[names.size()];
    this.missingWeight = new double[names.size()];
  }

  /** The attributes with no rows, with the given references (attribute name to group). */
  public List<ProtectedAttribute> attributes(Map<String, String> references) {
    List<ProtectedAttribute> out = new ArrayList<>();
    for (int a = 0; a < names.size(); a++) {
      String ref = references.get(names.get(a));
      out.add(
          soft[a]
              ? CellAnalyzer.softAttribute(names.get(a), groups.get(a), ref)
              : CellAnalyzer.attribute(names.get(a), groups.get(a), ref));
    }
    return out;
  }

  private FairnessInput shape(Map<String, String> references) {
    FairnessInput.Builder b = FairnessInput.builder(new boolean[0]).scores(new double[0]);
    attributes(references).forEach(b::attribute);
    return b.build();
  }

  private Layout layout() {
    if (layout == null) {
      layout = new Layout(shape(Map.of()));
    }
    return layout;
  }

  /**
   * Adds one row.
   *
   * @param index the row's global index among the analysed rows (0-based, in input order)
   * @param label favourable label
   * @param s1 primary score
   * @param s2 compared score (ignored with one model)
   * @param w row weight (1 without weights)
   * @param row its group codes and probabilities
   */
  public void add(long index, boolean label, double s1, double s2, double w, RowMembership row) {
    Layout l = layout();
    rows++;
    totalWeight += w;
    int[] nf = {0};
    l.space.forEachFine(
        row,
        (f, m) -> {
          l.fines[nf[0]] = f;
          l.weights[nf[0]++] = w * m;
        });
    int y = label ? 1 : 0;
    l.scores[0] = s1;
    l.scores[1] = s2;
    l.bins[0] = FineCells.calibrationBin(s1);
    l.bins[1] = FineCells.calibrationBin(s2);
    int d1 = s1 >= threshold ? 1 : 0;
    int d2 = models > 1 && s2 >= threshold ? 1 : 0;
    tally.add(index, nf[0], l.fines, l.weights, y, d1, d2, l.bins, l.scores);
    for (int s = 0; s < l.hard.length; s++) {
      Slice slice = l.slices.get(s);
      double u = s == 0 ? w : w * l.space.membership(slice, row);
      sums.add(s, u, member(l, s, slice, u, row), label, s1, s2);
    }
    for (int a = 0; a < names.size(); a++) {
      double known = 0;
      if (soft[a]) {
        for (int g = 0; g < groups.get(a).size(); g++) {
          known += row.probability(a, g);
        }
      } else if (row.code(a) >= 0) {
        known = 1;
      }
      missingRows[a] += known > 0 ? 0 : 1;
      missingWeight[a] += w * Math.max(0, 1 - known);
    }
  }

  private static boolean member(Layout l, int s, Slice slice, double u, RowMembership row) {
    if (s == 0) {
      return true;
    }
    return l.hard[s] ? l.space.membership(slice, row) > 0 : u > 0;
  }

  /** Adds one row to the second pass's paired AUC sums (as {@link #add} places it in slices). */
  public void addPaired(
      PairedAucSums paired, boolean label, double s1, double s2, double w, RowMembership row) {
    Layout l = layout();
    for (int s = 0; s < l.hard.length; s++) {
      Slice slice = l.slices.get(s);
      double u = s == 0 ? w : w * l.space.membership(slice, row);
      if (member(l, s, slice, u, row)) {
        paired.add(s, u, label, s1, s2);
      }
    }
  }

  /** Adds another partition's sums into this one and returns this. */
  public WeightedRows merge(WeightedRows o) {
    sums.merge(o.sums);
    tally.merge(o.tally);
    rows = Math.addExact(rows, o.rows);
    totalWeight += o.totalWeight;
    for (int a = 0; a < missingRows.length; a++) {
      missingRows[a] += o.missingRows[a];
      missingWeight[a] += o.missingWeight[a];
    }
    return this;
  }

  /** Rows added. */
  public int rows() {
    return rows;
  }

  /** The per-slice sums. */
  public SliceSums sums() {
    return sums;
  }

  /** The point and replicate tallies. */
  public PoissonTally tally() {
    return tally;
  }

  /** Index in {@link CellAnalyzer#slices} of group g of attribute a. */
  public int groupSlice(int a, int g) {
    int s = 1;
    for (int k = 0; k < a; k++) {
      s += groups.get(k).size();
    }
    return s + g;
  }

  /** Rows, weight, and per attribute the groups with weight and the missing rows and weight. */
  public DataAccounting accounting() {
    List<AttributeAccounting> out = new ArrayList<>();
    for (int a = 0; a < names.size(); a++) {
      List<String> withRows = new ArrayList<>();
      for (int g = 0; g < groups.get(a).size(); g++) {
        if (sums.weight(groupSlice(a, g)) > 0) {
          withRows.add(groups.get(a).get(g));
        }
      }
      out.add(new AttributeAccounting(names.get(a), withRows, missingRows[a], missingWeight[a]));
    }
    return new DataAccounting(rows, totalWeight, out);
  }
}
