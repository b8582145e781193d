package org.fairkd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * One {@code fairkd} invocation run in-process: the exit code and what it printed to stdout and
 * stderr (captured with {@link StringWriter}s; no {@code System.exit}).
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code fairkd args...} through {@link FairkdCommand#commandLine()}. */
  static CliRun run(String... args) {
    CommandLine cl = FairkdCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Stdout parsed as JSON. */
  JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out);
  }

  /** {@code args} with the value of option {@code name} replaced. */
  static String[] with(String[] args, String name, String value) {
    String[] o = args.clone();
    for (int i = 0; i < o.length - 1; i++) {
      if (o[i].equals(name)) {
        o[i + 1] = value;
      }
    }
    return o;
  }

  /** {@code args} followed by {@code more}. */
  static String[] plus(String[] args, String... more) {
    String[] o = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, o, args.length, more.length);
    return o;
  }
}
