package org.fairkd.kd.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {

  /**
   * Flagged tasks run one at a time and in order, while the others proceed on the other thread: the
   * first flagged task waits for a latch that only an unflagged task (queued behind two more
   * flagged ones) opens.
   */
  @Test
  void oneAtATimeTasksFormALaneBesideTheOthers() {
    CountDownLatch otherRan = new CountDownLatch(1);
    AtomicInteger inLane = new AtomicInteger();
    AtomicInteger maxInLane = new AtomicInteger();
    List<Integer> laneOrder = Collections.synchronizedList(new ArrayList<>());
    List<Callable<Integer>> tasks = new ArrayList<>();
    boolean[] flagged = {true, true, false, true, false};
    for (int i = 0; i < flagged.length; i++) {
      int ii = i;
      tasks.add(
          flagged[i]
              ? () -> {
                maxInLane.accumulateAndGet(inLane.incrementAndGet(), Math::max);
                if (ii == 0) {
                  assertTrue(otherRan.await(30, TimeUnit.SECONDS), "unflagged task blocked");
                }
                laneOrder.add(ii);
                inLane.decrementAndGet();
                return 10 * ii;
              }
              : () -> {
                otherRan.countDown();
                return 10 * ii;
              });
    }
    System.setProperty("fairkd.teacher.threads", "2");
    try {
      assertEquals(List.of(0, 10, 20, 30, 40), ParallelTasks.run(tasks, flagged));
    } finally {
      System.clearProperty("fairkd.teacher.threads");
    }
    assertEquals(1, maxInLane.get());
    assertEquals(List.of(0, 1, 3), laneOrder);
  }

  @Test
  void failuresAreRethrown() {
    List<Callable<Integer>> tasks =
        List.of(
            () -> 1,
            () -> {
              throw new IllegalArgumentException("bad member");
            });
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> ParallelTasks.run(tasks, new boolean[] {false, true}));
    assertEquals("bad member", e.getMessage());
  }
}
