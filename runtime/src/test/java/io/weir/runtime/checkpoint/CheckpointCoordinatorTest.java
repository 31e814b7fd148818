package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The coordinator against a fake transport and real snapshot storage in a temporary directory. */
@Timeout(60)
class CheckpointCoordinatorTest extends CoordinatorTestSupport {
  private CheckpointCoordinator coordinator(CheckpointConfig config) {
    coordinator = new CheckpointCoordinator("wc", graph, config, storage, transport, timer, io);
    return coordinator;
  }

  private static CheckpointConfig onDemand() {
    return CheckpointConfig.disabled().withDirectory("unused");
  }

  private boolean exists(String file) {
    return Files.exists(storage.dataPath(file)) || Files.exists(storage.manifestPath(file));
  }

  @Test
  void completesOnTheLastAcknowledgementWritesMetadataAndNotifies() throws Exception {
    coordinator(onDemand()).start();
    CompletableFuture<CompletedCheckpoint> first = coordinator.triggerCheckpoint();
    CheckpointBarrier barrier = transport.nextBarrier();
    assertEquals(1, barrier.checkpointId());
    assertEquals(CheckpointType.CHECKPOINT, barrier.options().type());
    assertEquals(2, transport.triggers.size(), "one trigger per source subtask");
    List<TaskSpec> all = graph.tasks();
    coordinator.acknowledge(tasks.write(1, all.get(0), 0, List.of(), false));
    coordinator.acknowledge(tasks.write(1, all.get(0), 1, List.of(), false));
    coordinator.acknowledge(tasks.write(1, all.get(1), 0, List.of(), false));
    Thread.sleep(50);
    assertFalse(first.isDone(), "three of four subtasks acknowledged");
    assertFalse(exists("chk-1-metadata"), "metadata is written last");
    coordinator.acknowledge(tasks.write(1, all.get(1), 1, List.of(), true));
    CompletedCheckpoint done = first.get(10, TimeUnit.SECONDS);

    assertEquals(1, done.id());
    assertEquals(storage.directory().toString(), done.location());
    assertEquals(List.of(1L), transport.completed);
    CheckpointMetadata read = CheckpointMetadataFormat.decode("m", storage.readManifest("chk-1-metadata"));
    assertEquals(done.metadata(), read);
    assertEquals("chk-1-keyed-count-1", read.vertex("count").subtasks().get(1).keyedManifest());
    assertEquals("chk-1-op-lines-0", read.vertex("lines").subtasks().get(0).operatorManifest());
    assertEquals("chk-1-ch-count-1", read.vertex("count").subtasks().get(1).channelState());
    assertEquals("", read.vertex("sink").subtasks().get(1).channelState(), "channel state is the head's");
    assertEquals(400, done.stateBytes());
    assertEquals(7, done.inFlightBytes());
    assertEquals(done, coordinator.latestCompleted().orElseThrow());

    CheckpointStats stats = coordinator.stats();
    assertEquals(1, stats.completed());
    assertEquals(0, stats.inProgress());
    CheckpointSummary summary = stats.lastCompleted().orElseThrow();
    assertEquals(CheckpointSummary.Status.COMPLETED, summary.status());
    assertEquals(2, summary.maxSyncMillis());
    assertEquals(11, summary.maxAsyncMillis());
    assertEquals(1, summary.maxAlignmentMillis());
    assertEquals(160, summary.writtenBytes());
    assertEquals(4, summary.acknowledged());
  }

  @Test
  void aNewerCompletionSubsumesAnOlderPendingCheckpoint() throws Exception {
    coordinator(onDemand()).start();
    CompletableFuture<CompletedCheckpoint> one = coordinator.triggerCheckpoint();
    CompletableFuture<CompletedCheckpoint> two = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    transport.nextBarrier();
    tasks.acknowledgeAll(coordinator, 2, List.of());
    assertEquals(2, two.get(10, TimeUnit.SECONDS).id());
    ExecutionException failed = assertThrows(ExecutionException.class, () -> one.get(10, TimeUnit.SECONDS));
    assertTrue(failed.getCause().getMessage().contains("subsumed by checkpoint 2"), failed.getCause().getMessage());
    assertEquals(List.of("abort 1", "complete 2"), transport.events);
    // late acknowledgements of the aborted checkpoint change nothing
    tasks.acknowledgeAll(coordinator, 1, List.of());
    Thread.sleep(50);
    assertEquals(2, coordinator.latestCompleted().orElseThrow().id());
    assertEquals(1, coordinator.stats().completed());
    assertEquals(1, coordinator.stats().failed());
  }

