package io.weir.runtime.local;

import io.weir.runtime.metrics.ProgressSnapshot;
import io.weir.runtime.metrics.VertexMetrics;
import io.weir.runtime.metrics.VertexProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns successive live counts into snapshots with rates since the previous snapshot. Timer thread only. */
final class ProgressTracker {
  private final JobExecution job;
  private long[] lastIn;
  private long[] lastOut;
  private long lastNanos;

  ProgressTracker(JobExecution job) {
    this.job = job;
  }

  ProgressSnapshot snapshot() {
    Duration elapsed = job.elapsed();
    List<VertexMetrics> metrics = job.metrics();
    long now = elapsed.toNanos();
    if (lastIn == null) {
      lastIn = new long[metrics.size()];
      lastOut = new long[metrics.size()];
    }
    double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
    List<VertexProgress> vertices = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      VertexMetrics v = metrics.get(i);
      long in = v.recordsIn();
      long out = v.recordsOut();
      vertices.add(new VertexProgress(v.name(), v.kind(), v.parallelism(), in, out,
          (in - lastIn[i]) / seconds, (out - lastOut[i]) / seconds));
      lastIn[i] = in;
      lastOut[i] = out;
    }
    lastNanos = now;
    return new ProgressSnapshot(job.jobName(), elapsed, vertices, job.checkpointStats());
  }
}
