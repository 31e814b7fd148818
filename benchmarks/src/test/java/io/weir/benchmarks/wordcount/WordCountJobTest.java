package io.weir.benchmarks.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark's W1 job on a small input: it must pass its own check, at every setting run.sh uses. */
@Timeout(120)
class WordCountJobTest {
  private static final long LINES = 30_000;

  private static JobResult run(int parallelism, boolean chainSingleInstance, long lines) {
    JobPlan plan = JobCatalog.load(WordCountJobTest.class.getClassLoader()).job(WordLines.JOB);
    return new LocalCluster().run(plan, RunOptions.builder()
        .parallelism(parallelism)
        .chainSingleInstanceExchanges(chainSingleInstance)
        .parameters("--lines", Long.toString(lines), "--seed", "42")
        .build());
  }

  @ParameterizedTest(name = "p={0}, chain single-instance exchanges={1}")
  @CsvSource({"1, true", "1, false", "2, true"})
  void everyWordReachesItsTotal(int parallelism, boolean chainSingleInstance) {
    RunTally.reset(WordCountCheck.forLines(42, LINES));
    JobResult result = run(parallelism, chainSingleInstance, LINES).orThrow();

    assertTrue(RunTally.passes(), "the anchor's check");
    assertEquals(LINES * ZipfLines.WORDS_PER_LINE, RunTally.updates());
    assertEquals(LINES * ZipfLines.WORDS_PER_LINE, result.vertex("CountWords").recordsIn());
    assertEquals(parallelism, result.vertex("CountWords").parallelism());
    assertTrue(RunTally.intervalSeconds() > 0, "both ends of the interval were marked");
  }

  @Test
  void frequentCheckpointsKeepEveryCountExact(@TempDir Path checkpoints) {
    RunTally.reset(WordCountCheck.forLines(42, LINES));
    JobPlan plan = JobCatalog.load(WordCountJobTest.class.getClassLoader()).job(WordLines.JOB);
    JobResult result = new LocalCluster().run(plan, RunOptions.builder()
        .parallelism(2)
        .parameters("--lines", Long.toString(LINES), "--seed", "42")
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(5), checkpoints.toString()))
        .build()).orThrow();

    assertTrue(RunTally.passes(), "the anchor's check with barriers flowing through the job");
    assertEquals(LINES * ZipfLines.WORDS_PER_LINE, RunTally.updates());
    assertNotSame(CheckpointStats.NONE, result.checkpoints(), "the job took part in checkpoints");
  }

  @Test
  void aRunOverOtherLinesFailsTheCheck() {
    RunTally.reset(WordCountCheck.forLines(42, LINES));
    run(1, true, LINES - 1).orThrow(); // one line short: ten updates missing
    assertEquals((LINES - 1) * ZipfLines.WORDS_PER_LINE, RunTally.updates());
    assertTrue(!RunTally.passes());
  }
}
