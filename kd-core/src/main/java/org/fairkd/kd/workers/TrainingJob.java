package org.fairkd.kd.workers;

import java.util.Locale;
import org.fairkd.kd.student.PenaltyKind;
import org.fairkd.kd.student.StudentArchitecture;
import org.fairkd.kd.student.StudentSettings;

/**
 * One student training run, as a worker receives it: the architecture, the settings and the seed.
 * The rows are the pool's (sent once, {@link TrainingDataFile}).
 *
 * <p>Text form (one line, {@link #toLine}): the architecture, then the settings with every double
 * as the hexadecimal form of its bits, so that a worker trains with exactly the same numbers.
 *
 * @param architecture the student architecture
 * @param settings the training settings
 * @param seed the training seed
 */
public record TrainingJob(StudentArchitecture architecture, StudentSettings settings, long seed) {

  /** The job as one line of text (no line break). */
  public String toLine() {
    StudentSettings s = settings;
    return String.join(
        " ",
        architecture.toString(),
        Integer.toString(s.epochs()),
        Integer.toString(s.batchSize()),
        bits(s.learningRate()),
        Integer.toString(s.patience()),
        bits(s.temperature()),
        bits(s.alpha()),
        bits(s.lambda()),
        s.penalty().configName(),
        Long.toString(seed));
  }

  /** Parses {@link #toLine}'s form; IllegalArgumentException when malformed. */
  public static TrainingJob parse(String line) {
    String[] f = line.trim().split(" ");
    if (f.length != 10) {
      throw new IllegalArgumentException("training job: expected 10 fields, got " + f.length);
    }
    PenaltyKind penalty = PenaltyKind.parseOrNull(f[8]);
    if (penalty == null) {
      throw new IllegalArgumentException("training job: unknown penalty '" + f[8] + "'");
    }
    StudentSettings s =
        new StudentSettings(
            Integer.parseInt(f[1]),
            Integer.parseInt(f[2]),
            fromBits(f[3]),
            Integer.parseInt(f[4]),
            fromBits(f[5]),
            fromBits(f[6]),
            fromBits(f[7]),
            penalty);
    return new TrainingJob(StudentArchitecture.parse(f[0]), s, Long.parseLong(f[9]));
  }

  private static String bits(double v) {
    return Long.toHexString(Double.doubleToRawLongBits(v)).toLowerCase(Locale.ROOT);
  }

  private static double fromBits(String hex) {
    return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
  }
}
