package io.weir.runtime.jobmanager;

import io.weir.runtime.clusterjob.ClusterWordCountPlan;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.JobPlanProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A job plan whose loading takes as long as the test wants: {@link #plan()} signals {@link #entered}
 * and waits for {@link #release}. A job jar only names this class in its service file; the job's
 * class loader finds the class itself on the test class path (parent first), so the test and the
 * JobManager share these latches.
 */
public final class BlockingPlanProvider implements JobPlanProvider {
  static volatile CountDownLatch entered = new CountDownLatch(1);
  static volatile CountDownLatch release = new CountDownLatch(1);
  /** When set, the plan fails with this message once released. */
  static volatile String failure;

  static void reset() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
    failure = null;
  }

  @Override
  public JobPlan plan() {
    entered.countDown();
    try {
      if (!release.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the plan");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading", e);
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return new ClusterWordCountPlan().plan();
  }
}
