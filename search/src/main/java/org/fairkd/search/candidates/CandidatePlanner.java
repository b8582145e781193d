package org.fairkd.search.candidates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fairkd.kd.pipeline.CandidateSettings;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;

/**
 * Decides which students to train, in rounds of {@link #ROUND} proposed together (so that a round
 * can be trained at once, and the search is the same however many processes train it),
 * deterministically from what the search has seen before the round:
 *
 * <ol>
 *   <li>round 0: the unconstrained reference (λ = 0, default temperature and architecture) and the
 *       first λ of the primary penalty (equalized odds for an equalized-odds target, demographic
 *       parity otherwise);
 *   <li>rounds 1–2: the next λ of the primary penalty, bisected on a log scale towards the target
 *       ({@link LambdaBracket}), and of the other penalty;
 *   <li>rounds 3 on: a variant around the best student so far (the selected one's settings, or the
 *       primary bracket's strongest λ when the reference is selected) — each temperature factor,
 *       each other architecture, then other seeds — and the next λ of the primary penalty.
 * </ol>
 *
 * The primary penalty gets 4 bisection steps in the first 4 rounds, the other penalty 2; a round
 * never holds two steps of the same bisection. Variants are needed because neither accuracy nor
 * disparity is monotone in λ (the penalty acts on mean scores, the disparity on decisions).
 */
public final class CandidatePlanner {
  /** Students proposed together. */
  public static final int ROUND = 2;

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
   * The settings of round {@code round}'s first {@code size} (1 or 2) students; {@code best} are
   * the best student's settings after the previous rounds (used for variants).
   */
  public List<CandidateSettings> round(int round, int size, CandidateSettings best) {
    if (size < 1 || size > ROUND) {
      throw new IllegalArgumentException("a round has 1 to " + ROUND + " students, not " + size);
    }
    List<CandidateSettings> out = new ArrayList<>();
    if (round == 0) {
      out.add(reference);
      out.add(bisect(primary));
    } else if (round <= 2) {
      out.add(bisect(primary));
      out.add(bisect(secondary()));
    } else {
      out.add(variant(best));
      out.add(bisect(primary));
    }
    return List.copyOf(out.subList(0, size));
  }

  private CandidateSettings variant(CandidateSettings best) {
    CandidateSettings around = best.lambda() > 0 ? best : strongest(primary);
    int k = variant++;
    int nT = temperatureFactors.size();
    int nA = architectures.size();
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
