package org.fairkd.search;

import org.fairkd.datasets.TabularDataset;
import org.fairkd.fairness.ProtectedAttribute;
import org.fairkd.kd.pipeline.CandidateSettings;
import org.fairkd.kd.pipeline.PreparedDistillation;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.workers.StudentWorkers;
import org.fairkd.search.candidates.CandidatePlanner;
import org.fairkd.search.measure.CandidateMeasurer;

/**
 * The search on a real distillation: the teacher, soft targets, transfer set and splits prepared
 * once by kd-core ({@link PreparedDistillation}), every candidate trained from them, measured here
 * through the fairness module on the validation and test rows.
 */
public final class DistilledSearch {
  private DistilledSearch() {}

  /**
   * Searches on {@code prep}, penalising and measuring {@code attribute}, with {@code workers}
   * training worker processes beside this one (0: one student at a time here). The result does not
   * depend on {@code workers}; the time does.
   */
  public static SearchResult run(
      PreparedDistillation prep,
      String attribute,
      SearchConfig cfg,
      LdaSearch.Listener listener,
      int workers) {
    try (StudentWorkers pool = workers(prep, cfg, workers)) {
      return run(prep, attribute, cfg, listener, round -> prep.train(round, pool));
    }
  }

  /**
   * The training workers a search on {@code prep} can use, of the {@code requested}: a round has at
   * most {@link CandidatePlanner#ROUND} students (and the budget may be smaller), one of them
   * trained in this process, so more workers would sit idle and are not started.
   */
  public static StudentWorkers workers(PreparedDistillation prep, SearchConfig cfg, int requested) {
    int students = Math.min(CandidatePlanner.ROUND, cfg.stopping().budget());
    return prep.workers(Math.min(requested, students - 1));
  }

  /**
   * As {@link #run(PreparedDistillation, String, SearchConfig, LdaSearch.Listener, int)}, training
   * through {@code source} (which must train from {@code prep}; e.g. {@code prep::train} wrapped to
   * keep each student's scores).
   */
  public static SearchResult run(
      PreparedDistillation prep,
      String attribute,
      SearchConfig cfg,
      LdaSearch.Listener listener,
      LdaSearch.StudentSource source) {
    TabularDataset data = prep.data();
    CandidateSettings reference =
        new CandidateSettings(
            PenaltyKind.DEMOGRAPHIC_PARITY,
            0,
            prep.settings().temperature(),
            prep.defaultArchitecture(),
            cfg.seed());
    CandidateMeasurer val =
        new CandidateMeasurer(
            prep.validationLabels(),
            attribute(data, attribute, prep.validationRows()),
            cfg.minSliceSize());
    CandidateMeasurer test =
        new CandidateMeasurer(
            prep.testLabels(), attribute(data, attribute, prep.testRows()), cfg.minSliceSize());
    return LdaSearch.run(attribute, reference, val, test, source, cfg, listener);
  }

  /** The dataset's attribute {@code name} on {@code rows}, in the fairness module's form. */
  static ProtectedAttribute attribute(TabularDataset data, String name, int[] rows) {
    org.fairkd.datasets.ProtectedAttribute a =
        data.protectedAttribute(name)
            .orElseThrow(() -> new SearchException("no protected attribute '" + name + "'"));
    if (a.soft()) {
      double[][] p = new double[a.groups().size()][rows.length];
      for (int g = 0; g < p.length; g++) {
        for (int i = 0; i < rows.length; i++) {
          p[g][i] = a.membership(rows[i], g);
        }
      }
      return ProtectedAttribute.soft(a.name(), a.groups(), a.reference(), p);
    }
    int[] codes = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      codes[i] = a.hardGroup(rows[i]);
    }
    return ProtectedAttribute.hard(a.name(), a.groups(), a.reference(), codes);
  }
}
