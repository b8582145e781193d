package org.fairkd.kd.teacher;

import java.util.ArrayList;
import java.util.List;
import org.fairkd.datasets.tribuo.TribuoData;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * A Tribuo random forest or extra-trees member (bagged CART trees, leaf class distributions
 * averaged by {@code FullyWeightedVotingCombiner} with equal weights) compiled into flat arrays
 * over encoded rows, evaluated without allocation. A row goes to the {@code >} child when {@code
 * (double) x > split} (as Tribuo's {@code SplitNode}), else to the {@code ≤} child; a leaf has
 * {@code feature = −1} and its P(favourable) (the leaf's distribution) in {@code value}; the score
 * is the mean over the trees. Checked against Tribuo's scores to 1e-6 in the tests.
 */
final class CompiledForest {
  private final int[] roots;
  private final int[] feature;
  private final double[] value;
  private final int[] greater;
  private final int[] lessOrEqual;

  private CompiledForest(
      int[] roots, int[] feature, double[] value, int[] greater, int[] lessOrEqual) {
    this.roots = roots;
    this.feature = feature;
    this.value = value;
    this.greater = greater;
    this.lessOrEqual = lessOrEqual;
  }

  /**
   * Compiles {@code model} when it is an ensemble of Tribuo trees, else returns null.
   *
   * @param featureNames the encoded column names (the row layout to score)
   */
  static CompiledForest of(Model<Label> model, List<String> featureNames) {
    if (!(model instanceof WeightedEnsembleModel<Label> e)) {
      return null;
    }
    List<Node<Label>> trees = new ArrayList<>();
    List<ImmutableFeatureMap> maps = new ArrayList<>();
    for (Model<Label> m : e.getModels()) {
      if (!(m instanceof TreeModel<Label> t)) {
        return null;
      }
      trees.add(t.getRoot());
      maps.add(t.getFeatureIDMap());
    }
    Builder b = new Builder();
    int[] roots = new int[trees.size()];
    for (int t = 0; t < trees.size(); t++) {
      ImmutableFeatureMap fmap = maps.get(t);
      int[] columnOf = new int[fmap.size()];
      java.util.Arrays.fill(columnOf, -1);
      for (int j = 0; j < featureNames.size(); j++) {
        int id = fmap.getID(featureNames.get(j));
        if (id >= 0) {
          columnOf[id] = j;
        }
      }
      roots[t] = b.add(trees.get(t), columnOf);
    }
    return new CompiledForest(
        roots,
        b.feature.stream().mapToInt(Integer::intValue).toArray(),
        b.value.stream().mapToDouble(Double::doubleValue).toArray(),
        b.greater.stream().mapToInt(Integer::intValue).toArray(),
        b.lessOrEqual.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Number of trees. */
  int trees() {
    return roots.length;
  }

  /** P(favourable) of an encoded row; no allocation. */
  double score(float[] x) {
    double s = 0;
    for (int root : roots) {
      int n = root;
      while (feature[n] >= 0) {
        n = (double) x[feature[n]] > value[n] ? greater[n] : lessOrEqual[n];
      }
      s += value[n];
    }
    return s / roots.length;
  }

  /** Appends nodes depth first; a split's {@code value} is its split point. */
  private static final class Builder {
    final List<Integer> feature = new ArrayList<>();
    final List<Double> value = new ArrayList<>();
    final List<Integer> greater = new ArrayList<>();
    final List<Integer> lessOrEqual = new ArrayList<>();

    int add(Node<Label> n, int[] columnOf) {
      int id = feature.size();
      feature.add(-1);
      value.add(0.0);
      greater.add(-1);
      lessOrEqual.add(-1);
      if (n instanceof SplitNode<Label> s) {
        int col = columnOf[s.getFeatureID()];
        if (col < 0) {
          throw new IllegalArgumentException("tree splits on a feature outside the encoded row");
        }
        feature.set(id, col);
        value.set(id, s.splitValue());
        greater.set(id, add(s.getGreaterThan(), columnOf));
        lessOrEqual.set(id, add(s.getLessThanOrEqual(), columnOf));
      } else {
        Label fav = ((LeafNode<Label>) n).getDistribution().get(TribuoData.FAVOURABLE);
        value.set(id, fav == null ? 0.0 : fav.getScore());
      }
      return id;
    }
  }
}
