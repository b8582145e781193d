package org.fairkd.cli;

import java.nio.file.Path;
import java.util.List;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.fairness.Correction;
import org.fairkd.report.regulatory.Framework;
import org.fairkd.report.regulatory.FrameworkRef;
import org.fairkd.report.regulatory.Frameworks;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code run}, {@code audit} and {@code demo}: statistics and the gate. */
public final class AuditOptions {
  @Option(
      names = "--threshold",
      defaultValue = "0.5",
      description = "Decision threshold on scores, in (0, 1) (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--bootstrap",
      defaultValue = "1000",
      description =
          "Bootstrap replicates for every interval, 0 to "
              + OptionRanges.MAX_BOOTSTRAP
              + " (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--ci-level",
      defaultValue = "0.95",
      description = "Confidence level of intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
  double ciLevel;

  @Option(
      names = "--min-slice-size",
      defaultValue = "30",
      description = "Slices smaller than this are 'insufficient data' (default: ${DEFAULT-VALUE}).")
  int minSliceSize;

  @Option(
      names = "--correction",
      defaultValue = "holm",
      description = "Multiple-testing correction: holm or bh (default: ${DEFAULT-VALUE}).")
  String correction;

  @Option(names = "--strict", description = "Warnings fail the gate too (exit 1).")
  boolean strict;

  @Option(names = "--force", description = "Overwrite a non-empty --out directory.")
  boolean force;

  @Option(
      names = "--frameworks",
      paramLabel = "ID,...",
      defaultValue = Frameworks.DEFAULT,
      description = {
        "Regulatory frameworks the report maps its evidence to: ids separated by commas,",
        "'default' (the US and the EU: us-model-risk, us-ecoa-reg-b, eu-ai-act) or 'all'",
        "(adds nyc-ll144, with its impact-ratio table, and colorado). An evidence map, not legal",
        "advice (default: ${DEFAULT-VALUE})."
      })
  String frameworks;

  @Mixin ProxyOptions proxy;

  /**
   * The statistical settings with the given seed, after checking every option's range ({@link
   * OptionRanges}); commands call this before any other work.
   */
  AuditPipeline.Settings settings(long seed) {
    OptionRanges.openUnitInterval("--threshold", threshold);
    OptionRanges.bootstrap(bootstrap);
    OptionRanges.openUnitInterval("--ci-level", ciLevel);
    OptionRanges.atLeast("--min-slice-size", minSliceSize, 1);
    OptionRanges.seed(seed);
    frameworks();
    Correction c =
        switch (correction.toLowerCase(java.util.Locale.ROOT)) {
          case "holm" -> Correction.HOLM;
          case "bh", "benjamini-hochberg" -> Correction.BH;
          default ->
              throw new IllegalArgumentException(
                  "--correction: unknown '" + correction + "' (holm, bh)");
        };
    return new AuditPipeline.Settings(threshold, bootstrap, ciLevel, minSliceSize, seed, c);
  }

  /** The chosen frameworks as audit.json records them; an unknown id is one line (exit 2). */
  List<FrameworkRef> frameworks() {
    try {
      return Frameworks.select(frameworks).stream().map(Framework::ref).toList();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--frameworks: " + e.getMessage(), e);
    }
  }

  /** A check of the output directory, for use before any long step. */
  Path prepareOut(Path out) {
    return org.fairkd.audit.OutputDir.prepare(out, force);
  }
}
