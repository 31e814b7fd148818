package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.graph.GraphOptions;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the coordinator tests share: a 2-way word count graph, a fake transport, the coordinator's
 * timer and io threads, a real job checkpoint directory and fake task snapshots written into it.
 * The coordinator a test creates is stopped, and the threads shut down, after each test.
 */
abstract class CoordinatorTestSupport {
  @TempDir Path temp;
  final PhysicalGraph graph = PhysicalGraph.build(
      WordCountJob.plan("wc", 2, LambdaInvoker.collect(new ConcurrentLinkedQueue<>())), GraphOptions.defaults());
  final FakeCheckpointTransport transport = new FakeCheckpointTransport(2);
  ScheduledExecutorService timer;
  ExecutorService io;
  LocalDirectorySnapshotStorage storage;
  FakeTaskSnapshots tasks;
  CheckpointCoordinator coordinator;

  /** Threads of the io executor (deletion and metadata writing). */
  int ioThreads() {
    return 2;
  }

  @BeforeEach
  void setUpCoordinatorSupport() throws Exception {
    timer = Executors.newSingleThreadScheduledExecutor();
    io = Executors.newFixedThreadPool(ioThreads());
    storage = new LocalDirectorySnapshotStorage(temp.resolve("wc-1"));
    tasks = new FakeTaskSnapshots(graph, storage);
  }

  @AfterEach
  void tearDownCoordinatorSupport() throws Exception {
    if (coordinator != null) {
      coordinator.stop();
    }
    timer.shutdownNow();
    io.shutdownNow();
    assertTrue(timer.awaitTermination(10, TimeUnit.SECONDS));
  }
}
