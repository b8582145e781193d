package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every numeric option of every command is range-checked before any work: each case names files
 * that do not exist, so an error about anything but the option shows that the check came too late.
 */
class OptionRangesTest {
  static final String NO_FILE = "/no/such/dir/x";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "metrics --threshold 1.5|--threshold must be in (0, 1), got 1.5",
        "metrics --threshold 0|--threshold must be in (0, 1), got 0.0",
        "metrics --ci-level 1|--ci-level must be in (0, 1), got 1.0",
        "metrics --bootstrap -1|--bootstrap must be in 0..100000, got -1",
        "metrics --bootstrap 100001|--bootstrap must be in 0..100000, got 100001",
        "metrics --min-slice-size 0|--min-slice-size must be >= 1, got 0",
        "metrics --seed -1|--seed must be in 0..9007199254740992, got -1",
        "audit --threshold 1|--threshold must be in (0, 1), got 1.0",
        "audit --ci-level 0|--ci-level must be in (0, 1), got 0.0",
        "audit --bootstrap 1000000|--bootstrap must be in 0..100000, got 1000000",
        "audit --min-slice-size 0|--min-slice-size must be >= 1, got 0",
        "audit --seed -3|--seed must be in 0..9007199254740992, got -3",
        "run --threshold -0.5|--threshold must be in (0, 1), got -0.5",
        "run --min-slice-size -1|--min-slice-size must be >= 1, got -1",
        "demo --rows 10|--rows must be >= 500, got 10",
        "demo --ci-level 95|--ci-level must be in (0, 1), got 95.0",
        "distill --repeats 0|--repeats must be in 1..100, got 0",
        "distill --repeats 101|--repeats must be in 1..100, got 101",
        "distill --seed -1|--seed must be in 0..9007199254740992, got -1",
        "bench audit --rows 5|--rows must be >= 100, got 5",
        "bench audit --repeats 0|--repeats must be in 1..1000, got 0",
        "bench audit --warmup -1|--warmup must be in 0..100, got -1",
        "bench audit --bootstrap -2|--bootstrap must be in 0..100000, got -2",
        "bench scoring --rows 0|--rows must be >= 1, got 0",
        "bench scoring --min-time-ms -1|--min-time-ms must be in 0..3600000, got -1",
        "data synth --rows 5|--rows must be >= 100, got 5",
        "data synth --seed -1|--seed must be in 0..9007199254740992, got -1",
        "data synth --race-effect NaN|--race-effect must be a finite number, got NaN",
        "data synth --proxy-strength Infinity|--proxy-strength must be a finite number, got Infinity",
      })
  void anOutOfRangeOptionIsOneLineAndExitTwo(String command, String message) {
    String[] words = command.split(" ");
    String option = words[words.length - 2];
    String value = words[words.length - 1];
    String[] head = java.util.Arrays.copyOf(words, words.length - 2);
    CliRun r = CliRun.run(CliRun.plus(CliRun.plus(head, required(head)), option, value));
    assertEquals("fairkd: error: " + message + "\n", r.err(), command);
    assertEquals(2, r.exitCode(), command);
  }

  /** The command's required options, all pointing at files that do not exist. */
  private static String[] required(String[] command) {
    String cmd = String.join(" ", command);
    Path out = Path.of(NO_FILE, "out");
    return switch (cmd) {
      case "metrics" ->
          new String[] {"--input", NO_FILE, "--label", "y", "--score", "p", "--group", "g"};
      case "audit" -> {
        String[] a = AuditArgs.of(Path.of(NO_FILE), out, "--label", "y", "--group", "g");
        yield java.util.Arrays.copyOfRange(a, 1, a.length);
      }
      case "run" -> new String[] {"--spec", NO_FILE, "--policy", NO_FILE, "--out", out.toString()};
      case "demo" -> new String[] {"--policy", NO_FILE, "--out", out.toString()};
      case "distill" -> new String[] {"--spec", NO_FILE, "--out", out.toString()};
      case "bench audit" -> new String[] {"--policy", NO_FILE};
      case "bench scoring" -> new String[] {"--model", NO_FILE};
      case "data synth" -> new String[] {"--out", NO_FILE + ".csv"};
      default -> throw new IllegalArgumentException(cmd);
    };
  }
}
