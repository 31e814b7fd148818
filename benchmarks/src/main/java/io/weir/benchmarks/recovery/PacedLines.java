package io.weir.benchmarks.recovery;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Redistribution;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.api.State;
import io.weir.benchmarks.wordcount.LineRange;
import io.weir.benchmarks.wordcount.LineShares;
import io.weir.state.ListState;

/**
 * The source of the kill-to-resume job: W1's lines (through {@link LineShares}, positions in
 * operator state, so a restarted attempt resumes from the checkpoint), paced at {@code --rate} lines
 * per second per instance, so the machine is not saturated and recovery is measured rather than a
 * backlog. Unbounded unless {@code --lines} is given: the driver cancels the job.
 */
@Job(name = PacedLines.JOB)
@Source(job = PacedLines.JOB)
public final class PacedLines implements SourceReader<String> {
  public static final String JOB = "kill-to-resume";
  private static final int MAX_PER_POLL = 256;

  @State ListState<LineRange> positions;
  @State(redistribution = Redistribution.UNION) ListState<Long> started;

  private LineShares share;
  private double linesPerNano;
  private long startNanos;
  private long emitted;

  @Override
  public void open(SourceContext context) {
    long lines = context.parameters().getLong("lines", 1L << 40);
    long rate = context.parameters().getLong("rate", 10_000);
    if (rate < 1) {
      throw new IllegalArgumentException("--rate must be at least 1 line per second");
    }
    share = LineShares.open(context, positions, started, lines);
    linesPerNano = rate / 1e9;
  }

  @Override
  public Status poll(Emitter<String> out) {
    if (startNanos == 0) {
      startNanos = System.nanoTime();
    }
    long due = (long) ((System.nanoTime() - startNanos) * linesPerNano) - emitted;
    if (due > 0) {
      emitted += share.emit(out, (int) Math.min(due, MAX_PER_POLL));
    }
    if (share.exhausted()) {
      return Status.END_OF_INPUT;
    }
    return due > MAX_PER_POLL ? Status.MORE : Status.NOTHING_AVAILABLE;
  }
}
