package io.weir.runtime.network.remote;

import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.RecordWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A producing subtask in miniature: its own thread writes records through a RecordWriter, then END_OF_INPUT. */
final class Producer {
  final BufferPool pool;
  final CompletableFuture<Void> done = new CompletableFuture<>();
  final Thread thread;

  Producer(String name, BufferPool pool, Function<BufferPool, RecordWriter> writerFactory, Iterable<String> records) {
    this.pool = pool;
    RecordWriter writer = writerFactory.apply(pool);
    thread = new Thread(() -> {
      try {
        for (String record : records) {
          writer.emit(record);
        }
        writer.broadcastEvent(EndOfInput.INSTANCE);
        done.complete(null);
      } catch (Throwable t) {
        writer.releaseBuffers();
        done.completeExceptionally(t);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }

  static List<String> records(String prefix, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  /** Records without end: the producer runs until its channel fails. */
  static Iterable<String> endless(String prefix) {
    return () -> new java.util.Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public String next() {
        return prefix + "-" + next++;
      }
    };
  }
}
