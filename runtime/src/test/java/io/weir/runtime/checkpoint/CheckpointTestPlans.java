package io.weir.runtime.checkpoint;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.fixtures.WordCount;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.graph.GraphOptions;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Word-count graphs for restore tests, and checkpoints of them written without a coordinator. */
final class CheckpointTestPlans {
  private CheckpointTestPlans() {}

  /** {@code source} -> Tokenize -> Count (keyed) -> Sink; the source's vertex id is {@code sourceId}. */
  static JobPlan plan(String sourceId, int maxParallelism) {
    return JobPlan.builder("wc").defaultParallelism(2).maxParallelism(maxParallelism)
        .source(sourceId, "Lines", WordCountJob.Lines.class.getName() + sourceId, 0, WordCountJob.Lines::new,
            TestSerializers.STRING)
        .operator("tokenize", "Tokenize", WordCountJob.Tokenize.class.getName(), 0, WordCountJob.TokenizeInvoker::new,
            TestSerializers.STRING, List.of("java.lang.String"), null)
        .operator("count", "Count", WordCountJob.Count.class.getName(), 0, WordCountJob.CountInvoker::new,
            TestSerializers.WORD_COUNT, List.of("java.lang.String"), new WordCountJob.WordKeys())
        .sink("sink", "Sink", "io.weir.runtime.fixtures.Sink", 0, LambdaInvoker.collect(new ConcurrentLinkedQueue<>()),
            List.of(WordCount.class.getName()), null)
        .edge(sourceId, "tokenize", 0, Partitioning.FORWARD)
        .edge("tokenize", "count", 0, Partitioning.HASH)
        .edge("count", "sink", 0, Partitioning.FORWARD)
        .build();
  }

  static PhysicalGraph graph(JobPlan plan, int parallelism) {
    return PhysicalGraph.build(plan, new GraphOptions(parallelism, Map.of(), true));
  }

  /**
   * Writes checkpoint {@code id} of {@code graph} into {@code storage} the way the coordinator does:
   * every subtask's files, then the metadata. {@code withChannelState}: the keyed task stored in-flight data.
   */
  static CheckpointMetadata write(PhysicalGraph graph, SnapshotStorage storage, long id, CheckpointType type,
      boolean withChannelState) throws Exception {
    CheckpointOptions options = type == CheckpointType.SAVEPOINT ? CheckpointOptions.savepoint("somewhere")
        : new CheckpointOptions(CheckpointType.CHECKPOINT, io.weir.runtime.checkpoint.CheckpointingMode.EXACTLY_ONCE,
            withChannelState, 0, "");
    PendingCheckpoint pending = new PendingCheckpoint(id, options, 1000, graph, storage, "", Set.of());
    FakeTaskSnapshots tasks = new FakeTaskSnapshots(graph, storage);
    for (TaskSpec task : graph.tasks()) {
      for (int s = 0; s < task.parallelism(); s++) {
        pending.acknowledge(tasks.write(id, task, s, List.of(), withChannelState && !task.isSource()));
      }
    }
    CheckpointMetadata metadata = pending.metadata(1100);
    storage.publishManifest(metadata.metadataName(), CheckpointMetadataFormat.encode(metadata));
    return metadata;
  }
}
