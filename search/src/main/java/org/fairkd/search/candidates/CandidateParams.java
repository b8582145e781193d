package org.fairkd.search.candidates;

import org.fairkd.kd.pipeline.CandidateSettings;

/**
 * What defines one candidate: the student's training settings and the one global decision threshold
 * its decisions are taken at (no group-specific thresholds, no randomisation).
 *
 * @param training the student's settings (penalty, lambda, temperature, architecture, seed)
 * @param threshold the decision threshold: favourable when {@code score >= threshold}
 */
public record CandidateParams(CandidateSettings training, double threshold) {

  /** The penalty's name as written in search.json: {@code none} when lambda is 0. */
  public String penaltyName() {
    return training.lambda() > 0 ? training.penalty().configName() : "none";
  }
}
