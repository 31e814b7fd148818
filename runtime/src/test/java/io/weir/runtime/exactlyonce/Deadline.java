package io.weir.runtime.exactlyonce;

import java.time.Duration;

/** A point in time the tests wait towards: every wait in these tests ends at one, with a message. */
final class Deadline {
  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  static Deadline in(Duration duration) {
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - endNanos >= 0;
  }

  long remainingMillis() {
    return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
  }

  /** Polls {@code condition} every {@code pollMillis} until it holds; fails with {@code what} at the deadline. */
  void await(String what, long pollMillis, ThrowingCondition condition) throws Exception {
    while (!condition.holds()) {
      if (passed()) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(pollMillis);
    }
  }

  /** A condition whose check may throw (an RPC, a file read). */
  interface ThrowingCondition {
    boolean holds() throws Exception;
  }
}
