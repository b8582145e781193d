package org.fairkd.spark;

import org.apache.spark.sql.SparkSession;
import org.fairkd.fairness.FairnessException;

/**
 * The Spark session of a run: the given master, else the one {@code spark-submit} set, else {@code
 * local[*]}. A local session binds to the loopback interface and starts no web UI, so a run on one
 * machine needs no network.
 */
final class SparkSessions {
  private SparkSessions() {}

  static SparkSession get(String master) {
    String m = master != null ? master : System.getProperty("spark.master", "local[*]");
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("fairkd")
            .master(m)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false");
    if (m.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    return b.getOrCreate();
  }

  /**
   * fairkd's own error inside a Spark job (a bad value in a task), unwrapped so that the command
   * line shows its one-line message; other exceptions unchanged.
   */
  static RuntimeException userError(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FairnessException f) {
        return new FairnessException(f.getMessage());
      }
    }
    if (e instanceof org.apache.spark.sql.AnalysisException a) {
      return new FairnessException(a.getSimpleMessage());
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
  }
}
