package org.fairkd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fairkd.audit.RunInfo;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.kd.pipeline.DistillConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd run}: distil a teacher ensemble into a student, audit both on the test split,
 * evaluate the policy and write audit.json, report.html, junit.xml and reasons.csv (the
 * adverse-action reasons of the student's declines), plus the distillation's outputs under {@code
 * OUT/distill/}; with {@code --search}, the search's under {@code OUT/search/} and the selected
 * candidate audited, see {@link SearchedAudit}. Exit 0 gate passed, 1 gate failed, 2 error.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Distil, audit and report in one step.",
      "Writes OUT/audit.json, OUT/report.html, OUT/junit.xml, OUT/reasons.csv and OUT/distill/.",
      "Exit codes: 0 every fail-severity rule passed, 1 the gate failed, 2 bad input or error."
    })
public final class RunCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin DatasetOptions data;

  @Option(
      names = "--policy",
      required = true,
      description = "Bundled policy name (e.g. lending-standard) or policy file.")
  String policy;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--config", description = "Distillation configuration (YAML).")
  Path config;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
  long seed;

  @Mixin TeacherScoresOptions teacher;

  @Mixin AuditOptions options;

  @Option(
      names = "--search",
      description =
          "Search for less discriminatory alternatives first (OUT/search/: search.json,"
              + " candidates/, selected/) and audit the selected candidate's student against the"
              + " teacher, at its threshold; --attribute defaults to the dataset's first protected"
              + " attribute.")
  boolean search;

  @Mixin SearchOptions searchOptions;

  @Override
  public Integer call() throws Exception {
    if (!search && searchOptions.anyGiven()) {
      throw new IllegalArgumentException(
          "--attribute, --rule, --disparity-metric, --target, --budget, --tolerance and"
              + " --accuracy-tolerance need --search");
    }
    var settings = options.settings(seed);
    PolicyInput p = PolicyInput.resolve(policy);
    DistillConfig cfg =
        teacher.applyTo(config == null ? DistillConfig.defaults() : DistillConfig.read(config));
    TabularDataset dataset = data.load();
    options.proxy.resolve(dataset);
    options.prepareOut(out);
    List<RunInfo.Input> inputs = new ArrayList<>();
    if (data.specFile() != null) {
      inputs.add(new RunInfo.Input("spec", data.specFile()));
    }
    if (config != null) {
      inputs.add(new RunInfo.Input("config", config));
    }
    DistilledAudit.Request request =
        new DistilledAudit.Request(dataset, cfg, p, seed, settings, out, inputs);
    if (search) {
      return SearchedAudit.run(request, searchOptions, options, spec);
    }
    return DistilledAudit.run(request, options, spec);
  }
}
