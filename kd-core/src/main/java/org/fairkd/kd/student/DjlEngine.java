package org.fairkd.kd.student;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps DJL quiet: silences the CUDA probe's warnings (this host has CUDA libraries, no driver).
 */
final class DjlEngine {
  private static volatile boolean done;

  private DjlEngine() {}

  static void ensureQuiet() {
    if (done) {
      return;
    }
    done = true;
    if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }
    Logger.getLogger("ai.djl.util.cuda.CudaUtils").setLevel(Level.SEVERE);
  }
}
