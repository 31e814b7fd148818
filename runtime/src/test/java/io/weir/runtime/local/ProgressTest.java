package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.metrics.ProgressListener;
import io.weir.runtime.metrics.ProgressSnapshot;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProgressTest {

  @Test
  void listenerGetsGrowingSnapshotsOneAtATimeThenTheResultOnce() throws Exception {
    List<ProgressSnapshot> snapshots = new CopyOnWriteArrayList<>();
    List<JobResult> finished = new CopyOnWriteArrayList<>();
    AtomicBoolean inside = new AtomicBoolean();
    AtomicBoolean overlapped = new AtomicBoolean();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void onProgress(ProgressSnapshot snapshot) {
        enter();
        snapshots.add(snapshot);
        leave();
      }

      @Override
      public void onJobFinished(JobResult result) {
        enter();
        finished.add(result);
        leave();
      }

      private void enter() {
        if (!inside.compareAndSet(false, true)) {
          overlapped.set(true);
        }
      }

      private void leave() {
        inside.set(false);
      }
    };
    JobPlan plan = JobPlan.builder("progress")
        .source("s", "Endless", "t.Endless", 1, Sources.unbounded(new Lifecycle()), TestSerializers.LONG)
        .sink("k", "Sink", "t.Sink", 2, LambdaInvoker.of((i, in, r, out) -> {}), List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();
    RunOptions options = RunOptions.builder().progressInterval(Duration.ofMillis(20)).progressListener(listener).build();

    JobHandle handle = new LocalCluster().submit(plan, options);
    Waiting.until(() -> snapshots.size() >= 3 && snapshots.get(snapshots.size() - 1).vertex("Sink").recordsIn() > 0);
    handle.cancel();
    JobResult result = handle.await(Duration.ofSeconds(30));
    int seen = snapshots.size();

    assertEquals(1, finished.size());
    assertSame(result, finished.get(0));
    assertFalse(overlapped.get(), "never called concurrently");
    ProgressSnapshot last = snapshots.get(seen - 1);
    assertEquals("progress", last.jobName());
    assertEquals(List.of("Endless", "Sink"), last.vertices().stream().map(v -> v.name()).toList());
    for (int i = 1; i < seen; i++) {
      assertTrue(snapshots.get(i).vertex("Endless").recordsOut() >= snapshots.get(i - 1).vertex("Endless").recordsOut());
      assertTrue(snapshots.get(i).elapsed().compareTo(snapshots.get(i - 1).elapsed()) > 0);
    }
    assertTrue(snapshots.stream().anyMatch(s -> s.vertex("Endless").outPerSecond() > 0));
    Thread.sleep(60);
    assertEquals(seen, snapshots.size(), "no progress after the end");
  }

  @Test
  void aThrowingListenerNeitherFailsNorBlocksTheJob() throws Exception {
    JobPlan plan = JobPlan.builder("listener-throws")
        .source("s", "Numbers", "t.Numbers", 1, Sources.range("s", 100, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), List.of("t.Tagged"), null)
        .edge("s", "k", 0, Partitioning.FORWARD)
        .build();
    ProgressListener broken = new ProgressListener() {
      @Override
      public void onProgress(ProgressSnapshot snapshot) {
        throw new AssertionError("listener bug");
      }

      @Override
      public void onJobFinished(JobResult result) {
        throw new AssertionError("listener bug");
      }
    };
    JobHandle handle = new LocalCluster().submit(plan, RunOptions.builder().progressListener(broken)
        .progressInterval(Duration.ofMillis(1)).build());
    assertEquals(JobStatus.FINISHED, handle.await(Duration.ofSeconds(30)).status());
  }

  @Test
  void liveAndFinalCountsAgree() throws Exception {
    AtomicReference<JobResult> fromListener = new AtomicReference<>();
    JobPlan plan = JobPlan.builder("counts")
        .source("s", "Numbers", "t.Numbers", 2, Sources.range("s", 10_000, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Sink", "t.Sink", 3, LambdaInvoker.of((i, in, r, out) -> {}), List.of("t.Tagged"), null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();
    JobHandle handle = new LocalCluster().submit(plan, RunOptions.builder().progressListener(new ProgressListener() {
      @Override
      public void onProgress(ProgressSnapshot snapshot) {}

      @Override
      public void onJobFinished(JobResult result) {
        fromListener.set(result);
      }
    }).build());
    JobResult result = handle.await(Duration.ofSeconds(30)).orThrow();
    assertSame(result, fromListener.get(), "the listener hears of the end before await returns");
    assertEquals(10_000, result.vertex("Sink").recordsIn());
    assertEquals(result.vertices(), handle.metrics(), "live metrics settle on the final counts");
    long perSubtask = result.vertex("Numbers").subtasks().stream().mapToLong(s -> s.recordsOut()).sum();
    assertEquals(10_000, perSubtask);
  }
}
