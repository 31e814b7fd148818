package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A job whose teardown throws must still end: awaiting callers never hang. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JobTeardownTest {
  private static JobResult failed(Throwable cause) {
    return new JobResult("j", JobStatus.FAILED, Duration.ZERO, List.of(), List.of(), cause);
  }

  @Test
  void aTeardownThatReturnsCompletesWithItsResult() throws Exception {
    CompletableFuture<JobResult> result = new CompletableFuture<>();
    JobResult finished = new JobResult("j", JobStatus.FINISHED, Duration.ZERO, List.of(), List.of(), null);
    JobExecution.completeEvenIfTeardownFails(result, () -> finished, JobTeardownTest::failed);
    assertSame(finished, result.get(1, TimeUnit.SECONDS));
  }

  @Test
  void anErrorDuringTeardownEndsTheJobAsFailedWithThatError() throws Exception {
    CompletableFuture<JobResult> result = new CompletableFuture<>();
    NoClassDefFoundError error = new NoClassDefFoundError("io/weir/runtime/Gone");
    JobExecution.completeEvenIfTeardownFails(result, () -> { throw error; }, JobTeardownTest::failed);

    JobResult ended = result.get(1, TimeUnit.SECONDS);
    assertEquals(JobStatus.FAILED, ended.status());
    assertSame(error, ended.failure());
  }

  @Test
  void whenReportingTheFailureFailsTooTheResultCompletesExceptionally() {
    CompletableFuture<JobResult> result = new CompletableFuture<>();
    IllegalStateException first = new IllegalStateException("close failed");
    JobExecution.completeEvenIfTeardownFails(
        result, () -> { throw first; }, e -> { throw new OutOfMemoryError("again"); });

    assertTrue(result.isDone());
    ExecutionException thrown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, result::get);
    assertSame(first, thrown.getCause());
    assertEquals("again", first.getSuppressed()[0].getMessage());
  }
}
