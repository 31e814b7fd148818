package io.weir.benchmarks.cluster;

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
 * W1's source for runs whose subtasks live in several processes: the same lines as
 * {@code WordLines} (through the same {@link LineShares}), plus a {@link SubtaskReport} line with
 * the time of its first record, printed at its end of input. The JVM-wide {@code RunTally} of the
 * embedded benchmark cannot see subtasks in other processes; these lines can be combined from
 * every process's output.
 */
@Job(name = ClusterLines.JOB)
@Source(job = ClusterLines.JOB)
public final class ClusterLines implements SourceReader<String> {
  public static final String JOB = "w1-cluster";
  private static final int LINES_PER_POLL = 256;

  @State ListState<LineRange> positions;
  @State(redistribution = Redistribution.UNION) ListState<Long> started;

  private LineShares share;
  private String run;
  private int subtask;
  private int parallelism;
  private long firstNanos;
  private long firstEpochMicros;
  private boolean marked;
  private boolean reported;

  @Override
  public void open(SourceContext context) {
    long lines = context.parameters().getLong("lines", -1);
    if (lines < 0) {
      throw new IllegalArgumentException("--lines is required");
    }
    share = LineShares.open(context, positions, started, lines);
    run = context.parameters().get("run", "-");
    subtask = context.subtaskIndex();
    parallelism = context.parallelism();
  }

  @Override
  public Status poll(Emitter<String> out) {
    if (!marked) {
      marked = true;
      firstNanos = System.nanoTime();
      firstEpochMicros = SubtaskReport.epochMicros();
    }
    share.emit(out, LINES_PER_POLL);
    if (!share.exhausted()) {
      return Status.MORE;
    }
    if (!reported) {
      reported = true;
      System.out.println(SubtaskReport.source(run, subtask, parallelism, firstNanos, firstEpochMicros, share.lines()));
      System.out.flush();
    }
    return Status.END_OF_INPUT;
  }
}
