package org.fairkd.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into a one-line message on stderr and exit code 2.
 *
 * <p>A user mistake (bad file, bad key, bad option) carries its own message naming the file, line
 * or key; only unexpected internal errors print a stack trace, and only when {@code FAIRKD_DEBUG}
 * is set. Nothing here ever returns exit code 0.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    err.println("fairkd: error: " + oneLine(ex));
    if (System.getenv("FAIRKD_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.ERROR;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("fairkd: " + oneLine(ex));
    err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCodes.ERROR;
  }

  /** The message of the exception (or its cause), on one line; the type name when there is none. */
  static String oneLine(Throwable ex) {
    Throwable t = ex;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (!(t instanceof RuntimeException) || t.getClass().getName().startsWith("java.")) {
      if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
        msg = "I/O: " + msg;
      } else if (!t.getClass().getName().startsWith("org.fairkd")
          && !(t instanceof IllegalArgumentException)) {
        msg = t.getClass().getSimpleName() + ": " + msg;
      }
    }
    return msg.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