  @Test
  void checkpointsCompleteInTheOrderTheirAcknowledgementsComplete() throws Exception {
    coordinator(onDemand()).start();
    for (long id = 1; id <= 3; id++) {
      CompletableFuture<CompletedCheckpoint> next = coordinator.triggerCheckpoint();
      assertEquals(id, transport.nextBarrier().checkpointId());
      tasks.acknowledgeAll(coordinator, id, List.of());
      assertEquals(id, next.get(10, TimeUnit.SECONDS).id());
    }
    assertEquals(List.of(1L, 2L, 3L), transport.completed);
    assertEquals(List.of(1L, 2L, 3L), coordinator.stats().recent().stream().map(CheckpointSummary::id).toList());
  }

  @Test
  void aCheckpointNotAcknowledgedInTimeIsAborted() throws Exception {
    coordinator(onDemand().withTimeout(Duration.ofMillis(500))).start();
    SubtaskCheckpointAck onlyAck = tasks.write(1, graph.tasks().get(0), 0, List.of(), false); // files first: fsync is slow
    CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    coordinator.acknowledge(onlyAck);
    ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    CheckpointAbortedException cause = assertInstanceOf(CheckpointAbortedException.class, failed.getCause());
    assertEquals(1, cause.checkpointId());
    assertTrue(cause.getMessage().contains("timed out after 500 ms; 3 of 4 subtasks"), cause.getMessage());
    assertTrue(cause.getMessage().contains("Lines -> Tokenize (2/2)"), cause.getMessage());
    assertEquals(List.of(1L), transport.aborted);
    CheckpointSummary summary = coordinator.stats().lastFailed().orElseThrow();
    assertTrue(summary.failureReason().contains("timed out"));
    assertFalse(exists("chk-1-metadata"));
  }

  @Test
  void aDeclineAbortsTheCheckpointNamingTheSubtaskAndReason() throws Exception {
    coordinator(onDemand()).start();
    CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    coordinator.decline(1, 1, 0, "snapshot failed: disk full");
    ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    String message = failed.getCause().getMessage();
    assertTrue(message.contains("subtask Count -> Sink (1/2) declined: snapshot failed: disk full"), message);
    assertEquals(List.of(1L), transport.aborted);
    assertTrue(transport.completed.isEmpty());
    assertEquals(1, coordinator.stats().failed());
  }

  @Test
  void periodicCheckpointsRespectMaxConcurrent() throws Exception {
    coordinator(CheckpointConfig.every(Duration.ofMillis(20), "unused").withMaxConcurrent(2)).start();
    CheckpointBarrier first = transport.nextBarrier();
    CheckpointBarrier second = transport.nextBarrier();
    assertEquals(List.of(1L, 2L), List.of(first.checkpointId(), second.checkpointId()));
    assertNull(transport.pollBarrier(300), "two are pending: no third may start");
    assertEquals(2, coordinator.stats().inProgress());
    tasks.acknowledgeAll(coordinator, 1, List.of());
    assertEquals(3, transport.nextBarrier().checkpointId(), "a slot freed");
  }

  @Test
  void periodicCheckpointsPauseAfterTheEndOfThePrevious() throws Exception {
    long pause = 300;
    coordinator(CheckpointConfig.every(Duration.ofMillis(10), "unused").withMinPause(Duration.ofMillis(pause))).start();
    long previousEnd = 0;
    for (long id = 1; id <= 3; id++) {
      CheckpointBarrier barrier = transport.nextBarrier();
      assertEquals(id, barrier.checkpointId());
      if (previousEnd > 0) {
        assertTrue(barrier.timestampMillis() - previousEnd >= pause,
            "checkpoint " + id + " started " + (barrier.timestampMillis() - previousEnd) + " ms after the previous ended");
      }
      tasks.acknowledgeAll(coordinator, id, List.of());
      while (coordinator.latestCompleted().map(CompletedCheckpoint::id).orElse(0L) < id) {
        Thread.sleep(5);
      }
      previousEnd = coordinator.latestCompleted().orElseThrow().completedMillis();
    }
  }

