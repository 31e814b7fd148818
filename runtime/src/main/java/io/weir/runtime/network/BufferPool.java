package io.weir.runtime.network;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded set of buffers one producing subtask serializes into. Buffers are created lazily up
 * to the capacity and recycled by the consumers; when all are in flight the producer blocks in
 * {@link #request()} until a consumer frees one. That wait is the backpressure: a slow consumer
 * slows its producers down instead of letting buffers pile up. Locking is per buffer, never per
 * record.
 */
public final class BufferPool implements BufferRecycler {
  private final int capacity;
  private final int bufferSize;
  private final ArrayDeque<NetworkBuffer> free;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private int allocated;
  private int inUse;
  private int maxInUse;
  private long waits;
  private boolean cancelled;

  public BufferPool(int capacity, int bufferSize) {
    if (capacity < 1 || bufferSize < 64) {
      throw new IllegalArgumentException("pool needs at least 1 buffer of at least 64 bytes, got " + capacity + " x " + bufferSize);
    }
    this.capacity = capacity;
    this.bufferSize = bufferSize;
    this.free = new ArrayDeque<>(capacity);
  }

  /** A free buffer; blocks while all are in flight. Throws {@link TaskCancelledException} once cancelled. */
  public NetworkBuffer request() {
    lock.lock();
    try {
      while (true) {
        if (cancelled) {
          throw new TaskCancelledException("cancelled while waiting for an output buffer");
        }
        NetworkBuffer buffer = free.pollFirst();
        if (buffer == null && allocated < capacity) {
          buffer = new NetworkBuffer(this, bufferSize);
          allocated++;
        }
        if (buffer != null) {
          inUse++;
          if (inUse > maxInUse) {
            maxInUse = inUse;
          }
          return buffer;
        }
        waits++;
        try {
          available.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // keep the status for whoever handles the cancellation
          throw new TaskCancelledException("interrupted while waiting for an output buffer");
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void recycle(NetworkBuffer buffer) {
    buffer.reset();
    lock.lock();
    try {
      free.addFirst(buffer); // LIFO: the most recently used array is the likeliest to be in cache
      inUse--;
      available.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes and fails every current and future {@link #request()}. */
  public void cancel() {
    lock.lock();
    try {
      cancelled = true;
      available.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public int capacity() {
    return capacity;
  }

  public int bufferSize() {
    return bufferSize;
  }

  /** The most buffers that were ever out of the pool at once (being filled, queued or being read). */
  public int maxInUse() {
    lock.lock();
    try {
      return maxInUse;
    } finally {
      lock.unlock();
    }
  }

  /** Buffers out of the pool right now. */
  public int inUse() {
    lock.lock();
    try {
      return inUse;
    } finally {
      lock.unlock();
    }
  }

  /** How often the producer had to wait for a buffer: a count of backpressure episodes. */
  public long waits() {
    lock.lock();
    try {
      return waits;
    } finally {
      lock.unlock();
    }
  }
}
