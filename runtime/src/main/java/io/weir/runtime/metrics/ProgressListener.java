package io.weir.runtime.metrics;

import io.weir.runtime.local.JobResult;

/**
 * Follows a running job. Never called concurrently with itself:
 * {@link #onProgress} from the job's timer thread at most once per progress interval, then
 * {@link #onJobFinished} once, after the last progress call has returned.
 * Implementations should return quickly; an exception is logged and otherwise ignored.
 */
public interface ProgressListener {

  void onProgress(ProgressSnapshot snapshot);

  /** Called once when the job has finished, failed or been cancelled. */
  default void onJobFinished(JobResult result) {}
}
