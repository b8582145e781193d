package org.fairkd.search.candidates;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fairkd.kd.pipeline.CandidateSettings;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;

/**
 * Decides the next student to train from what the search has seen, deterministically:
 *
 * <ol>
 *   <li>student 0: the unconstrained reference (λ = 0, default temperature and architecture);
 *   <li>students 1–4: λ of the primary penalty (equalized odds for an equalized-odds target,
 *       demographic parity otherwise) bisected on a log scale towards the target ({@link
 *       LambdaBracket});
 *   <li>students 5–6: the same for the other penalty;
 *   <li>then, around the best student so far (the selected one's settings, or the primary bracket's
 *       strongest λ when the reference is selected): each temperature factor, each other
 *       architecture, then other seeds, alternating with further bisection steps.
 * </ol>
 *
 * Variants are needed because neither accuracy nor disparity is monotone in λ (the penalty acts on
 * mean scores, the disparity on decisions).
 */
public final class CandidatePlanner {
  static final int PRIMARY_STEPS = 4;
  static final int SECONDARY_STEPS = 2;

  private final CandidateSettings reference;
  private final PenaltyKind primary;
  private final List<Double> temperatureFactors;
  private final List<StudentArchitecture> architectures;
  private final Map<PenaltyKind, LambdaBracket> brackets = new EnumMap<>(PenaltyKind.class);
  private int variant;

  /**
   * A planner around {@code reference} (λ 0), bisecting {@code primary} first.
   *
   * @param temperatureFactors factors of the reference temperature tried as variants
   * @param architectures architectures tried as variants (the reference's is skipped)
   */
  public CandidatePlanner(
      CandidateSettings reference,
      PenaltyKind primary,
      List<Double> temperatureFactors,
      List<StudentArchitecture> architectures) {
    this.reference = reference;
    this.primary = primary;
    this.temperatureFactors = List.copyOf(temperatureFactors);
    this.architectures =
        architectures.stream().filter(a -> !a.equals(reference.architecture())).toList();
    for (PenaltyKind k : PenaltyKind.values()) {
      brackets.put(k, LambdaBracket.empty());
    }
  }

  /** The other penalty. */
  PenaltyKind secondary() {
    return primary == PenaltyKind.DEMOGRAPHIC_PARITY
        ? PenaltyKind.EQUALIZED_ODDS
        : PenaltyKind.DEMOGRAPHIC_PARITY;
  }

  /**
   * The settings of student {@code index}; {@code best} are the best student's settings so far
   * (used once the bisections are done).
   */
  public CandidateSettings next(int index, CandidateSettings best) {
    if (index == 0) {
      return reference;
    }
    if (index <= PRIMARY_STEPS) {
      return bisect(primary);
    }
    if (index <= PRIMARY_STEPS + SECONDARY_STEPS) {
      return bisect(secondary());
    }
    CandidateSettings around = best.lambda() > 0 ? best : strongest(primary);
    int v = variant++;
    int nT = temperatureFactors.size();
    int nA = architectures.size();
    if (v % 2 == 1) {
      return bisect(primary);
    }
    int k = v / 2;
    if (k < nT) {
      return with(around, around.lambda(), reference.temperature() * temperatureFactors.get(k));
    }
    if (k < nT + nA) {
      return new CandidateSettings(
          around.penalty(),
          around.lambda(),
          around.temperature(),
          architectures.get(k - nT),
          around.seed());
    }
    long seed = reference.seed() + (k - nT - nA + 1);
    return new CandidateSettings(
        around.penalty(), around.lambda(), around.temperature(), around.architecture(), seed);
  }

  /** Records whether the student trained with {@code s} was strong enough (met the target). */
  public void observe(CandidateSettings s, boolean strongEnough) {
    if (s.lambda() > 0
        && s.temperature() == reference.temperature()
        && s.architecture().equals(reference.architecture())
        && s.seed() == reference.seed()) {
      brackets.put(s.penalty(), brackets.get(s.penalty()).after(s.lambda(), strongEnough));
    }
  }

  private CandidateSettings bisect(PenaltyKind k) {
    return new CandidateSettings(
        k,
        brackets.get(k).next(),
        reference.temperature(),
        reference.architecture(),
        reference.seed());
  }

  private CandidateSettings strongest(PenaltyKind k) {
    LambdaBracket b = brackets.get(k);
    double lambda = !Double.isNaN(b.strong()) ? b.strong() : b.next();
    return new CandidateSettings(
        k, lambda, reference.temperature(), reference.architecture(), reference.seed());
  }

  private static CandidateSettings with(CandidateSettings s, double lambda, double temperature) {
    return new CandidateSettings(s.penalty(), lambda, temperature, s.architecture(), s.seed());
  }
}
