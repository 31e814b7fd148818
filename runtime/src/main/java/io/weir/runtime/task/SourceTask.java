package io.weir.runtime.task;

import io.weir.api.Emitter;
import io.weir.api.SourceReader;
import io.weir.runtime.network.TaskCancelledException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls a source until it reports END_OF_INPUT. On NOTHING_AVAILABLE it ships partly filled
 * buffers (nothing more is coming soon) and parks, 1 ms at first, doubling up to 10 ms while the
 * source stays idle. Between polls it emits the watermark of a source with event time (see
 * {@link SourceTime}). Every source, with event time or not, sends a final watermark at
 * {@code Long.MAX_VALUE} before END_OF_INPUT, so the event-time timers of a bounded job fire.
 * Checkpoint triggers run between two polls: the snapshot first, then the barrier on every output,
 * after the records of the polls before it.
 */
final class SourceTask extends SubtaskRunner {
  private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  SourceTask(SubtaskSetup setup, SubtaskListener listener, boolean flushEveryBatch) {
    super(setup, listener, flushEveryBatch);
  }

  @Override
  Runnable wakeUp() {
    Thread self = Thread.currentThread();
    return () -> LockSupport.unpark(self); // ends an idle back-off early
  }

  @Override
  protected void process(OperatorChain chain) {
    SourceReader<Object> reader = chain.source();
    Emitter<Object> output = chain.sourceOutput();
    TaskOperatorContext context = chain.sourceContext();
    SourceTime time = chain.sourceTime();
    boolean timers = chain.hasTimers(); // only when a keyed exchange of single instances was chained
    long backoff = 0;
    while (true) {
      checkCancelled();
      runMail();
      SourceReader.Status status;
      try {
        status = reader.poll(output);
      } catch (OperatorException | TaskCancelledException e) {
        throw e;
      } catch (Throwable t) {
        throw context.failure(null, t);
      }
      if (status == null) {
        throw context.failure("poll returned null instead of a status", null);
      }
      if (time != null) {
        time.afterPoll();
      }
      if (timers) {
        chain.fireProcessingTimers();
      }
      flushIfRequested(chain);
      switch (status) {
        case MORE -> backoff = 0;
        case NOTHING_AVAILABLE -> {
          chain.flush();
          backoff = backoff == 0 ? MIN_BACKOFF_NANOS : Math.min(2 * backoff, MAX_BACKOFF_NANOS);
          LockSupport.parkNanos(backoff);
        }
        case END_OF_INPUT -> {
          if (time != null) {
            time.endOfInput();
          } else {
            chain.advanceWatermark(Long.MAX_VALUE); // as any finished source: event-time timers downstream may fire
          }
          chain.closeSource();
          return;
        }
      }
    }
  }
}
