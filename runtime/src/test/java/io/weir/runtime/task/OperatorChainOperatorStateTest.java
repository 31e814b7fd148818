package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.JobParameters;
import io.weir.runtime.fixtures.Received;
import io.weir.runtime.fixtures.ResumableJob;
import io.weir.runtime.graph.GraphOptions;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexPlan;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task-level snapshot API the checkpoint protocol will call: a running chain snapshots the
 * operator state of its source and sink between two polls, and a job started from that snapshot
 * at another parallelism continues where the chain stopped.
 */
@Timeout(60)
class OperatorChainOperatorStateTest {
  private static final String[] PARAMETERS = {"--partitions", "4", "--per-partition", "5"};

  @TempDir Path directory;

  /** The single chained task (Numbers -> Collect, Batches) of subtask 0 at parallelism 1. */
  private static OperatorChain chain(JobPlan plan) {
    PhysicalGraph graph = PhysicalGraph.build(plan, GraphOptions.defaults());
    assertEquals(1, graph.tasks().size(), graph.describe());
    TaskSpec task = graph.tasks().get(0);
    Map<String, RecordCounter> counters = new HashMap<>();
    for (VertexPlan v : task.vertices()) {
      counters.put(v.id(), new RecordCounter());
    }
    return new OperatorChain(new SubtaskSetup(plan.name(), JobParameters.of(PARAMETERS), new HeapStateBackend(),
        plan.maxParallelism(), task, 0, counters, new RecordCounter(), Map.of(), null, List.of(), null));
  }

  @Test
  void aJobStartedFromAChainSnapshotAtParallelismTwoContinuesWhereTheChainStopped() throws Exception {
    Queue<Received> before = new ConcurrentLinkedQueue<>();
    Queue<List<Long>> confirmedBefore = new ConcurrentLinkedQueue<>();
    OperatorChain chain = chain(ResumableJob.plan(1, before, confirmedBefore));
    chain.open();
    for (int i = 0; i < 4; i++) {
      chain.source().poll(chain.sourceOutput());
    }
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    Map<String, String> manifests = chain.snapshotOperatorState("cp-1", storage, Runnable::run).join();
    chain.finish();
    assertEquals(Map.of("numbers", "cp-1-op-numbers-0", "batches", "cp-1-op-batches-0"), manifests);
    assertEquals(List.of(List.of(0L, 1000L, 2000L)), List.copyOf(confirmedBefore)); // 3000 was pending

    Queue<Received> after = new ConcurrentLinkedQueue<>();
    Queue<List<Long>> confirmedAfter = new ConcurrentLinkedQueue<>();
    new LocalCluster().run(ResumableJob.plan(2, after, confirmedAfter), RunOptions.builder()
        .parameters(PARAMETERS)
        .restoreOperatorState(OperatorStateRestore.of(storage, List.of(manifests)))
        .build()).orThrow();

    List<Long> all = new ArrayList<>();
    before.forEach(r -> all.add((Long) r.record()));
    after.forEach(r -> all.add((Long) r.record()));
    assertEquals(LongStream.range(0, 4).flatMap(p -> LongStream.range(0, 5).map(o -> p * 1000 + o)).boxed().toList(),
        all.stream().sorted().toList(), "every record exactly once");
    // Batches: the restored pending 3000 went to new subtask 1 (even split of one element over two), whose
    // eight new records complete three batches with it; subtask 0 confirms two batches of its eight
    List<Long> confirmed = confirmedAfter.stream().flatMap(List::stream).sorted().toList();
    assertEquals(15, confirmed.size(), confirmed.toString());
    assertTrue(confirmed.contains(3000L), confirmed.toString());
    assertEquals(15, confirmed.stream().distinct().count());
  }
}
