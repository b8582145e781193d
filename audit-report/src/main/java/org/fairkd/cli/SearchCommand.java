package org.fairkd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.pipeline.DistillConfig;
import org.fairkd.search.SearchConfig;
import org.fairkd.search.SearchResult;
import org.fairkd.search.candidates.Candidate;
import org.fairkd.search.files.SearchOutputs;
import org.fairkd.search.measure.DisparityMetric;
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
  @Spec CommandSpec spec;

  @Mixin DatasetOptions dataset;

  @Mixin DistillInputOptions inputs;

  @Mixin SearchOptions search;

  @Option(
      names = "--policy",
      description =
          "Bundled policy name or policy file whose disparity target and AUC tolerance the search"
              + " takes where the options do not give them (see the search README).")
  String policy;

  @Override
  public Integer call() {
    if (search.attribute == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--attribute=ATTR'");
    }
    OptionRanges.seed(inputs.seed);
    SearchTargets targets =
        policy == null
            ? SearchTargets.none()
            : SearchTargets.of(
                PolicyInput.resolve(policy).policy(),
                policy,
                search.attribute,
                search.metric == null ? null : DisparityMetric.parseOrNull(search.metric));
    SearchConfig cfg = search.config(inputs.seed, targets);
    int workers = search.workers();
    DistillConfig dcfg = inputs.distillConfig();
    TabularDataset data = dataset.load();
    SearchRun.checkedAttribute(data, search.attribute);
    inputs.prepareOut();
    if (!targets.statement().isEmpty()) {
      Progress.step("from the policy: " + targets.statement());
    }
    SearchResult result = SearchRun.run(data, dcfg, search.attribute, cfg, workers).result();
    SearchOutputs.publish(inputs.out, result);
    printSummary(spec.commandLine().getOut(), result, inputs.out);
    return ExitCodes.PASS;
  }

  static void printSummary(PrintWriter w, SearchResult r, Path out) {
    Candidate ref = r.candidate(r.reference()).orElseThrow();
    Candidate sel =
        r.selection().id() == null ? null : r.candidate(r.selection().id()).orElseThrow();
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
}
