package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint is self-contained and relocatable: moved to another directory after the job was
 * cancelled, it still restores, at another parallelism and onto another state backend, and the
 * final counts equal an uninterrupted run's.
 */
@Timeout(120)
class SavepointRelocationTest {
  private static final int PARTITIONS = 4;
  private static final long PER_PARTITION = 2500;
  private static final long PAUSE_AFTER = 1500;
  @TempDir Path temp;

  private static RunOptions.Builder options(String run, int parallelism) {
    return RunOptions.builder().parallelism(parallelism).parameters("--run", run, "--partitions",
        Integer.toString(PARTITIONS), "--per-partition", Long.toString(PER_PARTITION), "--pause-after",
        Long.toString(PAUSE_AFTER));
  }

  @Test
  void aMovedSavepointRestoresOntoRocksDbAtAnotherParallelism() throws Exception {
    String first = "relocate-first";
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2),
        options(first, 2).checkpointing(CheckpointConfig.disabled()).build());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (GatedWordCountJob.emitted(first).get() < 2 * PAUSE_AFTER) {
      assertFalse(job.result().isDone(), "the job ended before its sources paused");
      assertTrue(System.nanoTime() < deadline, "timed out waiting for the sources to pause");
      Thread.sleep(10);
    }
    CompletedCheckpoint savepoint = job.triggerSavepoint(temp.resolve("taken").toString()).get(60, TimeUnit.SECONDS);
    job.cancel();
    assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(60)).status());

    Path moved = Files.createDirectories(temp.resolve("elsewhere")).resolve("moved-savepoint");
    Files.move(Path.of(savepoint.location()), moved);
    assertFalse(Files.exists(Path.of(savepoint.location())));

    String second = "relocate-second";
    GatedWordCountJob.gate(second).set(true);
    JobResult resumed = new LocalCluster().run(GatedWordCountJob.plan(2),
        options(second, 1).stateBackend("rocksdb").restoreFrom(moved).build()).orThrow();
    assertEquals(1, resumed.vertex("Count").parallelism());
    assertEquals(PARTITIONS * PER_PARTITION - 2 * PAUSE_AFTER, GatedWordCountJob.emitted(second).get(),
        "the sources resume where the savepoint left them");
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(second));
  }
}
