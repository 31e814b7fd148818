package io.weir.runtime.network;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single input queue of a consuming subtask: every channel into it (one per upstream subtask
 * and input edge) appends buffers here, tagged with the channel's index. Each producer appends in
 * order, so every channel's records and events stay ordered. The queue itself is unbounded, but
 * its length is bounded by the producers' {@link BufferPool}s.
 */
public final class InputGate implements ChannelTarget {
  private final int channels;
  private final ArrayDeque<NetworkBuffer> queue = new ArrayDeque<>();
  /** Priority events (unaligned barriers), read before anything in {@code queue}, in arrival order. */
  private final ArrayDeque<NetworkBuffer> priority = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private int maxQueued;
  private boolean cancelled;
  /** Set by {@link #wakeUp}: the consumer's current or next wait returns null once, so it can look at its mailbox. */
  private boolean woken;
  private Throwable failure;

  public InputGate(int channels) {
    this.channels = channels;
  }

  /** Number of channels feeding this gate. */
  public int channels() {
    return channels;
  }

  /** The consumer reads this gate in this process: producers here may hand it record objects. */
  @Override
  public boolean inProcess() {
    return true;
  }

  /** Called by producers in this process (and by the data plane for remote ones). */
  @Override
  public void add(NetworkBuffer buffer) {
    lock.lock();
    try {
      queue.addLast(buffer);
      if (queue.size() > maxQueued) {
        maxQueued = queue.size();
      }
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Queues an unaligned barrier ahead of every buffer already queued: the consumer reads it next
   * (after earlier priority events). The barrier passed on counts the data buffers of its channel it
   * overtook here, on top of those it overtook before reaching the gate, so the consumer knows how
   * many buffers that follow it on the channel still belong before the cut; the event buffer also
   * lists those queued here ({@link NetworkBuffer#overtakenInGate()}).
   */
  @Override
  public void addPriority(NetworkBuffer event) {
    if (!(event.event() instanceof CheckpointBarrier barrier)) {
      throw new IllegalArgumentException("only checkpoint barriers travel with priority, got " + event.event());
    }
    lock.lock();
    try {
      java.util.List<NetworkBuffer> overtaken = new java.util.ArrayList<>();
      for (NetworkBuffer queued : queue) {
        if (queued.channel() == event.channel() && !queued.isEvent()) {
          overtaken.add(queued);
        }
      }
      // the consumer copies the overtaken buffers when it reads the barrier, not when it gets to them:
      // under backpressure that may be long after, and the checkpoint would wait for it
      priority.addLast(overtaken.isEmpty() ? event
          : NetworkBuffer.priorityEvent(barrier.overtook(overtaken.size()), event.channel(), overtaken));
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  private NetworkBuffer next() {
    NetworkBuffer first = priority.pollFirst();
    return first != null ? first : queue.pollFirst();
  }

  /** The next buffer, or null when none is queued. Throws {@link TaskCancelledException} once cancelled. */
  public NetworkBuffer poll() {
    lock.lock();
    try {
      checkUsable("cancelled while reading input");
      return next();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next buffer, waiting for one; null when {@link #wakeUp} interrupted the wait. Throws
   * {@link TaskCancelledException} once cancelled.
   */
  public NetworkBuffer take() {
    lock.lock();
    try {
      while (true) {
        checkUsable("cancelled while waiting for input");
        NetworkBuffer buffer = next();
        if (buffer != null) {
          return buffer;
        }
        if (woken) {
          woken = false;
          return null;
        }
        try {
          notEmpty.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // keep the status for whoever handles the cancellation
          throw new TaskCancelledException("interrupted while waiting for input");
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next buffer, waiting at most {@code timeoutNanos}; null when none came in time or
   * {@link #wakeUp} interrupted the wait. Throws {@link TaskCancelledException} once cancelled.
   */
  public NetworkBuffer take(long timeoutNanos) {
    lock.lock();
    try {
      long remaining = timeoutNanos;
      while (true) {
        if (cancelled) {
          throw new TaskCancelledException("cancelled while waiting for input");
        }
        NetworkBuffer buffer = next();
        if (buffer != null || remaining <= 0) {
          return buffer;
        }
        if (woken) {
          woken = false;
          return null;
        }
        try {
          remaining = notEmpty.awaitNanos(remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TaskCancelledException("interrupted while waiting for input");
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes the consumer's current wait (or, if it is not waiting, its next one) return null once:
   * another thread left work in the task's mailbox (a checkpoint trigger or notification).
   */
  public void wakeUp() {
    lock.lock();
    try {
      woken = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes and fails the consumer's current and future reads. */
  public void cancel() {
    lock.lock();
    try {
      cancelled = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Wakes the consumer and fails its current and future reads with an {@link InputFailedException}
   * carrying {@code cause}: an input broke (e.g. a remote producer's connection was lost). The first
   * cause wins.
   */
  public void fail(Throwable cause) {
    lock.lock();
    try {
      if (failure == null) {
        failure = cause;
      }
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void checkUsable(String cancelledMessage) {
    if (failure != null) {
      throw new InputFailedException("input failed: " + failure.getMessage(), failure);
    }
    if (cancelled) {
      throw new TaskCancelledException(cancelledMessage);
    }
  }

  /** The longest the queue has been, in buffers. */
  public int maxQueued() {
    lock.lock();
    try {
      return maxQueued;
    } finally {
      lock.unlock();
    }
  }
}
