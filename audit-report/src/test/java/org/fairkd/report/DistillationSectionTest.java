package org.fairkd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's account of how the student was built, its spread over seeds and the notes. */
class DistillationSectionTest {
  static final String DISTILL =
      """
      {"config": {"student": {"temperature": 2.0, "alpha": 0.9, "lambda": 3.0,
                              "penalty": "demographic_parity", "transfer_multiplier": 8.0}},
       "test": {"student": {"auc": 0.92, "best_epoch": 59, "epochs_run": 70}},
       "selection": {"architecture": "64x64",
                     "candidates": [{"architecture": "16"}, {"architecture": "64x64"}],
                     "transfer": "auto", "transfer_used": true,
                     "validation_objective_without_transfer": 0.31234,
                     "validation_objective_with_transfer": 0.29871,
                     "objective": "validation loss incl. penalty",
                     "early_stopping": "validation loss (KD term against the teacher plus the penalty)",
                     "student_restarts": 1},
       "repeats_summary": {"n": 3,
          "student_auc": {"mean": 0.91937, "sd": 0.00086, "min": 0.91870, "max": 0.92035},
          "baseline_auc": {"mean": 0.9095, "sd": 0.0007, "min": 0.9087, "max": 0.9100},
          "fidelity": {"mean": 0.9814, "sd": 0.0019, "min": 0.9797, "max": 0.9834},
          "gap_recovered": {"mean": 0.559, "sd": 0.028, "min": 0.541, "max": 0.591}},
       "notes": ["the penalised student collapsed to a near-constant score with seed 3; kept restart 1"]}
      """;

  @Test
  void developmentChoicesRepeatsAndNotesAreSpelledOut() throws Exception {
    JsonNode d = new ObjectMapper().readTree(DISTILL);
    DistillationSection s = DistillationSection.build(d, new ObjectMapper().createObjectNode());
    assertEquals(
        List.of(
            "Student architecture 64x64 (searched among 2 candidates on the validation split:"
                + " lowest validation objective, the smallest net within the tie tolerance).",
            "Loss: temperature T = 2, alpha = 0.9, fairness penalty lambda = 3"
                + " (demographic_parity).",
            "MUNGE transfer set: auto, used (8× rows); validation loss incl. penalty without"
                + " 0.3123, with 0.2987.",
            "Early stopping on the validation loss (KD term against the teacher plus the penalty);"
                + " kept epoch 59 of 70.",
            "The penalised student collapsed and was retrained 1 time(s) with other seeds (see the"
                + " notes)."),
        s.development());
    assertEquals("student auc over 3 seeds: 0.9194 ± 0.0009 [0.9187, 0.9204]", s.repeats().get(0));
    assertEquals(4, s.repeats().size());
    assertEquals(List.of(d.get("notes").get(0).asText()), s.notes());
  }

  @Test
  void oneSeedHasNoSpreadAndAConfiguredArchitectureSaysSo() throws Exception {
    DistillationSection s =
        section(
            DISTILL
                .replace("\"n\": 3", "\"n\": 1")
                .replace(
                    "\"candidates\": [{\"architecture\": \"16\"}, {\"architecture\": \"64x64\"}]",
                    "\"candidates\": []"));
    assertTrue(s.repeats().isEmpty());
    assertTrue(s.development().get(0).endsWith("64x64 (configured)."), s.development().get(0));
  }

  @Test
  void anAucTransferCriterionIsShownAsAPositiveAuc() throws Exception {
    String line =
        section(
                DISTILL
                    .replace("0.31234", "-0.91263")
                    .replace("0.29871", "-0.91953")
                    .replace("\"validation loss incl. penalty\"", "\"-validation AUC\""))
            .development()
            .get(2);
    assertTrue(line.endsWith("; validation AUC without 0.9126, with 0.9195."), line);
  }

  static DistillationSection section(String distillJson) throws Exception {
    ObjectMapper m = new ObjectMapper();
    return DistillationSection.build(m.readTree(distillJson), m.createObjectNode());
  }
}
