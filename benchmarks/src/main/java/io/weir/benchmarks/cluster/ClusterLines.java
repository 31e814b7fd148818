package io.weir.benchmarks.cluster;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.benchmarks.wordcount.WordLines;

/**
 * W1's source for runs whose subtasks live in several processes: exactly {@link WordLines} (it
 * delegates to one), plus a {@link SubtaskReport} line with the time of its first record, printed
 * at its end of input. The JVM-wide {@code RunTally} of the embedded benchmark cannot see
 * subtasks in other processes; these lines can be combined from every process's output.
 */
@Job(name = ClusterLines.JOB)
@Source(job = ClusterLines.JOB)
public final class ClusterLines implements SourceReader<String> {
  public static final String JOB = "w1-cluster";

  private final WordLines lines = new WordLines();
  private String run;
  private int subtask;
  private int parallelism;
  private long share;
  private long firstNanos;
  private long firstEpochMicros;
  private boolean started;
  private boolean reported;

  @Override
  public void open(SourceContext context) {
    lines.open(context);
    run = context.parameters().get("run", "-");
    subtask = context.subtaskIndex();
    parallelism = context.parallelism();
    long total = context.parameters().getLong("lines", -1);
    share = total * (subtask + 1) / parallelism - total * subtask / parallelism; // as WordLines splits
  }

  @Override
  public Status poll(Emitter<String> out) {
    if (!started) {
      started = true;
      firstNanos = System.nanoTime();
      firstEpochMicros = SubtaskReport.epochMicros();
    }
    Status status = lines.poll(out);
    if (status == Status.END_OF_INPUT && !reported) {
      reported = true;
      System.out.println(SubtaskReport.source(run, subtask, parallelism, firstNanos, firstEpochMicros, share));
      System.out.flush();
    }
    return status;
  }
}
