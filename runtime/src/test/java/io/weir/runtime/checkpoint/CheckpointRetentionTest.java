package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.graph.TaskSpec;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which files survive: the retained checkpoints' files and every shared (incremental) file one of
 * them references; subsumed and aborted checkpoints lose the rest at the next completion.
 */
@Timeout(60)
class CheckpointRetentionTest extends CoordinatorTestSupport {
  private void start(int retained) {
    coordinator = new CheckpointCoordinator("wc", graph, CheckpointConfig.disabled().withDirectory("unused")
        .withRetained(retained), storage, transport, timer, io);
    coordinator.start();
  }

  /** Triggers checkpoint {@code id} and acknowledges it with keyed snapshots sharing {@code shared}. */
  private CompletedCheckpoint complete(long id, List<String> shared) throws Exception {
    CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
    assertEquals(id, transport.nextBarrier().checkpointId());
    tasks.acknowledgeAll(coordinator, id, shared);
    CompletedCheckpoint done = future.get(10, TimeUnit.SECONDS);
    coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    return done;
  }

  private List<String> filesOf(long id) throws Exception {
    try (Stream<Path> files = Files.list(storage.directory())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("chk-" + id + "-")).sorted().toList();
    }
  }

  private boolean exists(String file) {
    return Files.exists(storage.dataPath(file)) || Files.exists(storage.manifestPath(file));
  }

  @Test
  void aSubsumedCheckpointIsDeletedExceptFilesARetainedOneShares() throws Exception {
    start(1);
    complete(1, List.of());
    assertEquals(9, filesOf(1).size(), "metadata, 2 keyed manifests + files, 2 operator manifests + data");
    String shared = "chk-1-keyed-count-0-000001.sst";
    complete(2, List.of(shared));
    assertEquals(9, filesOf(1).size(), "kept one completion longer: a task may not have heard of 2 yet");

    complete(3, List.of(shared));
    assertEquals(List.of(shared), filesOf(1), "only the file checkpoint 3 still references is left");
    assertTrue(exists("chk-3-metadata"));
    assertEquals(9, filesOf(2).size(), "the checkpoint retained before the last completion");

    complete(4, List.of());
    assertEquals(List.of(shared), filesOf(1), "checkpoint 3, kept one completion longer, still references it");
    assertEquals(List.of(), filesOf(2));

    complete(5, List.of());
    assertEquals(List.of(), filesOf(1), "no kept checkpoint references it any more");
    assertEquals(List.of(4L, 5L), RestorePlanIds.ids(storage));
  }

  @Test
  void theLastRetainedCheckpointsStay() throws Exception {
    start(2);
    for (long id = 1; id <= 4; id++) {
      complete(id, List.of());
    }
    assertEquals(List.of(), filesOf(1));
    assertEquals(9, filesOf(2).size(), "retained before the last completion: kept until the next");
    assertEquals(9, filesOf(3).size());
    assertEquals(9, filesOf(4).size());
  }

  @Test
  void anAbortedCheckpointsFilesGoOnlyAtTheNextCompletion() throws Exception {
    start(1);
    complete(1, List.of());
    CompletableFuture<CompletedCheckpoint> doomed = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    TaskSpec source = graph.tasks().get(0);
    coordinator.acknowledge(tasks.write(2, source, 0, List.of(), false));
    coordinator.decline(2, 1, 1, "failed");
    assertThrows(ExecutionException.class, () -> doomed.get(10, TimeUnit.SECONDS));
    // a late writer of the aborted checkpoint, after the abort
    tasks.write(2, graph.tasks().get(1), 0, List.of(), false);
    coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    assertFalse(filesOf(2).isEmpty(), "aborted files stay until the next completion");

    // a task never bases a snapshot on an aborted checkpoint: one that names its file does not complete
    String referenced = "chk-2-keyed-count-0-000001.sst";
    CompletableFuture<CompletedCheckpoint> wrong = coordinator.triggerCheckpoint();
    assertEquals(3, transport.nextBarrier().checkpointId());
    tasks.acknowledgeAll(coordinator, 3, List.of(referenced));
    ExecutionException refused = assertThrows(ExecutionException.class, () -> wrong.get(10, TimeUnit.SECONDS));
    assertTrue(refused.getCause().getMessage().contains("reuses " + referenced), refused.getCause().getMessage());
    complete(4, List.of());
    assertEquals(List.of(), filesOf(2), "the aborted checkpoint's files go at the next completion");
    assertEquals(9, filesOf(1).size(), "retained before this completion: kept until the next");
  }

  @Test
  void aPendingCheckpointKeepsTheCheckpointsItMayReferenceAlive() throws Exception {
    start(1);
    complete(1, List.of());
    CompletableFuture<CompletedCheckpoint> two = coordinator.triggerCheckpoint();
    CompletableFuture<CompletedCheckpoint> three = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    transport.nextBarrier();
    tasks.acknowledgeAll(coordinator, 2, List.of());
    two.get(10, TimeUnit.SECONDS);
    coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    assertEquals(9, filesOf(1).size(), "checkpoint 3 was triggered while 1 was retained: it may share 1's files");

    tasks.acknowledgeAll(coordinator, 3, List.of("chk-1-keyed-count-1-000001.sst"));
    three.get(10, TimeUnit.SECONDS);
    coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    assertEquals(List.of("chk-1-keyed-count-1-000001.sst"), filesOf(1));
    assertEquals(9, filesOf(2).size(), "retained before this completion: kept until the next");
  }

  @Test
  void aRestoredCheckpointInTheSameDirectoryIsRetainedAndIdsContinueAfterIt() throws Exception {
    start(1);
    complete(1, List.of());
    coordinator.stop();
    coordinator = new CheckpointCoordinator("wc", graph, CheckpointConfig.disabled().withDirectory("unused"), storage,
        transport, timer, io);
    RestorePlan plan = RestorePlan.load(storage.directory(), graph, false);
    coordinator.restoredFrom(plan);
    coordinator.start();
    assertEquals(1, coordinator.latestCompleted().orElseThrow().id());
    complete(2, List.of("chk-1-keyed-count-0-000001.sst"));
    assertEquals(9, filesOf(1).size(), "the restored checkpoint is kept like a retained one");
    complete(3, List.of("chk-1-keyed-count-0-000001.sst"));
    assertEquals(List.of("chk-1-keyed-count-0-000001.sst"), filesOf(1));
  }

  @Test
  void anotherAttemptInTheSameDirectoryContinuesAfterLeftoverIdsAndDeletesTheLeftovers() throws Exception {
    start(1);
    complete(1, List.of());
    CompletableFuture<CompletedCheckpoint> interrupted = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    tasks.write(2, graph.tasks().get(1), 0, List.of(), false); // written, never acknowledged: the attempt failed
    coordinator.stop();
    assertThrows(ExecutionException.class, () -> interrupted.get(10, TimeUnit.SECONDS));

    coordinator = new CheckpointCoordinator("wc", graph, CheckpointConfig.disabled().withDirectory("unused"), storage,
        transport, timer, io);
    coordinator.restoredFrom(RestorePlan.load(storage.directory(), graph, false));
    coordinator.start();
    complete(3, List.of()); // not 2: its leftovers would collide
    assertEquals(9, filesOf(1).size(), "the restored checkpoint stays one completion longer");
    assertEquals(List.of(), filesOf(2), "the failed attempt's files go at the first completion");
    assertEquals(9, filesOf(3).size());
  }

  @Test
  void aJobResumedFromASavepointElsewhereContinuesItsIdsAndNeverDeletesIt() throws Exception {
    LocalDirectorySnapshotStorage savepoint = new LocalDirectorySnapshotStorage(temp.resolve("savepoint-wc-7-abcdef"));
    CheckpointTestPlans.write(graph, savepoint, 7, CheckpointType.SAVEPOINT, false);
    coordinator = new CheckpointCoordinator("wc", graph, CheckpointConfig.disabled().withDirectory("unused"), storage,
        transport, timer, io);
    coordinator.restoredFrom(RestorePlan.load(savepoint.directory(), graph, false));
    coordinator.start();
    assertTrue(coordinator.latestCompleted().isEmpty(), "a savepoint is not one of the job's checkpoints");
    complete(8, List.of());
    complete(9, List.of());
    assertEquals(List.of(7L), RestorePlanIds.ids(savepoint));
    try (Stream<Path> files = Files.list(savepoint.directory())) {
      assertEquals(9, files.count(), "every file of the savepoint stays");
    }
  }

  @Test
  void afterTheJobEndedOnlyTheRetainedCheckpointsStay() throws Exception {
    start(1);
    complete(1, List.of());
    complete(2, List.of("chk-1-keyed-count-0-000001.sst"));
    CompletableFuture<CompletedCheckpoint> interrupted = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    tasks.write(3, graph.tasks().get(1), 1, List.of(), false);
    coordinator.discardAbandonedCheckpoints(); // ignored while the job runs
    coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    assertFalse(filesOf(3).isEmpty());

    coordinator.stop();
    assertThrows(ExecutionException.class, () -> interrupted.get(10, TimeUnit.SECONDS));
    coordinator.discardAbandonedCheckpoints();
    coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(), filesOf(3), "interrupted by the end: nothing in it can be restored");
    assertEquals(9, filesOf(2).size());
    assertEquals(List.of("chk-1-keyed-count-0-000001.sst"), filesOf(1), "still shared by the retained checkpoint");
  }

  @Test
  void aCheckpointFinalizingWhenTheJobEndsCompletesBeforeTheEndOfJobDiscard() throws Exception {
    start(2);
    for (long id = 1; id <= 3; id++) {
      complete(id, List.of());
    }
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < ioThreads(); i++) { // the metadata write of 4 queues behind these
      io.execute(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    CompletableFuture<CompletedCheckpoint> last = coordinator.triggerCheckpoint();
    assertEquals(4, transport.nextBarrier().checkpointId());
    tasks.acknowledgeAll(coordinator, 4, List.of());
    coordinator.stop(); // every subtask acknowledged 4: it still completes
    coordinator.discardAbandonedCheckpoints();
    CompletableFuture<Void> idle = coordinator.cleanupIdle();
    Thread.sleep(50);
    assertFalse(idle.isDone(), "a checkpoint is still being finalized");
    release.countDown();
    assertEquals(4, last.get(10, TimeUnit.SECONDS).id());
    idle.get(10, TimeUnit.SECONDS);
    assertEquals(List.of(3L, 4L), RestorePlanIds.ids(storage), "retained=2 keeps exactly the two newest");
    assertEquals(List.of(), filesOf(2));
  }

  @Test
  void aCheckpointReusingFilesOfADeletedCheckpointAbortsInsteadOfCompletingUnrestorable() throws Exception {
    start(1);
    String stale = "chk-1-keyed-count-0-000001.sst";
    complete(1, List.of());
    complete(2, List.of());
    complete(3, List.of()); // checkpoint 1 is gone now
    assertEquals(List.of(), filesOf(1));
    // a subtask that had not heard of 2 and 3 completing bases its incremental snapshot on 1
    CompletableFuture<CompletedCheckpoint> late = coordinator.triggerCheckpoint();
    assertEquals(4, transport.nextBarrier().checkpointId());
    tasks.acknowledgeAll(coordinator, 4, List.of(stale));
    ExecutionException aborted = assertThrows(ExecutionException.class, () -> late.get(10, TimeUnit.SECONDS));
    assertTrue(aborted.getCause().getMessage().contains("reuses " + stale + ", which belongs to a checkpoint deleted"),
        aborted.getCause().getMessage());
    assertEquals(3, coordinator.latestCompleted().orElseThrow().id(), "the latest restorable checkpoint stays 3");
    assertFalse(exists("chk-4-metadata"));

    // one reusing the retained checkpoint's file completes, and that file outlives checkpoint 3
    String shared = "chk-3-keyed-count-0-000001.sst";
    complete(5, List.of(shared));
    complete(6, List.of());
    assertTrue(exists(shared), "checkpoint 5, kept one completion longer, still references it");
    complete(7, List.of());
    assertFalse(exists(shared));
  }
}
