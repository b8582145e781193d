package org.fairkd.cli;

import java.util.ServiceLoader;
import org.fairkd.audit.AuditException;
import org.fairkd.fairness.cells.TableEngine;
import picocli.CommandLine.Option;

/**
 * {@code --engine local|spark} and {@code --master URL} of {@code audit} and {@code metrics}: the
 * local engine reads the rows into memory; another engine ({@link TableEngine}, found with {@link
 * ServiceLoader}: the Spark module's jar, which the launcher adds for {@code --engine spark})
 * aggregates the table where it lies.
 */
public final class EngineOptions {
  @Option(
      names = "--engine",
      defaultValue = "local",
      paramLabel = "local|spark",
      description = {
        "local (default): rows in memory; spark: Apache Spark aggregates the table (CSV or",
        "Parquet, a file or a directory), with hard or soft groups and row weights."
      })
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = {
        "Spark master: local[*] (default), spark://HOST:PORT; yarn and others through",
        "spark-submit (which sets the master; see spark/README.md)."
      })
  String master;

  /** True unless the local engine runs. */
  boolean external() {
    if (master != null && engine.equals("local")) {
      throw new AuditException("--master needs --engine spark");
    }
    return !engine.equals("local");
  }

  /** The engine named by {@code --engine}, from the class path. */
  TableEngine table() {
    for (TableEngine e : ServiceLoader.load(TableEngine.class)) {
      if (e.name().equals(engine)) {
        return e;
      }
    }
    throw new AuditException(
        "--engine "
            + engine
            + ": no such engine on the class path (local, or spark through the fairkd launcher,"
            + " which adds spark/target/fairkd-spark.jar)");
  }
}
