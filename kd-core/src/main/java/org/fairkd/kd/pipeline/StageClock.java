package org.fairkd.kd.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock seconds of the {@link Distiller}'s stages in run order: distill.json's {@code
 * training_seconds.stages}, where a slow stage on large data shows.
 */
final class StageClock {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private long last = System.nanoTime();

  /** Records the time since the previous mark (or since this clock started) as {@code stage}'s. */
  void mark(String stage) {
    long now = System.nanoTime();
    seconds.put(stage, (now - last) / 1e9);
    last = now;
  }

  /** The recorded stages, in run order. */
  Map<String, Double> seconds() {
    return seconds;
  }
}
