package org.fairkd.kd.workers;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.fairkd.kd.student.StudentTrainer;
import org.fairkd.kd.student.TrainedStudent;

/**
 * A training worker process ({@link StudentWorkers} starts it): reads the pool's rows once, then
 * trains one student per request line on standard input and answers on standard output.
 *
 * <p>Protocol (one line each): the worker says {@code fairkd-worker ready}; a request is {@code
 * train <job> <result file>} ({@link TrainingJob#toLine}, then the path); the answer is {@code
 * fairkd-worker done} once the student is in the result file ({@link TrainingDataFile}), or {@code
 * fairkd-worker error <message>}. Everything else the process prints goes to standard error (and
 * lines on standard output without the prefix are ignored by the lead). The worker ends when its
 * standard input closes.
 */
public final class TrainingWorkerMain {
  /** The prefix of every protocol line from a worker. */
  static final String PREFIX = "fairkd-worker ";

  private TrainingWorkerMain() {}

  /** {@code args[0]}: the rows file. */
  public static void main(String[] args) {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    TrainingDataFile.Rows rows;
    try {
      rows = TrainingDataFile.readRows(Path.of(args[0]));
    } catch (IOException | RuntimeException e) {
      protocol.println(PREFIX + "error " + oneLine(e));
      System.exit(2);
      return;
    }
    protocol.println(PREFIX + "ready");
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        protocol.println(PREFIX + answer(rows, line));
      }
    } catch (IOException e) {
      protocol.println(PREFIX + "error " + oneLine(e));
      System.exit(2);
    }
  }

  private static String answer(TrainingDataFile.Rows rows, String line) {
    String[] f = line.split(" ", 12);
    if (f.length != 12 || !f[0].equals("train")) {
      return "error malformed request";
    }
    try {
      TrainingJob job = TrainingJob.parse(String.join(" ", java.util.Arrays.copyOfRange(f, 1, 11)));
      TrainedStudent s =
          StudentTrainer.train(
              rows.train(), rows.validation(), job.architecture(), job.settings(), job.seed());
      TrainingDataFile.writeStudent(Path.of(f[11]), s);
      return "done";
    } catch (IOException | RuntimeException e) {
      return "error " + oneLine(e);
    }
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\n', ' ').replace('\r', ' ');
  }
}
