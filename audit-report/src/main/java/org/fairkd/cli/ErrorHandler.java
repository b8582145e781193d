package org.fairkd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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

  /**
   * The message of the exception on one line. User errors (fairkd's own exceptions, bad arguments,
   * I/O problems) are shown as they are; anything else is labelled an internal error.
   */
  static String oneLine(Throwable ex) {
    Throwable t = ex;
    while (t.getCause() != null
        && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
      t = t.getCause();
    }
    String msg = t.getMessage() == null ? "" : t.getMessage();
    String text;
    if (t instanceof NoSuchFileException) {
      text = "no such file: " + msg;
    } else if (t instanceof AccessDeniedException) {
      text = "permission denied: " + msg;
    } else if (t instanceof IOException) {
      text = "I/O error: " + msg;
    } else if (t instanceof UncheckedIOException
        || t instanceof IllegalArgumentException
        || t instanceof CommandLine.PicocliException
        || t.getClass().getName().startsWith("org.fairkd.")) {
      text = msg;
    } else {
      text =
          "internal error ("
              + t.getClass().getSimpleName()
              + (msg.isEmpty() ? ")" : "): " + msg)
              + " (set FAIRKD_DEBUG=1 for details)";
    }
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
