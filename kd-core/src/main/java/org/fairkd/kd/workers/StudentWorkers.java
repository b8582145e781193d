package org.fairkd.kd.workers;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fairkd.kd.student.TrainedStudent;
import org.fairkd.kd.student.TrainingData;
import org.slf4j.LoggerFactory;

/**
 * Trains several students at once: this process trains one, and each worker process ({@link
 * TrainingWorkerMain}, same Java, classpath and {@code ai.djl.*} settings) another. DJL's PyTorch
 * engine trains one model at a time per process (one gradient collector per JVM), so parallel
 * training needs processes, not threads.
 *
 * <p>The rows are written once to a temporary file that every worker reads at start. A student is
 * the same whichever process trains it: same rows bit for bit, same settings, same seed, one
 * PyTorch thread each (tested). A worker that cannot start or fails leaves its jobs to this process
 * (with a warning), so the result never depends on the workers — only the time does.
 */
public final class StudentWorkers implements AutoCloseable {
  private final Path dir;
  private final List<Worker> workers;
  private final ExecutorService threads;
  private final AtomicInteger files = new AtomicInteger();

  private StudentWorkers(Path dir, List<Worker> workers) {
    this.dir = dir;
    this.workers = workers;
    this.threads =
        workers.isEmpty()
            ? null
            : Executors.newFixedThreadPool(
                workers.size(),
                r -> {
                  Thread t = new Thread(r, "fairkd-training-worker");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** No workers: every student is trained in this process, one after another. */
  public static StudentWorkers none() {
    return new StudentWorkers(null, List.of());
  }

  /**
   * Starts {@code count} workers on {@code train} and {@code validation} (0: none). Workers that
   * cannot start are left out with a warning.
   */
  public static StudentWorkers start(TrainingData train, TrainingData validation, int count) {
    if (count <= 0) {
      return none();
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("fairkd-workers-");
      Path rows = dir.resolve("rows.bin");
      TrainingDataFile.writeRows(rows, train, validation);
      List<Worker> started = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        started.add(Worker.start(rows, heapMegabytes(train, validation)));
      }
      return new StudentWorkers(dir, started);
    } catch (IOException e) {
      warn("training workers could not start (" + e.getMessage() + "); training in this process");
      return none();
    }
  }

  /**
   * The number of workers for rounds of {@code roundSize} students on this machine: one fewer than
   * the smaller of the round and the available processors.
   */
  public static int defaultCount(int roundSize) {
    return Math.max(0, Math.min(roundSize, Runtime.getRuntime().availableProcessors()) - 1);
  }

  /** The number of running workers. */
  public int count() {
    return (int) workers.stream().filter(Worker::alive).count();
  }

  /**
   * Trains every job, this process and the workers taking jobs in turn; the result is in job order.
   * {@code inProcess} trains a job here (e.g. with a progress bar).
   */
  public List<TrainedStudent> train(
      List<TrainingJob> jobs, Function<TrainingJob, TrainedStudent> inProcess) {
    int n = jobs.size();
    TrainedStudent[] out = new TrainedStudent[n];
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (Worker w : workers) {
      if (w.alive()) {
        running.add(
            threads.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    Path result = dir.resolve("student-" + files.incrementAndGet() + ".bin");
                    try {
                      out[i] = w.train(jobs.get(i), result);
                    } catch (IOException e) {
                      warn("training worker failed (" + e.getMessage() + "); training here");
                      w.stop();
                      return;
                    }
                  }
                }));
      }
    }
    try {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        out[i] = inProcess.apply(jobs.get(i));
      }
    } finally {
      for (Future<?> f : running) {
        await(f);
      }
    }
    for (int i = 0; i < n; i++) {
      if (out[i] == null) {
        out[i] = inProcess.apply(jobs.get(i));
      }
    }
    return List.of(out);
  }

  /** Ends every worker process abruptly (for tests of the fallback). */
  void killWorkers() {
    for (Worker w : workers) {
      w.process.destroyForcibly();
    }
  }

  /** Stops the workers and deletes the temporary files. */
  @Override
  public void close() {
    for (Worker w : workers) {
      w.stop();
    }
    if (threads != null) {
      threads.shutdownNow();
    }
    if (dir != null) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        warn("could not delete " + dir + ": " + e.getMessage());
      }
    }
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      warn("training worker thread failed: " + e.getCause());
    }
  }

  /** A worker's heap: three times its rows' size plus 256 MB. */
  static int heapMegabytes(TrainingData train, TrainingData validation) {
    long bytes = bytes(train) + bytes(validation);
    return (int) Math.min(32_768, 256 + 3 * bytes / (1 << 20));
  }

  private static long bytes(TrainingData d) {
    long groups = d.membership() == null || d.size() == 0 ? 0 : d.membership()[0].length * 8L + 16;
    return d.size() * (16L + 4L * d.width() + 18 + groups);
  }

  private static void warn(String message) {
    LoggerFactory.getLogger(StudentWorkers.class).warn(message);
  }

  /** One worker process and its pipes; used by one thread at a time. */
  private static final class Worker {
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private volatile boolean alive = true;
    private boolean ready;

    private Worker(Process process) {
      this.process = process;
      this.in =
          new BufferedWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Worker start(Path rows, int heapMb) throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx" + heapMb + "m");
      cmd.add("-XX:+UseSerialGC");
      for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
        String key = e.getKey().toString();
        if (key.startsWith("ai.djl.")
            || key.startsWith("org.slf4j.simpleLogger.")
            || key.equals("OPT_OUT_TRACKING")) {
          cmd.add("-D" + key + "=" + e.getValue());
        }
      }
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(TrainingWorkerMain.class.getName());
      cmd.add(rows.toString());
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
      return new Worker(pb.start());
    }

    boolean alive() {
      return alive && process.isAlive();
    }

    TrainedStudent train(TrainingJob job, Path result) throws IOException {
      if (!ready) {
        reply();
        ready = true;
      }
      in.write("train " + job.toLine() + " " + result);
      in.newLine();
      in.flush();
      reply();
      return TrainingDataFile.readStudent(result);
    }

    /** Reads up to the next protocol line: nothing on "ready"/"done", an IOException on errors. */
    private void reply() throws IOException {
      String line;
      while ((line = out.readLine()) != null) {
        if (!line.startsWith(TrainingWorkerMain.PREFIX)) {
          System.err.println(line);
          continue;
        }
        String rest = line.substring(TrainingWorkerMain.PREFIX.length());
        if (rest.equals("ready") || rest.equals("done")) {
          return;
        }
        throw new IOException(rest.startsWith("error ") ? rest.substring(6) : rest);
      }
      throw new IOException("the worker process ended (exit " + exitCode() + ")");
    }

    private String exitCode() {
      try {
        return process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)
            ? Integer.toString(process.exitValue())
            : "none";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "none";
      }
    }

    void stop() {
      alive = false;
      try {
        in.close();
      } catch (IOException e) {
        // the process is being stopped anyway
      }
      try {
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
