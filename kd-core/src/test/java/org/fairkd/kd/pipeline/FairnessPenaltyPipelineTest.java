package org.fairkd.kd.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.fairkd.base.scores.ScoreStats;
import org.fairkd.datasets.ProtectedAttribute;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.synth.SyntheticLending;
import org.fairkd.kd.bench.ScoringBench;
import org.junit.jupiter.api.Test;

/**
 * The pinned test: on small synthetic lending data with injected bias, the
 * demographic-parity penalty (lambda > 0) cuts the student's demographic parity difference by at
 * least half relative to lambda = 0, at an AUC cost of at most 0.02. DP difference and AUC are
 * recomputed here from the returned test scores. A large test split (40% of 6000 rows) keeps the
 * smallest race groups (3%, 6%) from dominating the max − min difference by noise.
 */
class FairnessPenaltyPipelineTest {
  static final String CONFIG =
      """
      teacher: {members: [{type: logistic}], soft_targets: in_sample}
      student: {architecture: "16", transfer: "off", epochs: 30, penalty: demographic_parity,
                penalty_attribute: race, lambda: %s}
      split: {validation: 0.2, test: 0.4}
      """;

  @Test
  void penaltyHalvesDemographicParityAtSmallAucCost() throws Exception {
    TabularDataset d = SyntheticLending.generate(6000, 5, SyntheticLending.Config.defaults());
    DistillationResult plain = run(d, 0);
    // lambda 3, not 5: at 5 the penalised student sometimes collapsed to a near-constant score
    // (AUC 0.51 in about one run in three of the module's suite; the collapse is not bit-for-bit
    // reproducible). At 3 it cut DP 0.31 -> 0.12 at an AUC cost of 0.002, identically every run.
    DistillationResult fair = run(d, 3);
    ProtectedAttribute race = d.protectedAttribute("race").orElseThrow();
    double dpPlain = dp(plain.studentScore(), plain.testRows(), race);
    double dpFair = dp(fair.studentScore(), fair.testRows(), race);
    double aucPlain = ScoreStats.auc(plain.studentScore(), plain.testLabels());
    double aucFair = ScoreStats.auc(fair.studentScore(), fair.testLabels());
    assertTrue(dpPlain > 0.1, "the biased student must show a DP gap first: " + dpPlain);
    assertTrue(dpFair <= 0.5 * dpPlain, "DP " + dpPlain + " -> " + dpFair);
    assertTrue(aucPlain - aucFair <= 0.02, "AUC " + aucPlain + " -> " + aucFair);
    assertTrue(
        Math.abs(fair.summary().fairness().student() - dpFair) < 1e-12,
        "distill.json reports the same DP difference");
  }

  static DistillationResult run(TabularDataset d, double lambda) throws Exception {
    JsonNode node = new YAMLMapper().readTree(CONFIG.formatted(lambda));
    DistillConfig cfg = DistillConfig.fromNode(node, "test.yaml");
    return Distiller.run(d, cfg, 3, 1, null, ScoringBench.quick());
  }

  /** max − min over race groups of the selection rate at 0.5. */
  static double dp(double[] s, int[] rows, ProtectedAttribute a) {
    int g = a.groups().size();
    double[] sel = new double[g];
    double[] n = new double[g];
    for (int i = 0; i < s.length; i++) {
      int k = a.hardGroup(rows[i]);
      n[k]++;
      sel[k] += s[i] >= 0.5 ? 1 : 0;
    }
    double max = 0;
    double min = 1;
    for (int k = 0; k < g; k++) {
      max = Math.max(max, sel[k] / n[k]);
      min = Math.min(min, sel[k] / n[k]);
    }
    return max - min;
  }
}
