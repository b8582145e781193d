package org.fairkd.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.fairkd.cli.FairkdCommand;
import picocli.CommandLine;

/**
 * One {@code fairkd} command run in this JVM, as the Spark tests run it: its exit code and what it
 * wrote to standard error.
 *
 * @param code the exit code
 * @param err standard error
 */
record CliRun(int code, String err) {
  static CliRun of(List<String> args) {
    CommandLine cl = FairkdCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    return new CliRun(cl.execute(args.toArray(new String[0])), err.toString());
  }
}
