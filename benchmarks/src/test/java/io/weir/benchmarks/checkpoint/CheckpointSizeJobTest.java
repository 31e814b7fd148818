package io.weir.benchmarks.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.local.JobHandle;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The checkpoint-size job: every instance loads its share of the keys, signals it, then keeps updating until cancelled. */
@Timeout(120)
class CheckpointSizeJobTest {
  @Test
  void everyKeyIsWrittenBeforeTheLoadIsReportedDone() throws Exception {
    long keys = 50_000;
    StateLoad.reset();
    JobPlan plan = JobCatalog.load(CheckpointSizeJobTest.class.getClassLoader()).job(KeyUpdates.JOB);
    JobHandle job = new LocalCluster().submit(plan, RunOptions.builder()
        .parallelism(2)
        .parameters("--keys", Long.toString(keys), "--churn", "0.5")
        .build());
    try {
      while (StateLoad.loadedInstances() < 2 && job.status() == JobStatus.RUNNING) {
        Thread.sleep(10);
      }
      assertEquals(2, StateLoad.loadedInstances(), "both instances loaded (job " + job.status() + ")");
      assertTrue(StateLoad.lastLoadedMillis() > 0);
      Thread.sleep(300); // churn: 25,000 updates per second over both instances
    } finally {
      job.cancel();
    }
    JobResult result = job.await(Duration.ofSeconds(60));
    assertEquals(JobStatus.CANCELED, result.status());
    long written = result.vertex("StoreValues").recordsIn();
    assertTrue(written > keys, "the load (" + keys + " keys) and then some updates: " + written);
  }
}
