package org.fairkd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's contract: help lists every command, usage errors are one line and exit 2. */
class FairkdCommandTest {

  @Test
  void helpListsEveryCommandAndExitsZero() {
    CliRun r = CliRun.run("--help");
    assertEquals(0, r.exitCode());
    for (String cmd :
        List.of("data", "metrics", "distill", "policy", "run", "audit", "demo", "bench")) {
      assertTrue(r.out().contains("  " + cmd + " "), "help should list '" + cmd + "':\n" + r.out());
    }
  }

  @Test
  void everySubcommandHasHelp() {
    for (String cmd :
        List.of("data", "metrics", "distill", "policy", "run", "audit", "demo", "bench")) {
      CliRun r = CliRun.run(cmd, "--help");
      assertEquals(0, r.exitCode(), cmd + " --help: " + r.err());
      assertTrue(r.out().startsWith("Usage: fairkd " + cmd), r.out());
    }
  }

  @Test
  void unknownCommandIsAUsageErrorWithExitTwo() {
    CliRun r = CliRun.run("frobnicate");
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertTrue(r.err().contains("frobnicate"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void missingSubcommandExitsTwo() {
    CliRun r = CliRun.run();
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertTrue(r.err().contains("Missing required subcommand"), r.err());
    assertFalse(r.err().contains("internal error"), "a usage mistake is not internal: " + r.err());
  }

  @Test
  void missingRequiredOptionIsAUsageErrorNotAnInternalOne() {
    CliRun r = CliRun.run("data", "describe");
    assertEquals(ExitCodes.ERROR, r.exitCode());
    assertTrue(r.err().startsWith("fairkd: "), r.err());
    assertTrue(r.err().contains("--dataset"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void twoDataSourcesAreAUsageError() {
    Path csv = Path.of("p.csv");
    Path out = Path.of("o");
    for (String[] args :
        List.of(
            new String[] {"data", "describe", "--dataset", "adult", "--spec", "s.yaml"},
            AuditArgs.of(csv, out, "--dataset", "adult", "--group", "sex"))) {
      CliRun r = CliRun.run(args);
      assertEquals(ExitCodes.ERROR, r.exitCode());
      assertTrue(r.err().startsWith("fairkd: --dataset"), r.err());
      assertTrue(r.err().contains("mutually exclusive"), r.err());
    }
    CliRun none = CliRun.run(AuditArgs.of(csv, out));
    assertEquals(ExitCodes.ERROR, none.exitCode());
    assertTrue(none.err().contains("Missing required argument"), none.err());
    assertTrue(none.err().contains("--group"), none.err());
  }

  @Test
  void versionIsPrinted() {
    CliRun r = CliRun.run("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("fairkd "), r.out());
  }

  @Test
  void errorMessagesAreFoldedOntoOneLine() {
    assertEquals(
        "spec.yaml: key 'label': unknown column 'clas'",
        ErrorHandler.oneLine(
            new IllegalArgumentException("spec.yaml:\n  key 'label':\r\n unknown column 'clas'")));
    assertEquals(
        "I/O error: disk full",
        ErrorHandler.oneLine(
            new java.io.UncheckedIOException(new java.io.IOException("disk full"))));
    assertEquals(
        "no such file: /x/y.csv",
        ErrorHandler.oneLine(new java.nio.file.NoSuchFileException("/x/y.csv")));
    assertTrue(
        ErrorHandler.oneLine(new NullPointerException())
            .startsWith("internal error (NullPointerException)"));
  }
}
