package org.fairkd.kd.teacher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent training tasks on a small thread pool and returns their results in task order.
 * The thread count is the system property {@code fairkd.teacher.threads} if set, else {@code min(2,
 * available processors)}: more would oversubscribe the cores XGBoost already uses.
 */
final class ParallelTasks {
  private ParallelTasks() {}

  static int defaultThreads() {
    String p = System.getProperty("fairkd.teacher.threads");
    int cores = Runtime.getRuntime().availableProcessors();
    return p != null ? Math.max(1, Integer.parseInt(p.strip())) : Math.max(1, Math.min(2, cores));
  }

  /** Results in task order; the first failure is rethrown (unchecked causes as they are). */
  static <T> List<T> run(List<Callable<T>> tasks) {
    return run(tasks, new boolean[tasks.size()]);
  }

  /**
   * Like {@link #run(List)}, but the tasks flagged {@code oneAtATime} run one after another, in
   * order, on a single pool thread (started first), while the other tasks share the remaining
   * capacity: tasks that must not overlap (DJL trainings, see {@link MlpMember}) then never block a
   * pool thread waiting for each other.
   */
  @SuppressWarnings("unchecked")
  static <T> List<T> run(List<Callable<T>> tasks, boolean[] oneAtATime) {
    int threads = Math.min(defaultThreads(), Math.max(1, tasks.size()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "fairkd-teacher");
              t.setDaemon(true);
              return t;
            });
    Object[] results = new Object[tasks.size()];
    try {
      List<Future<?>> futures = new ArrayList<>();
      List<Integer> lane = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        if (oneAtATime[i]) {
          lane.add(i);
        }
      }
      if (!lane.isEmpty()) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i : lane) {
                    results[i] = tasks.get(i).call();
                  }
                  return null;
                }));
      }
      for (int i = 0; i < tasks.size(); i++) {
        int ii = i;
        if (!oneAtATime[i]) {
          futures.add(pool.submit(() -> results[ii] = tasks.get(ii).call()));
        }
      }
      for (Future<?> f : futures) {
        f.get();
      }
      List<T> out = new ArrayList<>();
      for (Object r : results) {
        out.add((T) r);
      }
      return out;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("teacher training failed: " + c, c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("teacher training interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
