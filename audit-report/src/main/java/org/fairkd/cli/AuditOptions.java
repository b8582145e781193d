package org.fairkd.cli;

import java.nio.file.Path;
import org.fairkd.audit.AuditPipeline;
import org.fairkd.fairness.Correction;
import picocli.CommandLine.Option;

/** Options shared by {@code run}, {@code audit} and {@code demo}: statistics and the gate. */
public final class AuditOptions {
  @Option(
      names = "--threshold",
      defaultValue = "0.5",
      description = "Decision threshold on scores (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--bootstrap",
      defaultValue = "1000",
      description = "Bootstrap replicates for every interval (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--ci-level",
      defaultValue = "0.95",
      description = "Confidence level of intervals (default: ${DEFAULT-VALUE}).")
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

  /** The statistical settings with the given seed. */
  AuditPipeline.Settings settings(long seed) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold must be in [0, 1], got " + threshold);
    }
    if (bootstrap < 0) {
      throw new IllegalArgumentException("--bootstrap must be >= 0, got " + bootstrap);
    }
    if (!(ciLevel > 0 && ciLevel < 1)) {
      throw new IllegalArgumentException("--ci-level must be in (0, 1), got " + ciLevel);
    }
    if (minSliceSize < 0) {
      throw new IllegalArgumentException("--min-slice-size must be >= 0, got " + minSliceSize);
    }
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

  /** A check of the output directory, for use before any long step. */
  Path prepareOut(Path out) {
    return org.fairkd.audit.OutputDir.prepare(out, force);
  }
}
