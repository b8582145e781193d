package org.fairkd.spark.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairkd.fairness.Correction;
import org.fairkd.fairness.cells.TableEngine;
import org.fairkd.spark.SparkTableEngine;

/**
 * Benchmark (test code, not shipped) of the Spark engine with row weights and soft membership,
 * which no single command combines ({@code audit} has {@code --soft-group}, {@code metrics} {@code
 * --weights}): sex (hard) and race_p (soft, p_white/p_black/p_asian) and their intersection,
 * weights from the weight column, teacher and student, {@code REPLICATES} Poisson replicates, on a
 * table of {@link GeneratePredictions}. Prints rows, the phases' seconds and the wall time; run it
 * under {@code /usr/bin/time -v} for the peak RSS ({@code spark/bench-weighted-soft.sh}).
 */
public final class WeightedSoftBench {
  private WeightedSoftBench() {}

  public static void main(String[] args) {
    Path table = Path.of(args[0]);
    int replicates = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    String master = args.length > 2 ? args[2] : "local[2]";
    long t0 = System.nanoTime();
    TableEngine.Result r =
        new SparkTableEngine()
            .analyze(
                new TableEngine.Request(
                    table,
                    master,
                    "label",
                    null,
                    "teacher",
                    "student",
                    List.of("sex"),
                    Map.of(),
                    null,
                    null,
                    0.5,
                    replicates,
                    0.95,
                    30,
                    42,
                    Correction.HOLM,
                    "weight",
                    List.of(
                        new TableEngine.SoftAttribute(
                            "race_p",
                            List.of("white", "black", "asian"),
                            List.of("p_white", "p_black", "p_asian"))),
                    List.of()));
    double wall = (System.nanoTime() - t0) / 1e9;
    double[] s = r.seconds();
    System.out.printf(
        Locale.ROOT,
        "rows %d, %d replicates (%s): pass 1 + 2 (count, then read + sums + Poisson) %.1f s,"
            + " pass 3 (paired AUC) %.1f s, statistics %.1f s; engine wall %.1f s, %.2f M rows/s;"
            + " AUC tie bound %.2g%n",
        r.rowsRead(),
        replicates,
        r.report().config().bootstrapMethod(),
        s[0],
        s[1],
        s[2],
        wall,
        r.rowsRead() / wall / 1e6,
        r.aucTieBound());
  }
}