  @Test
  void savepointGoesToItsOwnDirectoryAndIsNeverDeleted() throws Exception {
    coordinator(onDemand()).start();
    CompletableFuture<CompletedCheckpoint> future = coordinator.triggerSavepoint(temp.resolve("savepoints").toString());
    CheckpointBarrier barrier = transport.nextBarrier();
    assertTrue(barrier.options().isSavepoint());
    Path directory = Path.of(barrier.options().targetLocation());
    assertEquals(temp.resolve("savepoints").toAbsolutePath(), directory.getParent());
    assertTrue(directory.getFileName().toString().matches("savepoint-wc-1-[0-9a-f]{6}"), directory.toString());
    FakeTaskSnapshots savepointTasks = new FakeTaskSnapshots(graph, new LocalDirectorySnapshotStorage(directory));
    savepointTasks.acknowledgeAll(coordinator, 1, List.of());
    CompletedCheckpoint savepoint = future.get(10, TimeUnit.SECONDS);
    assertTrue(savepoint.isSavepoint());
    assertEquals(directory.toString(), savepoint.location());
    assertTrue(Files.exists(directory.resolve("chk-1-metadata.manifest")));
    assertTrue(coordinator.latestCompleted().isEmpty(), "savepoints are not retained checkpoints");

    for (long id = 2; id <= 3; id++) {
      coordinator.triggerCheckpoint();
      transport.nextBarrier();
      tasks.acknowledgeAll(coordinator, id, List.of());
    }
    while (coordinator.latestCompleted().map(CompletedCheckpoint::id).orElse(0L) < 3) {
      Thread.sleep(5);
    }
    coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    assertTrue(Files.exists(directory.resolve("chk-1-metadata.manifest")));
    assertTrue(Files.exists(directory.resolve("chk-1-keyed-count-0-000001.sst")));
  }

