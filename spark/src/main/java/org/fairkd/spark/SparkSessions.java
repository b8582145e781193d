package org.fairkd.spark;

import org.apache.spark.sql.SparkSession;
import org.fairkd.fairness.FairnessException;

/**
 * The Spark session of a run: the given master, else the one {@code spark-submit} set, else {@code
 * local[*]}. A local session binds to the loopback interface and starts no web UI, so a run on one
 * machine needs no network. A cluster master given to the {@code fairkd} launcher (no {@code
 * spark-submit}, so no {@code spark.jars}) gets the jars of fairkd's classes as {@code spark.jars},
 * so that the executors can load them.
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
    } else if (System.getProperty("spark.jars") == null) {
      String jars = applicationJars();
      if (!jars.isEmpty()) {
        b.config("spark.jars", jars);
      }
    }
    return b.getOrCreate();
  }

  /**
   * The jars holding this module's and fairness's classes (the launcher's fairkd-spark.jar and
   * fairkd.jar), comma-separated; directories (a build's classes) are left out.
   */
  static String applicationJars() {
    java.util.Set<String> jars = new java.util.LinkedHashSet<>();
    for (Class<?> c : new Class<?>[] {SparkSessions.class, FairnessException.class}) {
      java.security.CodeSource src = c.getProtectionDomain().getCodeSource();
      if (src != null && src.getLocation() != null) {
        try {
          java.nio.file.Path p = java.nio.file.Path.of(src.getLocation().toURI());
          if (java.nio.file.Files.isRegularFile(p)) {
            jars.add(p.toString());
          }
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          // not a local file: Spark cannot ship it either
        }
      }
    }
    return String.join(",", jars);
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
