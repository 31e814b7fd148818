package io.weir.benchmarks.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;

/**
 * W1's source: lines {@code [0, --lines)} of {@link ZipfLines} with {@code --seed}. Like the
 * anchor's sequence source, instance i of n generates one contiguous share of the index range, so
 * the words are the same at every parallelism. Generating the line here does the work of the
 * anchor's chained {@code LineGen} map.
 */
@Job(name = WordLines.JOB)
@Source(job = WordLines.JOB)
public final class WordLines implements SourceReader<String> {
  public static final String JOB = "w1-wordcount";

  // a modest batch per poll, so the runtime regains control often (buffer timeouts)
  private static final int LINES_PER_POLL = 256;

  private long seed;
  private long next;
  private long end;
  private boolean started;

  @Override
  public void open(SourceContext context) {
    long lines = context.parameters().getLong("lines", -1);
    if (lines < 0) {
      throw new IllegalArgumentException("--lines is required");
    }
    seed = context.parameters().getLong("seed", ZipfLines.DEFAULT_SEED);
    int share = context.subtaskIndex();
    int shares = context.parallelism();
    next = lines * share / shares;
    end = lines * (share + 1) / shares;
  }

  @Override
  public Status poll(Emitter<String> out) {
    if (!started && next < end) {
      started = true;
      RunTally.markFirstRecord(System.nanoTime());
    }
    long stop = Math.min(end, next + LINES_PER_POLL);
    for (; next < stop; next++) {
      out.emit(ZipfLines.line(seed, next));
    }
    return next < end ? Status.MORE : Status.END_OF_INPUT;
  }
}
