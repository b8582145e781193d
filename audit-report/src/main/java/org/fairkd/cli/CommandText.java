package org.fairkd.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The command line as typed (for provenance's "reproduce with" line), shell-quoted. */
final class CommandText {
  private CommandText() {}

  static String of(CommandSpec spec) {
    List<String> parts = new ArrayList<>();
    parts.add("./fairkd");
    for (String a : spec.commandLine().getParseResult().originalArgs()) {
      parts.add(a.matches("[A-Za-z0-9_./=:,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return String.join(" ", parts);
  }
}
