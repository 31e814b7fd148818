package io.weir.runtime.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A count of records, written only by the task thread that owns it and read by anyone. Writes
 * and reads are opaque: no fence or lock on the hot path, never a torn value, and a reader on
 * another thread may see a slightly stale count. Exact once the writing thread has finished
 * (thread termination orders its writes before the job's result).
 */
public final class RecordCounter {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(RecordCounter.class, "value", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private long value;

  /** Owner thread only. */
  public void increment() {
    VALUE.setOpaque(this, value + 1);
  }

  /** Owner thread only. */
  public void add(long n) {
    VALUE.setOpaque(this, value + n);
  }

  /** Any thread. */
  public long get() {
    return (long) VALUE.getOpaque(this);
  }

  @Override
  public String toString() {
    return Long.toString(get());
  }
}
