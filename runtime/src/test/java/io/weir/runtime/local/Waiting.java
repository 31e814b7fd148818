package io.weir.runtime.local;

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
}
