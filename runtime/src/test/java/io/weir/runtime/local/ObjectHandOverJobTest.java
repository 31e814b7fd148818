package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.graph.GraphOptions;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The keyed exchange of a word count (strings, an immutable type) handing over the word objects
 * between subtasks: exact final counts (no word lost or counted twice) with and without the
 * hand-over, across aligned and unaligned checkpoints and a restore.
 */
@Timeout(120)
class ObjectHandOverJobTest {
  private static final int PARTITIONS = 6;
  private static final long PER_PARTITION = 3000;
  @TempDir Path temp;

  /** StringSerializer's format, immutable, counting how often it serializes. */
  private static final class CountingStrings implements TypeSerializer<String> {
    final AtomicLong serialized = new AtomicLong();

    @Override
    public void serialize(String value, BinaryOutput out) {
      serialized.incrementAndGet();
      StringSerializer.INSTANCE.serialize(value, out);
    }

    @Override
    public String deserialize(BinaryInput in) {
      return StringSerializer.INSTANCE.deserialize(in);
    }

    @Override
    public boolean immutableValues() {
      return true;
    }
  }

  private static RunOptions.Builder options(String run, int parallelism, boolean handOver, String... more) {
    return GatedWordCountJob.options(run, PARTITIONS, PER_PARTITION, parallelism, more).handOverObjects(handOver);
  }

  /** Without checkpoints the words cross the exchange as objects: never serialized, yet counted exactly. */
  @ParameterizedTest(name = "handOver={0}")
  @ValueSource(booleans = {true, false})
  void wordsCrossTheKeyedExchangeAsObjectsOnlyWhenHandedOver(boolean handOver) {
    String run = "plain-" + handOver;
    CountingStrings words = new CountingStrings();
    GatedWordCountJob.gate(run).set(true);
    new LocalCluster().run(GatedWordCountJob.plan(2, words), options(run, 2, handOver).build()).orThrow();
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(run));
    if (handOver) {
      assertEquals(0, words.serialized.get(), "handed over as objects");
    } else {
      assertTrue(words.serialized.get() > 0, "serialized when the hand-over is off");
    }
  }

  /**
   * A savepoint of a job whose keyed exchange hands over words with their key groups, resumed at
   * another parallelism: every word's state must have been filed under its true key group.
   */
  @Test
  void aSavepointTakenWhileWordsAreHandedOverResumesAtAnotherParallelism() throws Exception {
    String first = "objects-savepoint";
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2, StringSerializer.INSTANCE),
        options(first, 2, true, "--pause-after", "4000").checkpointing(CheckpointConfig.disabled()).build());
    long half = 2 * 4000;
    Waiting.forJob(job, () -> GatedWordCountJob.emitted(first).get() >= half, "both sources to reach their pause");
    io.weir.runtime.checkpoint.CompletedCheckpoint savepoint =
        job.triggerSavepoint(temp.resolve("savepoints").toString()).get(60, TimeUnit.SECONDS);
    job.cancel();
    job.await(Duration.ofSeconds(60));

    String second = "objects-savepoint-resumed";
    GatedWordCountJob.gate(second).set(true);
    JobResult resumed = new LocalCluster().run(GatedWordCountJob.plan(3, StringSerializer.INSTANCE),
        options(second, 3, true).restoreFrom(Path.of(savepoint.location())).build()).orThrow();
    assertEquals(3, resumed.vertex("Count").parallelism());
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(second));
  }

  @Test
  void alignedCheckpointsWhileObjectsFlowKeepCountsExact() throws Exception {
    String run = "aligned-objects";
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2, StringSerializer.INSTANCE),
        options(run, 2, true, "--pause-after", "1000").bufferTimeout(Duration.ofMillis(5))
            .checkpointing(CheckpointConfig.every(Duration.ofMillis(20), temp.toString())).build());
    Waiting.forJob(job, () -> job.checkpointStats().completed() >= 2, "completed checkpoints");
    GatedWordCountJob.gate(run).set(true);
    JobResult result = job.await(Duration.ofSeconds(60)).orThrow();
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(run));
    assertTrue(result.checkpoints().completed() >= 2);
  }

  /**
   * Unaligned checkpoints taken while words flow as objects (small buffers: many in flight), then a
   * restore from the last one: the in-flight words, stored as bytes, are replayed once, so the
   * resumed job ends with the exact counts. Run with and without the hand-over.
   */
  @ParameterizedTest(name = "handOver={0}")
  @ValueSource(booleans = {true, false})
  void unalignedCheckpointsOfHandedOverWordsRestoreToExactCounts(boolean handOver) throws Exception {
    String run = "unaligned-" + handOver;
    long step = 1500;
    Path checkpoints = temp.resolve("checkpoints");
    CountingStrings words = new CountingStrings();
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2, words),
        options(run, 2, handOver, "--pause-after", "" + step).bufferSize(256).bufferTimeout(Duration.ofMillis(50))
            .checkpointing(CheckpointConfig.every(Duration.ofMillis(5), checkpoints.toString()).withUnaligned(true)
                .withRetained(1)).build());
    Waiting.stepsWithCheckpoints(job, run, step, 2);
    job.cancel();
    job.await(Duration.ofSeconds(60));
    Path jobDir;
    try (Stream<Path> dirs = Files.list(checkpoints)) {
      jobDir = dirs.findFirst().orElseThrow();
    }
    RestorePlan plan = RestorePlan.load(jobDir, PhysicalGraph.build(GatedWordCountJob.plan(2, words),
        new GraphOptions(2, Map.of(), true)), false);
    boolean inFlight = plan.metadata().vertices().stream().anyMatch(v -> v.hasChannelState());

    String second = run + "-restored";
    GatedWordCountJob.gate(second).set(true);
    new LocalCluster().run(GatedWordCountJob.plan(2, words), options(second, 2, handOver).restoreFrom(jobDir).build())
        .orThrow();
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(second),
        "in-flight data " + (inFlight ? "stored" : "none"));
  }
}
