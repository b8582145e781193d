package org.fairkd.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fairkd.kd.pipeline.CandidateSettings;
import org.fairkd.kd.pipeline.CandidateStudent;
import org.fairkd.kd.portable.PortableStudent;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.candidates.CandidateParams;
import org.fairkd.search.candidates.CandidatePlanner;
import org.fairkd.search.candidates.CollapseCheck;
import org.fairkd.search.frontier.ParetoFrontier;
import org.fairkd.search.measure.CandidateMeasurer;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.measure.Measurement;
import org.fairkd.search.select.Selection;
import org.fairkd.search.select.SelectionRule;
import org.fairkd.search.stop.Stopping;

/**
 * The search for less discriminatory alternatives: trains students in rounds ({@link
 * CandidatePlanner}), measures each at every threshold of the grid on validation and test ({@link
 * CandidateMeasurer}), keeps the validation Pareto frontier, and stops by the {@link
 * org.fairkd.search.stop.StoppingRule}; then chooses by the {@link
 * org.fairkd.search.select.SelectionRule}. Test measurements are recorded and never read by the
 * planner, the frontier, the stopping rule or the selection.
 */
public final class LdaSearch {
  private LdaSearch() {}

  /**
   * Trains a round of students (kd-core's {@code PreparedDistillation::train}, at once where it has
   * worker processes).
   */
  public interface StudentSource {
    /** The trained students' validation and test scores and portable forms, in the given order. */
    List<CandidateStudent> train(List<CandidateSettings> round);

    /** A source that trains one student at a time with {@code one}. */
    static StudentSource oneAtATime(Function<CandidateSettings, CandidateStudent> one) {
      return round -> round.stream().map(one).toList();
    }
  }

  /** Progress after each trained student. */
  public interface Listener {
    /** Student {@code index} of at most {@code budget} was trained and measured. */
    void onStudent(int index, int budget, CandidateSettings settings, double seconds);
  }

  /**
   * Runs the search.
   *
   * @param attribute the protected attribute's name
   * @param reference the unconstrained student's settings (λ 0)
   * @param validation measures on the validation split
   * @param test measures on the test split
   */
  public static SearchResult run(
      String attribute,
      CandidateSettings reference,
      CandidateMeasurer validation,
      CandidateMeasurer test,
      StudentSource source,
      SearchConfig cfg,
      Listener listener) {
    DisparityMetric metric = cfg.metric();
    PenaltyKind primary =
        metric == DisparityMetric.EQUALIZED_ODDS_DIFFERENCE
            ? PenaltyKind.EQUALIZED_ODDS
            : PenaltyKind.DEMOGRAPHIC_PARITY;
    CandidatePlanner planner =
        new CandidatePlanner(reference, primary, cfg.temperatureFactors(), cfg.architectures());
    List<Candidate> all = new ArrayList<>();
    List<PortableStudent> students = new ArrayList<>();
    List<Double> hypervolumes = new ArrayList<>();
    Candidate ref = null;
    CandidateSettings best = reference;
    String stopped = null;
    int budget = cfg.stopping().budget();
    int index = 0;
    for (int round = 0; stopped == null; round++) {
      int size = Math.min(CandidatePlanner.ROUND, budget - index);
      List<CandidateSettings> settings = planner.round(round, size, best);
      List<CandidateStudent> trained = source.train(settings);
      for (int k = 0; k < settings.size(); k++, index++) {
        CandidateSettings s = settings.get(k);
        List<Candidate> mine = candidates(index, s, trained.get(k), validation, test, cfg);
        all.addAll(mine);
        students.add(trained.get(k).student());
        if (index == 0) {
          ref = mine.get(cfg.thresholds().indexOf(0.5));
        }
        planner.observe(s, strongEnough(mine, ref, metric, cfg));
        hypervolumes.add(ParetoFrontier.hypervolume(all, metric));
        if (listener != null) {
          listener.onStudent(index, budget, s, trained.get(k).seconds());
        }
      }
      best = settingsOf(all, cfg.rule().select(all, ref, metric), reference);
      stopped = cfg.stopping().stopReason(hypervolumes);
    }
    List<Candidate> marked = ParetoFrontier.mark(all, metric);
    Selection selection = cfg.rule().select(marked, ref, metric);
    Stopping stopping =
        new Stopping(cfg.stopping().statement(), marked.size(), students.size(), stopped);
    return new SearchResult(attribute, cfg, ref.id(), marked, selection, stopping, students, null);
  }

  /** Student {@code index}'s candidates, one per threshold of the grid. */
  private static List<Candidate> candidates(
      int index,
      CandidateSettings s,
      CandidateStudent trained,
      CandidateMeasurer validation,
      CandidateMeasurer test,
      SearchConfig cfg) {
    double sd = CollapseCheck.scoreSd(trained.validationScores());
    List<Candidate> mine = new ArrayList<>();
    for (double t : cfg.thresholds()) {
      Measurement v = validation.measure(trained.validationScores(), t);
      mine.add(
          new Candidate(
              Candidate.id(index, t),
              index,
              new CandidateParams(s, t),
              v,
              test.measure(trained.testScores(), t),
              false,
              trained.seconds(),
              CollapseCheck.rejection(sd, v)));
    }
    return mine;
  }

  /**
   * Whether a student counts as strong enough for its λ bisection: it lost more than the tolerance
   * of the reference's validation AUC, the collapse guard rejected every threshold, or one
   * admissible threshold meets the target (under {@code least_discriminatory}, with validation
   * accuracy within the accuracy tolerance of the reference's).
   */
  private static boolean strongEnough(
      List<Candidate> mine, Candidate ref, DisparityMetric metric, SearchConfig cfg) {
    boolean tooStrong =
        mine.get(0).validation().auc() < ref.validation().auc() - cfg.tolerance()
            || mine.stream().noneMatch(Candidate::admissible);
    boolean targetIsTheBar = cfg.rule() instanceof SelectionRule.MostAccurate;
    boolean meets =
        mine.stream()
            .anyMatch(
                c ->
                    c.admissible()
                        && metric.meets(c.validation(), cfg.target())
                        && (targetIsTheBar
                            || c.validation().accuracy()
                                >= ref.validation().accuracy() - cfg.accuracyTolerance()));
    return tooStrong || meets;
  }

  private static CandidateSettings settingsOf(
      List<Candidate> all, Selection sel, CandidateSettings fallback) {
    if (sel.id() == null) {
      return fallback;
    }
    return all.stream()
        .filter(c -> c.id().equals(sel.id()))
        .findFirst()
        .map(c -> c.params().training())
        .orElse(fallback);
  }
}
