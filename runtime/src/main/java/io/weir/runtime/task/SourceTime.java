package io.weir.runtime.task;

import io.weir.api.Emitter;
import io.weir.api.WatermarkGenerator;
import io.weir.runtime.time.SourceEventTime;
import io.weir.runtime.time.SourceTimestamps;
import java.time.Duration;

/**
 * The event time of one source instance, on its task thread: reads each emitted record's
 * timestamp and shows it to the watermark generator, emits the generator's watermark every
 * interval (checked between polls), marks the instance idle after its idle timeout without records
 * and active again at the next record, and emits the final watermark when the input ends.
 */
final class SourceTime {
  private final OperatorChain chain;
  private final SourceTimestamps timestamps;
  private final WatermarkGenerator<Object> generator;
  private final long intervalNanos;
  private final long idleTimeoutNanos;
  private final TaskOperatorContext context;
  private long nextEmitNanos;
  private long lastRecordNanos;
  private boolean sawRecord;
  private boolean idle;

  @SuppressWarnings("unchecked")
  SourceTime(OperatorChain chain, SourceEventTime eventTime, Duration interval, TaskOperatorContext context) {
    this.chain = chain;
    this.timestamps = eventTime.timestamps();
    this.context = context;
    WatermarkGenerator<Object> created;
    try {
      created = (WatermarkGenerator<Object>) eventTime.watermarks().get();
    } catch (Throwable t) {
      throw context.failure("could not create its watermark generator", t);
    }
    this.generator = created;
    this.intervalNanos = interval.toNanos();
    this.idleTimeoutNanos = Duration.ofMillis(eventTime.idleTimeoutMillis()).toNanos();
    long now = System.nanoTime();
    this.nextEmitNanos = now + intervalNanos;
    this.lastRecordNanos = now;
  }

  /** The source's emitter: timestamps each record for the generator, then passes it to {@code out}. */
  Emitter<Object> wrap(Object reader, Emitter<Object> out) {
    return record -> {
      if (record != null) {
        long timestamp;
        try {
          timestamp = timestamps.timestamp(reader, record);
          generator.onEvent(record, timestamp);
        } catch (OperatorException e) {
          throw e;
        } catch (Throwable t) {
          throw context.failure("could not read the event time of " + record, t);
        }
        sawRecord = true;
        if (idle) {
          idle = false;
          chain.setIdle(false); // before the record, so downstream counts this channel again
        }
      }
      out.emit(record);
    };
  }

  /** Between two polls: emits the watermark when the interval has passed, and marks the instance idle when due. */
  void afterPoll() {
    long now = System.nanoTime();
    if (sawRecord) {
      sawRecord = false;
      lastRecordNanos = now;
    }
    if (now - nextEmitNanos >= 0) {
      nextEmitNanos = now + intervalNanos;
      if (!idle) {
        long watermark;
        try {
          watermark = generator.currentWatermark();
        } catch (Throwable t) {
          throw context.failure("its watermark generator failed", t);
        }
        chain.advanceWatermark(watermark);
      }
    }
    if (idleTimeoutNanos > 0 && !idle && now - lastRecordNanos >= idleTimeoutNanos) {
      idle = true;
      chain.setIdle(true);
    }
  }

  /** The input ended: every event-time timer downstream is now due. */
  void endOfInput() {
    if (idle) {
      idle = false;
      chain.setIdle(false);
    }
    chain.advanceWatermark(Long.MAX_VALUE);
  }
}
