package org.fairkd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.kd.pipeline.PreparedDistillation;
import org.fairkd.search.DistilledSearch;
import org.fairkd.search.SearchConfig;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.files.SearchOutputs;
import org.fairkd.search.measure.DisparityMetric;
import org.fairkd.search.select.SelectionRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd search}: the search for less discriminatory alternatives. Prepares the teacher,
 * soft targets and transfer set once, trains students with varied penalty, λ, temperature and
 * architecture, measures each at every threshold of the grid, and writes {@code OUT/search.json},
 * {@code OUT/candidates/<id>/student.json} and {@code OUT/selected/student.json}. Exit 0 on
 * success, 2 on bad input or error.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search distilled students for less discriminatory alternatives.",
      "Writes OUT/search.json, OUT/candidates/<id>/ and OUT/selected/.",
      "Exit codes: 0 success, 2 bad input or error."
    })
public final class SearchCommand implements Callable<Integer> {
  /** Most students one search may train. */
  static final int MAX_BUDGET = 1000;

  @Spec CommandSpec spec;

  @Mixin DatasetOptions dataset;

  @Option(names = "--config", description = "Distillation configuration (YAML).")
  Path config;

  @Mixin TeacherScoresOptions teacher;

  @Option(
      names = "--attribute",
      required = true,
      paramLabel = "ATTR",
      description = "Protected attribute penalised and measured.")
  String attribute;

  @Option(
      names = "--rule",
      defaultValue = "least_discriminatory",
      description =
          "Selection rule: least_discriminatory (lowest validation disparity within --tolerance"
              + " AUC and --accuracy-tolerance accuracy of the unconstrained student) or"
              + " most_accurate (highest validation accuracy meeting --target). Default:"
              + " ${DEFAULT-VALUE}.")
  String rule;

  @Option(
      names = "--disparity-metric",
      defaultValue = "demographic_parity_difference",
      description = "Disparity minimised: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
      completionCandidates = MetricNames.class)
  String metric;

  @Option(
      names = "--target",
      description =
          "Disparity target λ is bisected towards (default: 0.05 for a difference, 0.9 for"
              + " adverse_impact_ratio_min).")
  Double target;

  @Option(
      names = "--budget",
      defaultValue = "12",
      description = "Most students trained, 1 to " + MAX_BUDGET + " (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(
      names = "--tolerance",
      defaultValue = "0.005",
      description =
          "Largest validation AUC loss against the unconstrained student (default: 0.005).")
  double tolerance;

  @Option(
      names = "--accuracy-tolerance",
      defaultValue = "0.01",
      description = "Largest validation accuracy loss against it (default: 0.01).")
  double accuracyTolerance;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
  long seed;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--force", description = "Overwrite a non-empty --out directory.")
  boolean force;

  @Override
  public Integer call() {
    OptionRanges.between("--budget", budget, 1, MAX_BUDGET);
    OptionRanges.seed(seed);
    OptionRanges.openUnitInterval("--tolerance", tolerance);
    OptionRanges.openUnitInterval("--accuracy-tolerance", accuracyTolerance);
    DisparityMetric m = DisparityMetric.parseOrNull(metric);
    if (m == null) {
      throw new IllegalArgumentException(
          "--disparity-metric must be one of " + DisparityMetric.names() + ", got " + metric);
    }
    double t = target == null ? m.defaultTarget() : target;
    if (!m.validTarget(t)) {
      throw new IllegalArgumentException(
          "--target must be in "
              + (m == DisparityMetric.ADVERSE_IMPACT_RATIO_MIN ? "(0, 1]" : "[0, 1)")
              + " for "
              + m.jsonName()
              + ", got "
              + t);
    }
    SelectionRule r =
        switch (rule) {
          case "least_discriminatory" ->
              new SelectionRule.LeastDiscriminatory(tolerance, accuracyTolerance);
          case "most_accurate" -> new SelectionRule.MostAccurate(t);
          default ->
              throw new IllegalArgumentException(
                  "--rule must be least_discriminatory or most_accurate, got " + rule);
        };
    SearchConfig base = SearchConfig.defaults(m, budget, tolerance, seed);
    SearchConfig cfg =
        new SearchConfig(
            m,
            t,
            r,
            tolerance,
            accuracyTolerance,
            base.thresholds(),
            base.temperatureFactors(),
            base.architectures(),
            base.stopping(),
            seed,
            base.minSliceSize());
    DistillConfig dcfg =
        teacher.applyTo(config == null ? DistillConfig.defaults() : DistillConfig.read(config));
    TabularDataset data = dataset.load();
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
    org.fairkd.audit.OutputDir.prepare(out, force);
    Progress.step("preparing " + data.name() + ": split, teacher, soft targets, transfer set");
    PreparedDistillation prep = PreparedDistillation.prepare(data, dcfg, attribute, seed);
    SearchResult result =
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
                        sec)));
    SearchOutputs.publish(out, result);
    printSummary(spec.commandLine().getOut(), result, out);
    return ExitCodes.PASS;
  }

  static void printSummary(PrintWriter w, SearchResult r, Path out) {
    Candidate ref = find(r, r.reference());
    Candidate sel = r.selection().id() == null ? null : find(r, r.selection().id());
    DisparityMetric m = r.config().metric();
    w.printf(
        Locale.ROOT,
        "%d candidates from %d students; %s%n",
        r.stopping().candidatesEvaluated(),
        r.stopping().studentsTrained(),
        r.stopping().stoppedBecause());
    w.printf(
        Locale.ROOT,
        "reference %s: validation AUC %.4f, %s %.4f; test AUC %.4f, accuracy %.4f, %s %.4f%n",
        ref.id(),
        ref.validation().auc(),
        m.jsonName(),
        m.value(ref.validation()),
        ref.test().auc(),
        ref.test().accuracy(),
        m.jsonName(),
        m.value(ref.test()));
    if (sel == null) {
      w.println("selected: none (" + r.selection().reason() + ")");
    } else {
      w.printf(
          Locale.ROOT,
          "selected %s: validation AUC %.4f, %s %.4f; test AUC %.4f, accuracy %.4f, %s %.4f%n",
          sel.id(),
          sel.validation().auc(),
          m.jsonName(),
          m.value(sel.validation()),
          sel.test().auc(),
          sel.test().accuracy(),
          m.jsonName(),
          m.value(sel.test()));
    }
    w.printf(Locale.ROOT, "wrote %s (search.json, candidates/, selected/)%n", out);
    w.flush();
  }

  private static Candidate find(SearchResult r, String id) {
    return r.candidates().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  /** The metric names, for the help text. */
  static final class MetricNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(DisparityMetric.values())
          .map(DisparityMetric::jsonName)
          .iterator();
    }
  }
}
