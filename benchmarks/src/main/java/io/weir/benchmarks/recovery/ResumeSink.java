package io.weir.benchmarks.recovery;

import io.weir.api.OperatorContext;
import io.weir.api.Sink;
import io.weir.benchmarks.wordcount.WordCount;

/**
 * The sink of the kill-to-resume job. Each instance prints, to its process's standard output, one
 * {@link ResumeReport} line when it writes its first record after being opened (with the
 * {@link System#nanoTime()} of the open and of that record: one clock for every process of the
 * machine on Linux), and then a progress line about every {@code --progress-ms} (default 500 ms)
 * with its record count, so the driver can see that records keep flowing.
 */
@Sink(from = PacedCount.class)
public final class ResumeSink {
  private String run = "-";
  private int subtask;
  private int parallelism = 1;
  private long openNanos;
  private long progressNanos;
  private long nextProgressNanos;
  private long records;

  public void open(OperatorContext context) {
    openNanos = System.nanoTime();
    run = context.parameters().get("run", "-");
    subtask = context.subtaskIndex();
    parallelism = context.parallelism();
    progressNanos = context.parameters().getLong("progress-ms", 500) * 1_000_000L;
  }

  public void write(WordCount update) {
    if (records++ == 0) {
      long now = System.nanoTime();
      print(ResumeReport.first(run, subtask, parallelism, openNanos, now));
      nextProgressNanos = now + progressNanos;
    } else if ((records & 1023) == 0) { // nanoTime every 1024 records only
      long now = System.nanoTime();
      if (now >= nextProgressNanos) {
        print(ResumeReport.progress(run, subtask, parallelism, openNanos, now, records));
        nextProgressNanos = now + progressNanos;
      }
    }
  }

  public void close() {}

  private static void print(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
