package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.EventTimeJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Watermarks flow from sources through keyed exchanges, fire event-time timers, and idleness and processing time work. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventTimeJobTest {
  private static final RunOptions OPTIONS = RunOptions.builder().watermarkInterval(Duration.ofMillis(1)).build();

  /** key:windowEnd -> count, computed with plain Java. */
  private static Map<String, Long> oracle(long n) {
    Map<String, Long> counts = new TreeMap<>();
    for (long v = 0; v < n; v++) {
      counts.merge(v % 3 + ":" + (v / EventTimeJob.WINDOW * EventTimeJob.WINDOW + EventTimeJob.WINDOW - 1), 1L, Long::sum);
    }
    return counts;
  }

  private static Map<String, Long> counts(Queue<String> fired) {
    Map<String, Long> counts = new TreeMap<>();
    for (String f : fired) {
      String[] parts = f.split(":");
      Long previous = counts.put(parts[0] + ":" + parts[1], Long.parseLong(parts[2]));
      assertEquals(null, previous, "window fired twice: " + f);
    }
    return counts;
  }

  @Test
  void everyWindowFiresOnceWithItsCountAndMostBeforeTheInputEnds() {
    Queue<String> fired = new ConcurrentLinkedQueue<>();
    new LocalCluster().run(EventTimeJob.plan(2_000, false, null, 0, fired), OPTIONS).orThrow();

    assertEquals(oracle(2_000), counts(fired));
    for (String f : fired) {
      long end = Long.parseLong(f.split(":")[1]);
      long watermark = Long.parseLong(f.split(":")[3]);
      assertTrue(watermark >= end, "fired before its time: " + f);
    }
    // sources pause 2 ms per poll and emit a watermark every 1 ms: windows close while data still flows
    assertTrue(fired.stream().anyMatch(f -> Long.parseLong(f.split(":")[3]) < Long.MAX_VALUE),
        "every window waited for the end of input: " + fired);
  }

  /** A source without event time still ends with the final watermark, so event-time timers fire at the end. */
  @Test
  void aSourceWithoutEventTimeFiresEveryTimerWhenItEnds() {
    Queue<String> fired = new ConcurrentLinkedQueue<>();
    new LocalCluster().run(EventTimeJob.withoutEventTime(1_000, fired), OPTIONS).orThrow();

    assertEquals(oracle(1_000), counts(fired));
    assertTrue(fired.stream().allMatch(f -> Long.parseLong(f.split(":")[3]) == Long.MAX_VALUE), fired.toString());
  }

  /**
   * Source subtask 1 stays silent until a window has fired; only its idleness lets subtask 0's
   * watermark through, so without idle marking this job never finishes.
   */
  @Test
  void anIdleSourceInstanceDoesNotHoldBackTheWatermark() {
    CountDownLatch hold = new CountDownLatch(1);
    Queue<String> fired = new ConcurrentLinkedQueue<>() {
      @Override
      public boolean add(String s) {
        hold.countDown();
        return super.add(s);
      }
    };
    new LocalCluster().run(EventTimeJob.plan(2_000, false, hold, 10, fired), OPTIONS).orThrow();

    // subtask 1's records arrive after subtask 0 moved the watermark on: late, they fire their windows again
    Map<String, Long> summed = new TreeMap<>();
    for (String f : fired) {
      String[] parts = f.split(":");
      summed.merge(parts[0] + ":" + parts[1], Long.parseLong(parts[2]), Long::sum);
    }
    assertEquals(oracle(2_000), summed);
  }

  /** The operator's processing-time timers fire while its input is quiet: the task waits for them, not only for input. */
  @Test
  void processingTimeTimersFireWhileTheInputWaits() {
    CountDownLatch hold = new CountDownLatch(3);
    Queue<String> fired = new ConcurrentLinkedQueue<>() {
      @Override
      public boolean add(String s) {
        hold.countDown();
        return super.add(s);
      }
    };
    // subtask 0 emits 0, 2, 4 (keys 0, 2, 1) then ends; subtask 1 waits for all three firings
    new LocalCluster().run(EventTimeJob.plan(6, true, hold, 0, fired), OPTIONS).orThrow();

    assertEquals(List.of("pt:0", "pt:1", "pt:2"), fired.stream().sorted().toList());
  }
}
