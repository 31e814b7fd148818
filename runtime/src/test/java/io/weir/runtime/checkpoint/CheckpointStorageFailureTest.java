package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A slow or failing storage never stalls the coordinator's thread, and never fails the job through deletion. */
@Timeout(60)
class CheckpointStorageFailureTest extends CoordinatorTestSupport {
  @Override
  int ioThreads() {
    return 1;
  }

  /** Local storage whose metadata publishing or deleting can be made to fail. */
  private static final class FlakyStorage implements SnapshotStorage {
    private final SnapshotStorage delegate;
    volatile boolean failMetadata;
    volatile boolean failDeletes;

    FlakyStorage(SnapshotStorage delegate) {
      this.delegate = delegate;
    }

    @Override
    public OutputStream createDataFile(String name) throws IOException {
      return delegate.createDataFile(name);
    }

    @Override
    public void publishManifest(String name, byte[] bytes) throws IOException {
      if (failMetadata && name.endsWith("-metadata")) {
        throw new IOException("disk full");
      }
      delegate.publishManifest(name, bytes);
    }

    @Override
    public byte[] readManifest(String name) throws IOException {
      return delegate.readManifest(name);
    }

    @Override
    public byte[] readData(String name, long offset, int length) throws IOException {
      return delegate.readData(name, offset, length);
    }

    @Override
    public List<String> listManifests() throws IOException {
      return delegate.listManifests();
    }

    @Override
    public void delete(String name) throws IOException {
      if (failDeletes) {
        throw new IOException("permission denied");
      }
      delegate.delete(name);
    }
  }

  private CheckpointCoordinator start(SnapshotStorage storage, CheckpointConfig config) {
    coordinator = new CheckpointCoordinator("wc", graph, config, storage, transport, timer, io);
    coordinator.start();
    return coordinator;
  }

  @Test
  void aBlockedStorageDoesNotDelayTimeoutsOnTheCoordinatorThread() throws Exception {
    start(storage, CheckpointConfig.disabled().withDirectory("x").withTimeout(Duration.ofMillis(500)));
    List<SubtaskCheckpointAck> acks = new FakeTaskSnapshots(graph, storage).writeAll(1, List.of()); // fsync is slow
    CompletableFuture<CompletedCheckpoint> first = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    CountDownLatch release = new CountDownLatch(1);
    io.execute(() -> {
      try {
        release.await(); // the storage hangs: the metadata write of checkpoint 1 queues behind this
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    acks.forEach(coordinator::acknowledge);
    CompletableFuture<CompletedCheckpoint> second = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    ExecutionException timedOut = assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS));
    assertTrue(timedOut.getCause().getMessage().contains("timed out"), timedOut.getCause().getMessage());
    Thread.sleep(600);
    assertFalse(first.isDone(), "fully acknowledged: only its metadata is missing, and no timeout aborts it now");
    release.countDown();
    assertEquals(1, first.get(10, TimeUnit.SECONDS).id());
    assertEquals(List.of(2L), transport.aborted);
    assertEquals(List.of(1L), transport.completed);
  }

  @Test
  void aMetadataWriteThatFailsAbortsTheCheckpoint() throws Exception {
    FlakyStorage flaky = new FlakyStorage(storage);
    flaky.failMetadata = true;
    start(flaky, CheckpointConfig.disabled().withDirectory("x"));
    CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    new FakeTaskSnapshots(graph, storage).acknowledgeAll(coordinator, 1, List.of());
    ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertTrue(failed.getCause().getMessage().contains("writing its metadata chk-1-metadata failed"),
        failed.getCause().getMessage());
    assertTrue(failed.getCause().getMessage().contains("disk full"), failed.getCause().getMessage());
    assertEquals(List.of(1L), transport.aborted);
    assertTrue(coordinator.latestCompleted().isEmpty());
  }

  @Test
  void deletionFailuresAreLoggedAndCheckpointingGoesOn() throws Exception {
    FlakyStorage flaky = new FlakyStorage(storage);
    flaky.failDeletes = true;
    start(flaky, CheckpointConfig.disabled().withDirectory("x"));
    FakeTaskSnapshots tasks = new FakeTaskSnapshots(graph, storage);
    for (long id = 1; id <= 3; id++) {
      CompletableFuture<CompletedCheckpoint> future = coordinator.triggerCheckpoint();
      transport.nextBarrier();
      tasks.acknowledgeAll(coordinator, id, List.of());
      assertEquals(id, future.get(10, TimeUnit.SECONDS).id());
      coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    }
    assertTrue(Files.exists(storage.manifestPath("chk-1-metadata")), "could not be deleted, and that is all");
    flaky.failDeletes = false;
    CompletableFuture<CompletedCheckpoint> fourth = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    tasks.acknowledgeAll(coordinator, 4, List.of());
    fourth.get(10, TimeUnit.SECONDS);
    coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(3L, 4L), RestorePlanIds.ids(storage),
        "the next completion deletes what was left (3 stays one completion longer, as any retained one)");
  }

  @Test
  void stopLetsACheckpointEverySubtaskAcknowledgedComplete() throws Exception {
    start(storage, CheckpointConfig.disabled().withDirectory("x"));
    List<SubtaskCheckpointAck> acks = new FakeTaskSnapshots(graph, storage).writeAll(1, List.of());
    CompletableFuture<CompletedCheckpoint> whole = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    CountDownLatch release = new CountDownLatch(1);
    io.execute(() -> {
      try {
        release.await(); // its metadata write waits behind this
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    acks.forEach(coordinator::acknowledge);
    CompletableFuture<CompletedCheckpoint> partial = coordinator.triggerCheckpoint();
    transport.nextBarrier();
    coordinator.stop();
    assertThrows(ExecutionException.class, () -> partial.get(10, TimeUnit.SECONDS));
    release.countDown();
    assertEquals(1, whole.get(10, TimeUnit.SECONDS).id(), "whole on disk: it completes");
    assertEquals(List.of(2L), transport.aborted);
    assertEquals(List.of(1L), RestorePlanIds.ids(storage));
  }
}
