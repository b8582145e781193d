package org.fairkd.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.pipeline.CandidateStudent;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.PreparedDistillation;
import org.fairkd.kd.workers.StudentWorkers;
import org.fairkd.search.DistilledSearch;
import org.fairkd.search.SearchConfig;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;

/**
 * The search as {@code search} and {@code run --search} run it: prepares the teacher, soft targets
 * and transfer set once, then trains and measures the candidates with progress on a terminal,
 * keeping each student's test scores (so that {@code run} can audit the selected one).
 *
 * @param result what the search found
 * @param prepared the preparation every candidate was trained from
 * @param students every trained student, by index
 */
record SearchRun(
    SearchResult result, PreparedDistillation prepared, List<CandidateStudent> students) {

  /**
   * Runs the search on {@code data} for {@code attribute}, with {@code workers} training worker
   * processes.
   */
  static SearchRun run(
      TabularDataset data, DistillConfig dcfg, String attribute, SearchConfig cfg, int workers) {
    long started = System.nanoTime();
    Progress.step("preparing " + data.name() + ": split, teacher, soft targets, transfer set");
    PreparedDistillation prep = PreparedDistillation.prepare(data, dcfg, attribute, cfg.seed());
    Progress.step(
        String.format(Locale.ROOT, "prepared in %.1fs", (System.nanoTime() - started) / 1e9));
    List<CandidateStudent> trained = new ArrayList<>();
    SearchResult result;
    try (StudentWorkers pool = DistilledSearch.workers(prep, cfg, workers)) {
      if (pool.count() > 0) {
        Progress.step(
            "training "
                + (pool.count() + 1)
                + " students at a time ("
                + pool.count()
                + (pool.count() == 1 ? " worker process" : " worker processes")
                + ")");
      }
      result =
          DistilledSearch.run(
              prep,
              attribute,
              cfg,
              (i, of, s, sec) ->
                  Progress.step(
                      String.format(
                          Locale.ROOT,
                          "student %d of at most %d: %s lambda %s, T %s, %s, seed %d (%.1fs)",
                          i + 1,
                          of,
                          s.lambda() > 0 ? s.penalty().configName() : "unconstrained",
                          s.lambda(),
                          s.temperature(),
                          s.architecture(),
                          s.seed(),
                          sec)),
              round -> {
                List<CandidateStudent> c = prep.train(round, pool);
                trained.addAll(c);
                return c;
              });
    }
    return new SearchRun(result, prep, List.copyOf(trained));
  }

  /** The selected candidate, or null when the rule selected none. */
  Candidate selected() {
    String id = result.selection().id();
    return id == null ? null : result.candidate(id).orElseThrow();
  }

  /** The test scores of {@code c}'s student, in the order of the prepared test rows. */
  double[] testScores(Candidate c) {
    return students.get(c.student()).testScores();
  }

  /** The attribute name, checked against the dataset: a one-line error naming the option. */
  static String checkedAttribute(TabularDataset data, String attribute) {
    if (data.protectedAttribute(attribute).isEmpty()) {
      throw new IllegalArgumentException(
          "--attribute: dataset "
              + data.name()
              + " has no protected attribute '"
              + attribute
              + "' (it has: "
              + String.join(
                  ", ",
                  data.protectedAttributes().stream()
                      .map(org.fairkd.datasets.ProtectedAttribute::name)
                      .toList())
              + ")");
    }
    return attribute;
  }
}
