package io.weir.runtime.exactlyonce;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.exactlyonce.job.SequenceJobPlan;
import io.weir.runtime.local.JobHandle;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs of the sequences job in the embedded runtime with the options the acceptance tests vary. */
final class EmbeddedRuns {
  private final int keys;
  private final long perKey;
  private final Path output;
  private int parallelism = 2;
  private long rate;
  private CheckpointConfig checkpoints;
  private Path restoreFrom;
  private final List<String> extra = new ArrayList<>();
  private Consumer<RunOptions.Builder> tuning = b -> {};

  EmbeddedRuns(int keys, long perKey, Path output) {
    this.keys = keys;
    this.perKey = perKey;
    this.output = output;
  }

  EmbeddedRuns parallelism(int p) {
    this.parallelism = p;
    return this;
  }

  EmbeddedRuns rate(long perSecond) {
    this.rate = perSecond;
    return this;
  }

  EmbeddedRuns checkpoints(CheckpointConfig config) {
    this.checkpoints = config;
    return this;
  }

  EmbeddedRuns restoreFrom(Path path) {
    this.restoreFrom = path;
    return this;
  }

  EmbeddedRuns args(String... args) {
    extra.addAll(List.of(args));
    return this;
  }

  /** Further options (buffers, ...) applied last, after those given before. */
  EmbeddedRuns tune(Consumer<RunOptions.Builder> more) {
    this.tuning = tuning.andThen(more);
    return this;
  }

  RunOptions options() {
    List<String> args = new ArrayList<>(List.of("--keys", String.valueOf(keys), "--per-key", String.valueOf(perKey),
        "--rate", String.valueOf(rate), "--output", output.toString()));
    args.addAll(extra);
    RunOptions.Builder b = RunOptions.builder().parallelism(parallelism).parameters(args.toArray(String[]::new))
        .progressInterval(Duration.ofHours(1));
    if (checkpoints != null) {
      b.checkpointing(checkpoints);
    }
    if (restoreFrom != null) {
      b.restoreFrom(restoreFrom);
    }
    tuning.accept(b);
    return b.build();
  }

  JobHandle submit() {
    return new LocalCluster().submit(new SequenceJobPlan().plan(), options());
  }

  JobResult run() throws InterruptedException {
    return submit().await();
  }
}
