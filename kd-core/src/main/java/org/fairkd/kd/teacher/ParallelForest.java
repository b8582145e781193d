package org.fairkd.kd.teacher;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.DecisionTreeTrainer;
import org.tribuo.dataset.DatasetView;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.provenance.EnsembleModelProvenance;

/**
 * A random forest or extra-trees member trained with its trees in parallel on {@link
 * ParallelTasks}' threads. The model equals, tree for tree, the one Tribuo's single-threaded {@link
 * BaggingTrainer#train} makes from a fresh {@code forest} trainer: the bootstrap seeds are drawn in
 * the same order from the same generator ({@code new SplittableRandom(bagSeed).split()}, one {@code
 * nextInt} per tree), and tree i is trained by {@code tree} with invocation count i (Tribuo resets
 * the tree trainer's generator to its i-th split), so the result does not depend on the thread
 * count or on which tree finishes first. Tribuo's trees are single-threaded; at 650,000 training
 * rows the forest was the slowest step of {@code distill}.
 *
 * @param forest the Tribuo trainer this forest stands for (its provenance is the model's)
 * @param tree the trainer of every tree (Tribuo's tree trainers are safe to share between threads)
 * @param combiner how the trees' outputs are combined
 * @param trees the number of trees
 * @param bagSeed the forest trainer's seed
 * @param name the ensemble's name, as Tribuo's trainer gives it
 */
record ParallelForest(
    BaggingTrainer<Label> forest,
    DecisionTreeTrainer<Label> tree,
    EnsembleCombiner<Label> combiner,
    int trees,
    long bagSeed,
    String name) {

  /** Trains the forest on {@code data}. */
  Model<Label> train(Dataset<Label> data) {
    ImmutableFeatureMap features = data.getFeatureIDMap();
    ImmutableOutputInfo<Label> labels = data.getOutputIDInfo();
    SplittableRandom bags = new SplittableRandom(bagSeed).split();
    var provenance = forest.getProvenance();
    Map<String, Provenance> run = Map.of();
    List<Callable<Model<Label>>> tasks = new ArrayList<>();
    for (int i = 0; i < trees; i++) {
      int invocation = i;
      long bagSeedOfTree = bags.nextInt();
      tasks.add(
          () ->
              tree.train(
                  DatasetView.createBootstrapView(
                      data, data.size(), bagSeedOfTree, features, labels),
                  run,
                  invocation));
    }
    List<Model<Label>> models = ParallelTasks.run(tasks);
    EnsembleModelProvenance p =
        new EnsembleModelProvenance(
            WeightedEnsembleModel.class.getName(),
            OffsetDateTime.now(),
            (DatasetProvenance) data.getProvenance(),
            provenance,
            run,
            ListProvenance.createListProvenance(models));
    return new WeightedEnsembleModel<>(name, p, features, labels, models, combiner);
  }
}
