package org.fairkd.kd.teacher;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The kinds of teacher member (Tribuo trainers and a DJL MLP) with their YAML hyper-parameters and
 * defaults.
 *
 * <ul>
 *   <li>{@code logistic}: {@link LinearSGDTrainer} with the log-multiclass objective (logistic
 *       regression) and AdaGrad; {@code epochs}, {@code learning_rate}, {@code minibatch}.
 *   <li>{@code xgboost}: {@link XGBoostClassificationTrainer} (gbtree booster, histogram tree
 *       method: on Adult's 27k training rows a 150-tree fit takes 2.7 s against 12 s with XGBoost's
 *       default method, at the same test AUC to 1e-4); {@code trees}, {@code max_depth}, {@code
 *       eta}, {@code subsample}, {@code colsample}, {@code min_child_weight}, {@code gamma}, {@code
 *       lambda}, {@code alpha}, {@code nthread}.
 *   <li>{@code random_forest} / {@code extra_trees}: bagged CART trees ({@link RandomForestTrainer}
 *       / {@link ExtraTreesTrainer}, random split points for extra trees) whose leaf class
 *       distributions are averaged ({@link FullyWeightedVotingCombiner}); {@code trees}, {@code
 *       max_depth}, {@code min_child_weight}, {@code feature_fraction}. Each Tribuo tree is
 *       single-threaded and slow; the trees of a forest are trained in parallel ({@link
 *       ParallelForest}, the same model as Tribuo's sequential bagging).
 *   <li>{@code naive_bayes}: {@link MultinomialNaiveBayesTrainer} ({@code alpha} smoothing). The
 *       multinomial likelihood needs non-negative features, so every feature is shifted by its
 *       training minimum ({@code x − min_train}, clamped at 0 for new rows); it suits one-hot data
 *       and is a weak member on standardised numerics.
 *   <li>{@code mlp}: not a Tribuo trainer but a DJL multi-layer perceptron ({@code layers} hidden
 *       layers of {@code hidden} ReLU units, 2 softmax outputs) trained on hard labels by {@link
 *       org.fairkd.kd.student.StudentTrainer} (Adam, {@code learning_rate}, {@code batch_size}, at
 *       most {@code epochs}); early stopping ({@code patience}) on a seeded stratified {@code
 *       holdout} fraction of the member's own training rows, never on the ensemble's validation
 *       split (which fits the member weights). Defaults: {@code hidden} 64, {@code layers} 2,
 *       {@code epochs} 40, {@code learning_rate} 0.003, {@code batch_size} 256, {@code patience} 6,
 *       {@code holdout} 0.1. Scored by a plain-Java forward pass (no DJL). Several {@code mlp}
 *       members differing only by name differ by seed (see {@link TeacherTrainer}).
 *   <li>{@code xgboost_model}: an XGBoost model trained elsewhere (a file saved by Python's {@code
 *       xgboost}, JSON or UBJSON, objective {@code binary:logistic}), scored by xgboost4j; no
 *       hyper-parameters, an input mapping instead ({@link ImportSpec}).
 *   <li>{@code onnx}: an ONNX model trained elsewhere, scored by an ONNX Runtime session (float or
 *       string input tensors); an input mapping ({@link ImportSpec}).
 * </ul>
 */
public enum MemberType {
  LOGISTIC(
      ParamDef.ofInt("epochs", 5, 1, 1000),
      ParamDef.ofReal("learning_rate", 0.5, 1e-6, 100),
      ParamDef.ofInt("minibatch", 1, 1, 100_000)),
  XGBOOST(
      ParamDef.ofInt("trees", 150, 1, 5000),
      ParamDef.ofInt("max_depth", 5, 1, 20),
      ParamDef.ofReal("eta", 0.1, 1e-4, 1),
      ParamDef.ofReal("subsample", 0.9, 0.01, 1),
      ParamDef.ofReal("colsample", 0.8, 0.01, 1),
      ParamDef.ofReal("min_child_weight", 1, 0, 1e6),
      ParamDef.ofReal("gamma", 0, 0, 1e6),
      ParamDef.ofReal("lambda", 1, 0, 1e6),
      ParamDef.ofReal("alpha", 0, 0, 1e6),
      ParamDef.ofInt("nthread", 2, 1, 64)),
  RANDOM_FOREST(
      ParamDef.ofInt("trees", 10, 1, 1000),
      ParamDef.ofInt("max_depth", 8, 1, 50),
      ParamDef.ofReal("min_child_weight", 5, 0, 1e6),
      ParamDef.ofReal("feature_fraction", 0.5, 0.01, 1)),
  EXTRA_TREES(
      ParamDef.ofInt("trees", 10, 1, 1000),
      ParamDef.ofInt("max_depth", 10, 1, 50),
      ParamDef.ofReal("min_child_weight", 5, 0, 1e6),
      ParamDef.ofReal("feature_fraction", 0.5, 0.01, 1)),
  NAIVE_BAYES(ParamDef.ofReal("alpha", 1, 1e-9, 1e6)),
  MLP(
      ParamDef.ofInt("hidden", 64, 1, 4096),
      ParamDef.ofInt("layers", 2, 1, 8),
      ParamDef.ofInt("epochs", 40, 1, 1000),
      ParamDef.ofReal("learning_rate", 0.003, 1e-6, 1),
      ParamDef.ofInt("batch_size", 256, 1, 100_000),
      ParamDef.ofInt("patience", 6, 1, 1000),
      ParamDef.ofReal("holdout", 0.1, 0.01, 0.5)),
  XGBOOST_MODEL,
  ONNX;

