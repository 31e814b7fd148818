package io.weir.runtime.local;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for a condition in tests; the test's @Timeout bounds the wait. */
final class Waiting {
  private Waiting() {}

  static void until(BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      }
    }
  }

  /**
   * Waits up to 60 s for {@code condition} while {@code job} runs; fails naming {@code what} if the
   * job ends first (with its failure as the cause) or the time is up.
   */
  static void forJob(JobHandle job, BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (job.result().isDone()) {
        JobResult result = job.result().join();
        throw new AssertionError("job ended " + result.status() + " while waiting for " + what, result.failure());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /**
   * Lets the two sources of a {@link GatedWordCountJob} run {@code step} lines further, {@code steps}
   * times; after each step waits for them to get there and for two more completed checkpoints.
   */
  static void stepsWithCheckpoints(JobHandle job, String run, long step, int steps) throws InterruptedException {
    for (int i = 1; i <= steps; i++) {
      long limit = i * step;
      GatedWordCountJob.limit(run).set(limit);
      long before = job.checkpointStats().completed();
      forJob(job, () -> GatedWordCountJob.emitted(run).get() >= 2 * limit, "the sources to reach " + limit);
      forJob(job, () -> job.checkpointStats().completed() >= before + 2, "checkpoints in step " + i);
    }
  }
}
