package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code run} and {@code demo} fails fast (before any training) with exit 2. */
class RunCommandTest {
  @TempDir Path tmp;

  @Test
  void badInputsFailFastWithOneLine() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("old.json"), "{}");
    Path badConfig = Files.writeString(tmp.resolve("bad.yaml"), "student:\n  temperature: -1\n");
    List<String[]> cases =
        List.of(
            new String[] {
              "run",
              "--dataset",
              "no-such-data",
              "--policy",
              "four-fifths",
              "--out",
              tmp.resolve("a").toString()
            },
            new String[] {
              "run",
              "--dataset",
              "synthetic-lending",
              "--policy",
              "no-such-policy",
              "--out",
              tmp.resolve("b").toString()
            },
            new String[] {
              "run",
              "--dataset",
              "synthetic-lending",
              "--policy",
              "four-fifths",
              "--out",
              file.resolve("x").toString()
            },
            new String[] {
              "run",
              "--dataset",
              "synthetic-lending",
              "--policy",
              "four-fifths",
              "--config",
              badConfig.toString(),
              "--out",
              tmp.resolve("c").toString()
            },
            new String[] {"demo", "--out", full.toString()},
            new String[] {"demo", "--rows", "10", "--out", tmp.resolve("d").toString()},
            new String[] {"demo", "--threshold", "1.5", "--out", tmp.resolve("e").toString()});
    for (String[] args : cases) {
      var r = CliRun.run(args);
      assertEquals(2, r.exitCode(), String.join(" ", args) + "\n" + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("fairkd: error: "), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
    assertEquals("{}", Files.readString(full.resolve("old.json")), "not clobbered");
  }
}
