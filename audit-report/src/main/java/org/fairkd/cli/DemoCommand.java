package org.fairkd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fairkd.audit.RunInfo;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.synth.SyntheticLending;
import org.fairkd.kd.pipeline.DistillConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkd demo}: {@code run} on generated synthetic lending data (with its documented
 * injected bias against black and female applicants, none by age) and the {@code lending-standard}
 * policy. Needs no data files; uses a compact distillation configuration (bundled {@code
 * demo-config.yaml}) so it finishes in about a minute on two cores.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline on synthetic lending data with the lending-standard policy.",
      "Needs no data files. The synthetic data has a planted bias (race, sex) that the audit",
      "should find. Exit codes as for 'run'."
    })
public final class DemoCommand implements Callable<Integer> {
  static final String DEMO_CONFIG = "/org/fairkd/cli/demo-config.yaml";

  /** Fewest applicants: the test split must hold every race group for the audit to compare. */
  static final int MIN_ROWS = 500;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "fairkd-demo",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--rows",
      defaultValue = "20000",
      description = "Synthetic applicants to generate, at least 500 (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
  long seed;

  @Option(
      names = "--policy",
      defaultValue = "lending-standard",
      description = "Policy (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(
      names = "--config",
      description = "Distillation configuration (default: the bundled demo configuration).")
  Path config;

  @Mixin TeacherScoresOptions teacher;

  @Mixin AuditOptions options;

  @Override
  public Integer call() throws Exception {
    OptionRanges.atLeast("--rows", rows, MIN_ROWS);
    var settings = options.settings(seed);
    PolicyInput p = PolicyInput.resolve(policy);
    DistillConfig cfg =
        teacher.applyTo(config == null ? bundledConfig() : DistillConfig.read(config));
    options.prepareOut(out);
    TabularDataset data = SyntheticLending.generate(rows, seed, SyntheticLending.Config.defaults());
    List<RunInfo.Input> inputs = new ArrayList<>();
    if (config != null) {
      inputs.add(new RunInfo.Input("config", config));
    }
    return DistilledAudit.run(
        new DistilledAudit.Request(data, cfg, p, seed, settings, out, inputs), options, spec);
  }

  static DistillConfig bundledConfig() throws Exception {
    try (InputStream in = DemoCommand.class.getResourceAsStream(DEMO_CONFIG)) {
      JsonNode node = new YAMLMapper().readTree(in);
      return DistillConfig.fromNode(node, "demo-config.yaml (bundled)");
    }
  }
}