  @Test
  void aFinishedSubtaskAbortsPendingCheckpointsAndRefusesNewOnes() throws Exception {
    coordinator(onDemand()).start();
    CompletableFuture<CompletedCheckpoint> pending = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    coordinator.subtaskFinished(0, 1);
    ExecutionException aborted = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
    assertTrue(aborted.getCause().getMessage().contains("Lines -> Tokenize (2/2) finished"),
        aborted.getCause().getMessage());
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> coordinator.triggerSavepoint(temp.toString()).get(10, TimeUnit.SECONDS));
    assertTrue(refused.getCause().getMessage().contains("has finished (bounded input)"), refused.getCause().getMessage());
    assertEquals(List.of(1L), transport.aborted);
  }

  @Test
  void stopAbortsPendingCheckpoints() throws Exception {
    coordinator(onDemand()).start();
    CompletableFuture<CompletedCheckpoint> pending = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    coordinator.stop();
    assertTrue(pending.isCompletedExceptionally());
    assertEquals(List.of(1L), transport.aborted);
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> coordinator.triggerCheckpoint().get(10, TimeUnit.SECONDS));
    assertTrue(refused.getCause().getMessage().contains("no longer running"));
  }

  @Test
  void anAcknowledgementNamingAVertexOutsideItsTaskAbortsTheCheckpoint() throws Exception {
    coordinator(onDemand()).start();
    CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    coordinator.acknowledge(new SubtaskCheckpointAck(1, 0, 0, java.util.Map.of("count", "chk-1-keyed-count-0"),
        java.util.Map.of(), "", SubtaskCheckpointMetrics.NONE));
    ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertTrue(failed.getCause().getMessage().contains("keyed state of vertex count, which is not in its task"));
  }

  @Test
  void aFailedSavepointsDirectoryIsRemoved() throws Exception {
    coordinator(onDemand()).start();
    CompletableFuture<CompletedCheckpoint> future = coordinator.triggerSavepoint(temp.resolve("savepoints").toString());
    Path directory = Path.of(transport.nextBarrier().options().targetLocation());
    new FakeTaskSnapshots(graph, new LocalDirectorySnapshotStorage(directory)).write(1, graph.tasks().get(0), 0,
        List.of(), false);
    coordinator.decline(1, 1, 1, "cannot snapshot");
    ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertTrue(failed.getCause().getMessage().startsWith("savepoint 1 of job wc aborted"), failed.getCause().getMessage());
    while (Files.exists(directory)) {
      Thread.sleep(5); // deleted on the io executor; the test's timeout bounds the wait
    }
    assertTrue(Files.isDirectory(temp.resolve("savepoints")), "only the savepoint's own directory goes");
  }

  @Test
  void statsKeepCountsOfAllAndSummariesOfTheLastTen() throws Exception {
    coordinator(onDemand()).start();
    for (long id = 1; id <= 12; id++) {
      CompletableFuture<CompletedCheckpoint> next = coordinator.triggerCheckpoint();
      transport.nextBarrier();
      if (id == 11) {
        coordinator.decline(id, 0, 0, "busy");
        assertThrows(ExecutionException.class, () -> next.get(10, TimeUnit.SECONDS));
      } else {
        tasks.acknowledgeAll(coordinator, id, List.of());
        next.get(10, TimeUnit.SECONDS);
      }
    }
    CheckpointStats stats = coordinator.stats();
    assertEquals(11, stats.completed());
    assertEquals(1, stats.failed());
    assertEquals(0, stats.inProgress());
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L),
        stats.recent().stream().map(CheckpointSummary::id).toList());
    assertEquals(12, stats.lastCompleted().orElseThrow().id());
    assertEquals("subtask Lines -> Tokenize (1/2) declined: busy", stats.lastFailed().orElseThrow().failureReason());
    assertTrue(stats.describe().startsWith("checkpoints: 11 completed, 1 failed, 0 in progress; last "),
        stats.describe());
  }

  @Test
  void aSavepointThatEndsTheJobStopsEveryLaterCheckpointAndAFailedOneResumesThem() throws Exception {
    coordinator(CheckpointConfig.every(Duration.ofMillis(20), "unused")).start();
    CheckpointBarrier periodic = transport.nextBarrier();
    tasks.acknowledgeAll(coordinator, periodic.checkpointId(), List.of());

    CompletableFuture<CompletedCheckpoint> failing = coordinator.triggerFinalSavepoint(temp.resolve("sp").toString());
    CheckpointBarrier first = drainUntilSavepoint();
    assertNull(transport.pollBarrier(200), "no checkpoint starts after a savepoint that ends the job");
    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> coordinator.triggerCheckpoint().get(10, TimeUnit.SECONDS));
    assertTrue(refused.getCause().getMessage().contains("a savepoint that ends the job was triggered"),
        refused.getCause().getMessage());
    coordinator.decline(first.checkpointId(), 1, 0, "cannot snapshot");
    assertThrows(ExecutionException.class, () -> failing.get(10, TimeUnit.SECONDS));
    CheckpointBarrier resumed = transport.nextBarrier();
    assertFalse(resumed.options().isSavepoint(), "the job goes on: periodic checkpoints resume");
    tasks.acknowledgeAll(coordinator, resumed.checkpointId(), List.of());

    CompletableFuture<CompletedCheckpoint> last = coordinator.triggerFinalSavepoint(temp.resolve("sp").toString());
    CheckpointBarrier second = drainUntilSavepoint();
    new FakeTaskSnapshots(graph, new LocalDirectorySnapshotStorage(Path.of(second.options().targetLocation())))
        .acknowledgeAll(coordinator, second.checkpointId(), List.of());
    assertTrue(last.get(10, TimeUnit.SECONDS).isSavepoint());
    assertNull(transport.pollBarrier(200), "still none after it completed: the job is being cancelled");
  }

  /** Acknowledges periodic checkpoints triggered before the savepoint (they may complete) up to its barrier. */
  private CheckpointBarrier drainUntilSavepoint() throws Exception {
    while (true) {
      CheckpointBarrier barrier = transport.nextBarrier();
      if (barrier.options().isSavepoint()) {
        return barrier;
      }
      tasks.acknowledgeAll(coordinator, barrier.checkpointId(), List.of());
    }
  }
}
