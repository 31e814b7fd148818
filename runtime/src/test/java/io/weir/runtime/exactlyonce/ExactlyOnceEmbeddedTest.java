package io.weir.runtime.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.exactlyonce.job.SequenceFilesJobPlan;
import io.weir.runtime.exactlyonce.job.SequenceJobPlan;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sequences job in the embedded runtime without failures: the baseline every failure test is compared with. */
@Timeout(120)
class ExactlyOnceEmbeddedTest {
  private static final int KEYS = 50;
  private static final long PER_KEY = 200;

  @TempDir Path dir;

  private void runAndCheck(JobPlan plan) throws Exception {
    Path output = Files.createDirectories(dir.resolve("out"));
    JobResult result = new LocalCluster().run(plan, RunOptions.builder().parallelism(2)
        .parameters("--keys", String.valueOf(KEYS), "--per-key", String.valueOf(PER_KEY), "--output", output.toString())
        .build());
    result.orThrow();
    assertEquals(KEYS * PER_KEY, result.vertex("Committed").recordsIn());
    SequenceOracle.Report report = SequenceOracle.check(output, KEYS, PER_KEY);
    assertTrue(report.exact(), "the transactional sink commits its last transaction at the end of input: " + report);
  }

  @Test
  void anUninterruptedRunCommitsExactlyWhatTheOracleSays() throws Exception {
    runAndCheck(new SequenceJobPlan().plan());
  }

  @Test
  void theSameWithTheShippedTransactionalFileSink() throws Exception {
    runAndCheck(new SequenceFilesJobPlan().plan());
  }
}
