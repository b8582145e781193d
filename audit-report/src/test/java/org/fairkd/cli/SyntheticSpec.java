package org.fairkd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fairkd.datasets.Datasets;
import org.fairkd.datasets.NumericColumn;
import org.fairkd.datasets.TabularDataset;
import org.fairkd.datasets.load.SpecReader;
import org.fairkd.datasets.synth.SyntheticLending;

/**
 * Test data for the distilling commands: a synthetic lending CSV with its dataset spec, and an
 * external teacher's scores for it.
 */
final class SyntheticSpec {
  private SyntheticSpec() {}

  /** Writes {@code s.csv} ({@code rows} applicants, seed 3) and {@code s.yaml} to {@code dir}. */
  static Path write(Path dir, int rows) throws Exception {
    var data = SyntheticLending.generate(rows, 3, SyntheticLending.Config.defaults());
    try (var w = Files.newBufferedWriter(dir.resolve("s.csv"))) {
      SyntheticLending.writeCsv(data, w);
    }
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, SpecReader.write(SyntheticLending.spec("s.csv")));
    return spec;
  }

  /**
   * Writes an external teacher's scores for the data of {@code spec}, {@code σ(1.5·z(income) −
   * 1.5·z(debt_to_income))}, for every row but {@code skipId} (null: none), in reverse order under
   * the columns {@code id,p_good}; returns every row's score by row id.
   */
  static Map<String, Double> writeTeacherScores(Path spec, Path csv, String skipId)
      throws Exception {
    TabularDataset data = Datasets.loadSpec(spec);
    double[] zi = zScores(((NumericColumn) data.column("income").orElseThrow()).values());
    double[] zd = zScores(((NumericColumn) data.column("debt_to_income").orElseThrow()).values());
    Map<String, Double> scores = new LinkedHashMap<>();
    StringBuilder sb = new StringBuilder("id,p_good\n");
    for (int r = data.rowCount() - 1; r >= 0; r--) {
      double p = 1 / (1 + Math.exp(-(1.5 * zi[r] - 1.5 * zd[r])));
      scores.put(data.rowId(r), p);
      if (!data.rowId(r).equals(skipId)) {
        sb.append(data.rowId(r)).append(',').append(p).append('\n');
      }
    }
    Files.writeString(csv, sb);
    return scores;
  }

  /** {@code args} followed by the options naming {@link #writeTeacherScores}'s file and columns. */
  static String[] withTeacher(Path scores, String... args) {
    return CliRun.plus(
        args,
        "--teacher-scores",
        scores.toString(),
        "--teacher-id-column",
        "id",
        "--teacher-score-column",
        "p_good");
  }

  private static double[] zScores(double[] v) {
    double[] clean = Arrays.stream(v).map(x -> Double.isNaN(x) ? 0 : x).toArray();
    double mean = Arrays.stream(clean).average().orElse(0);
    double sd =
        Math.sqrt(Arrays.stream(clean).map(x -> (x - mean) * (x - mean)).average().orElse(1));
    return Arrays.stream(v).map(x -> Double.isNaN(x) ? 0 : (x - mean) / sd).toArray();
  }
}