  private final List<ParamDef> params;

  MemberType(ParamDef... params) {
    this.params = List.of(params);
  }

  /** The YAML spelling, e.g. {@code random_forest}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The hyper-parameters this type accepts, in documentation order. */
  public List<ParamDef> params() {
    return params;
  }

  /** Whether this member needs its features shifted to be non-negative. */
  public boolean needsNonNegativeFeatures() {
    return this == NAIVE_BAYES;
  }

  /** Whether this member is a Tribuo trainer ({@link #trainer}); false for mlp and imports. */
  public boolean isTribuo() {
    return this != MLP && !isImported();
  }

  /** Whether this member is a model trained elsewhere, read from a file ({@link ImportSpec}). */
  public boolean isImported() {
    return this == XGBOOST_MODEL || this == ONNX;
  }

  /** The type for a YAML spelling, if any. */
  public static Optional<MemberType> fromKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
  }

  /** All YAML spellings, comma separated, for error messages. */
  public static String allKeys() {
    return String.join(", ", Arrays.stream(values()).map(MemberType::key).toList());
  }

  /** The defaults of every parameter, overridden by {@code given} (assumed validated). */
  public Map<String, Double> withDefaults(Map<String, Double> given) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (ParamDef p : params) {
      out.put(p.key(), given.getOrDefault(p.key(), p.defaultValue()));
    }
    return out;
  }

  /**
   * A configured Tribuo trainer.
   *
   * @param p all parameters of this type (see {@link #withDefaults})
   * @param seed the member's seed
   * @throws IllegalStateException for {@code mlp} and imported models, which are not Tribuo
   *     trainers ({@link #isTribuo})
   */
  public Trainer<Label> trainer(Map<String, Double> p, long seed) {
    return switch (this) {
      case LOGISTIC ->
          new LinearSGDTrainer(
              new LogMulticlass(),
              new AdaGrad(p.get("learning_rate"), 0.1),
              i(p, "epochs"),
              Integer.MAX_VALUE,
              i(p, "minibatch"),
              seed);
      case XGBOOST ->
          new XGBoostClassificationTrainer(
              XGBoostTrainer.BoosterType.GBTREE,
              XGBoostTrainer.TreeMethod.HIST,
              i(p, "trees"),
              p.get("eta"),
              p.get("gamma"),
              i(p, "max_depth"),
              p.get("min_child_weight"),
              p.get("subsample"),
              p.get("colsample"),
              p.get("lambda"),
              p.get("alpha"),
              i(p, "nthread"),
              XGBoostTrainer.LoggingVerbosity.SILENT,
              seed);
      case RANDOM_FOREST, EXTRA_TREES -> forest(p, seed).forest();
      case NAIVE_BAYES -> new MultinomialNaiveBayesTrainer(p.get("alpha"));
      case MLP, XGBOOST_MODEL, ONNX ->
          throw new IllegalStateException(key() + " is not a Tribuo trainer");
    };
  }

  /** Whether this member is a bagged forest of Tribuo trees, trained by {@link #forest}. */
  boolean isForest() {
    return this == RANDOM_FOREST || this == EXTRA_TREES;
  }

  /**
   * The configured forest ({@link #isForest}): its trees trained in parallel, the same model as
   * {@link #trainer}'s.
   */
  ParallelForest forest(Map<String, Double> p, long seed) {
    if (!isForest()) {
      throw new IllegalStateException(key() + " is not a forest");
    }
    CARTClassificationTrainer tree =
        new CARTClassificationTrainer(
            i(p, "max_depth"),
            p.get("min_child_weight").floatValue(),
            0.0f,
            p.get("feature_fraction").floatValue(),
            this == EXTRA_TREES,
            new GiniIndex(),
            seed);
    FullyWeightedVotingCombiner combiner = new FullyWeightedVotingCombiner();
    int trees = i(p, "trees");
    long bagSeed = seed + 1;
    return this == RANDOM_FOREST
        ? new ParallelForest(
            new RandomForestTrainer<>(tree, combiner, trees, bagSeed),
            tree,
            combiner,
            trees,
            bagSeed,
            "random-forest-ensemble")
        : new ParallelForest(
            new ExtraTreesTrainer<>(tree, combiner, trees, bagSeed),
            tree,
            combiner,
            trees,
            bagSeed,
            "extra-trees-ensemble");
  }

  private static int i(Map<String, Double> p, String key) {
    return (int) Math.round(p.get(key));
  }
}
