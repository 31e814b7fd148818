package io.weir.benchmarks.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Redistribution;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.api.State;
import io.weir.state.ListState;

/**
 * W1's source: lines {@code [0, --lines)} of {@link ZipfLines} with {@code --seed}. Like the
 * anchor's sequence source, instance i of n generates one contiguous share of the index range, so
 * the words are the same at every parallelism, and keeps its position in operator state, so a
 * checkpointed run (W2) can resume. Generating the line here does the work of the anchor's chained
 * {@code LineGen} map.
 */
@Job(name = WordLines.JOB)
@Source(job = WordLines.JOB)
public final class WordLines implements SourceReader<String> {
  public static final String JOB = "w1-wordcount";

  // a modest batch per poll, so the runtime regains control often (buffer timeouts, barriers)
  private static final int LINES_PER_POLL = 256;

  @State ListState<LineRange> positions;
  @State(redistribution = Redistribution.UNION) ListState<Long> started;

  private LineShares share;
  private boolean marked;

  @Override
  public void open(SourceContext context) {
    long lines = context.parameters().getLong("lines", -1);
    if (lines < 0) {
      throw new IllegalArgumentException("--lines is required");
    }
    share = LineShares.open(context, positions, started, lines);
  }

  @Override
  public Status poll(Emitter<String> out) {
    if (!marked && !share.exhausted()) {
      marked = true;
      RunTally.markFirstRecord(System.nanoTime());
    }
    share.emit(out, LINES_PER_POLL);
    return share.exhausted() ? Status.END_OF_INPUT : Status.MORE;
  }
}
