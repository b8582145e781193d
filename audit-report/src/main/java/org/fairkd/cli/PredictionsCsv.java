package org.fairkd.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkd.datasets.DatasetException;
import org.fairkd.datasets.predictions.PredictionsReader;
import org.fairkd.fairness.FairnessException;

/**
 * Transitional facade over {@link PredictionsReader} (datasets), the one reader of predictions
 * files, kept so that {@code AuditCommand} and {@code MetricsCommand} compile unchanged; new code
 * uses {@link PredictionsReader} directly. Errors are {@link FairnessException}s with the reader's
 * message (naming the file, line and column), as before.
 */
public final class PredictionsCsv {
  /** See {@link PredictionsReader.Request}. */
  public record Request(
      String label,
      String favorable,
      List<String> scores,
      String decision,
      List<String> groups,
      String weights) {}

  /** See {@link PredictionsReader.Categorical}. */
  public record Categorical(List<String> levels, int[] codes) {}

  /** See {@link PredictionsReader.Columns}. */
  public record Columns(
      int rows,
      boolean[] labels,
      Map<String, double[]> scores,
      boolean[] decisions,
      Map<String, Categorical> groups,
      double[] weights) {}

  private PredictionsCsv() {}

  /** Reads the requested columns of {@code file}. */
  public static Columns read(Path file, Request req) {
    PredictionsReader.Columns c;
    try {
      c =
          PredictionsReader.read(
              file,
              new PredictionsReader.Request(
                  req.label(),
                  req.favorable(),
                  req.scores(),
                  req.decision(),
                  req.groups(),
                  req.weights()));
    } catch (DatasetException e) {
      throw new FairnessException(e.getMessage());
    }
    Map<String, Categorical> groups = new LinkedHashMap<>();
    c.groups().forEach((k, v) -> groups.put(k, new Categorical(v.levels(), v.codes())));
    return new Columns(c.rows(), c.labels(), c.scores(), c.decisions(), groups, c.weights());
  }
}
