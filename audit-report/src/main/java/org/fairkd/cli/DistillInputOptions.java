package org.fairkd.cli;

import java.nio.file.Path;
import org.fairkd.kd.pipeline.DistillConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code distill} and {@code search} share: {@code --config FILE} (the distillation
 * configuration), the external-teacher options ({@link TeacherScoresOptions}), {@code --seed},
 * {@code --out DIR} and {@code --force}.
 */
public final class DistillInputOptions {
  @Option(names = "--config", description = "Distillation configuration (YAML).")
  Path config;

  @Mixin TeacherScoresOptions teacher;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: 42).")
  long seed;

  @Option(names = "--out", required = true, description = "Output directory.")
  Path out;

  @Option(names = "--force", description = "Overwrite a non-empty --out directory.")
  boolean force;

  /** The configuration: {@code --config} or the defaults, with the external teacher applied. */
  DistillConfig distillConfig() {
    return distillConfig(DistillConfig.defaults());
  }

  /** As {@link #distillConfig()} with {@code fallback} when no {@code --config} is given. */
  DistillConfig distillConfig(DistillConfig fallback) {
    return teacher.applyTo(config == null ? fallback : DistillConfig.read(config));
  }

  /** Creates {@code --out}, refusing a non-empty one without {@code --force}. */
  void prepareOut() {
    org.fairkd.audit.OutputDir.prepare(out, force);
  }
}
