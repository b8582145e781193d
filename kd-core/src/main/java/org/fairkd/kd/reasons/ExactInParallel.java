package org.fairkd.kd.reasons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * Runs a per-applicant computation over applicants {@code [0, n)} on a few threads, each with its
 * own state (scratch buffers), in chunks taken in order. The body writes applicant a's result into
 * slot a, so the results do not depend on which thread computed them or in which order.
 */
final class ExactInParallel {
  /** Applicants per chunk: large enough to amortise the hand-off, small enough to balance. */
  static final int CHUNK = 64;

  private ExactInParallel() {}

  static <T> void run(int n, int threads, Supplier<T> state, ObjIntConsumer<T> body) {
    int workers = Math.min(threads, (n + CHUNK - 1) / CHUNK);
    AtomicInteger next = new AtomicInteger();
    Runnable work =
        () -> {
          T s = state.get();
          for (int c = next.getAndIncrement(); c * CHUNK < n; c = next.getAndIncrement()) {
            for (int a = c * CHUNK; a < Math.min(n, (c + 1) * CHUNK); a++) {
              body.accept(s, a);
            }
          }
        };
    if (workers <= 1) {
      work.run();
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers - 1,
            r -> {
              Thread t = new Thread(r, "fairkd-reasons");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 1; w < workers; w++) {
        done.add(pool.submit(work));
      }
      work.run(); // the caller is a worker too
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while attributing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
