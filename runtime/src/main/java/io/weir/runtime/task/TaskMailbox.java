package io.weir.runtime.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Work other threads hand to a subtask's thread: checkpoint triggers and notifications. The user
 * objects and the state are the task thread's alone, so callers only queue a {@link Runnable} and
 * return; the task's loop runs the queued work between two records (source poll or input buffer).
 * A put wakes the task if it waits ({@code wakeUp}: the gate's wake-up, or an unpark).
 *
 * <p>Once the task has stopped running its loop, the mailbox is closed: work put afterwards (and
 * work still queued at closing) runs its {@code ifClosed} part instead, e.g. declining a
 * checkpoint the subtask can no longer take, on the caller's thread.
 */
final class TaskMailbox {
  /** A piece of work and what to do instead when the task can no longer run it. */
  private record Mail(Runnable action, Runnable ifClosed) {}

  private final ArrayDeque<Mail> queue = new ArrayDeque<>();
  private volatile boolean hasMail; // read per record by the task thread without taking the lock
  private boolean closed;
  private Runnable wakeUp = () -> {};

  /** What wakes the task when mail arrives; set by the task thread before its loop starts. */
  synchronized void wakeUpWith(Runnable wakeUp) {
    this.wakeUp = wakeUp;
  }

  /**
   * Queues {@code action} for the task thread and wakes it; if the mailbox is closed, runs
   * {@code ifClosed} right here instead. Thread-safe.
   */
  void put(Runnable action, Runnable ifClosed) {
    Runnable wake;
    synchronized (this) {
      if (!closed) {
        queue.addLast(new Mail(action, ifClosed));
        hasMail = true;
        wake = wakeUp;
      } else {
        wake = null;
      }
    }
    if (wake == null) {
      ifClosed.run();
    } else {
      wake.run();
    }
  }

  /** Whether work is queued; cheap (a volatile read), so the task loop checks it per record. */
  boolean hasMail() {
    return hasMail;
  }

  /** Runs every queued action on the calling (task) thread, including any queued while it runs. */
  void runAll() {
    while (true) {
      Mail mail;
      synchronized (this) {
        mail = queue.pollFirst();
        if (mail == null) {
          hasMail = false;
          return;
        }
      }
      mail.action().run();
    }
  }

  /** The task stopped running mail: every queued piece and every later one runs its {@code ifClosed} part. */
  void close() {
    List<Mail> left;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      left = new ArrayList<>(queue);
      queue.clear();
      hasMail = false;
    }
    for (Mail mail : left) {
      mail.ifClosed().run();
    }
  }
}
