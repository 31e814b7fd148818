package io.weir.runtime.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Padding before {@link RecordCounter}'s value (superclass fields are laid out first). */
abstract class RecordCounterPadBefore {
  long p01, p02, p03, p04, p05, p06, p07, p08;
}

/** The count itself, between two pads. */
abstract class RecordCounterValue extends RecordCounterPadBefore {
  long value;
}

/** Padding after the value. */
abstract class RecordCounterPadAfter extends RecordCounterValue {
  long p11, p12, p13, p14, p15, p16, p17, p18;
}

/**
 * A count of records, written only by the task thread that owns it and read by anyone. Writes
 * and reads are opaque: no fence or lock on the hot path, never a torn value, and a reader on
 * another thread may see a slightly stale count. Exact once the writing thread has finished
 * (thread termination orders its writes before the job's result).
 *
 * <p>The value sits between 64 bytes of padding on either side: the counters of one vertex's
 * subtasks are allocated together, and unpadded, two task threads counting every record would
 * write the same cache line (false sharing), which costs a cross-core transfer per record.
 */
public final class RecordCounter extends RecordCounterPadAfter {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(RecordCounterValue.class, "value", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

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
