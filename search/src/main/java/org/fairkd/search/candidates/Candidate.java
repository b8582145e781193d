package org.fairkd.search.candidates;

import org.fairkd.search.measure.Measurement;

/**
 * One measured candidate: a trained student at one threshold.
 *
 * @param id e.g. {@code s03-t0.45}: student 3 at threshold 0.45
 * @param student the index of the trained student (0 = the unconstrained reference)
 * @param params its settings and threshold
 * @param validation measured on the validation split (used for choosing)
 * @param test measured on the test split (reported, never used to choose)
 * @param onFrontier whether it is on the validation Pareto frontier
 * @param seconds the training time of its student
 * @param rejected why the collapse guard rejected it ({@link CollapseCheck}), or null when it may
 *     be chosen; a rejected candidate is never on the frontier and never selected
 */
public record Candidate(
    String id,
    int student,
    CandidateParams params,
    Measurement validation,
    Measurement test,
    boolean onFrontier,
    double seconds,
    String rejected) {

  /** The id of student {@code student} at {@code threshold}. */
  public static String id(int student, double threshold) {
    return String.format(java.util.Locale.ROOT, "s%02d-t%.2f", student, threshold);
  }

  /** Whether the collapse guard let it through. */
  public boolean admissible() {
    return rejected == null;
  }

  /** A copy with the frontier flag. */
  public Candidate withFrontier(boolean on) {
    return new Candidate(id, student, params, validation, test, on, seconds, rejected);
  }
}
