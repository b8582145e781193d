package org.fairkd.cli;

import java.nio.file.Path;
import org.fairkd.base.files.AtomicFiles;

/**
 * Transitional delegate to {@link AtomicFiles} (module base), the one atomic-write helper; kept so
 * that {@code AuditOutputs}, {@code MetricsCommand} and {@code PolicyEvaluateCommand} compile
 * unchanged. New code calls {@link AtomicFiles} directly.
 */
public final class AtomicOutput {
  private AtomicOutput() {}

  /** {@link AtomicFiles#writeString}. */
  public static void writeString(Path target, String text) {
    AtomicFiles.writeString(target, text);
  }

  /** {@link AtomicFiles#write}. */
  public static void writeBytes(Path target, byte[] bytes) {
    AtomicFiles.write(target, bytes);
  }
}
