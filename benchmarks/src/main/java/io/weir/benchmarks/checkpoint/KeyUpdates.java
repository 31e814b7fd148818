package io.weir.benchmarks.checkpoint;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;

/**
 * The source of the checkpoint-size job: first every key of its share of {@code [0, --keys)} once,
 * as fast as it can (the load); then, until the job is cancelled, {@code --churn} of all keys per
 * second (the job's total, split over the instances) updated at random, paced, so that later
 * checkpoints have a little new state (what an incremental checkpoint uploads).
 */
@Job(name = KeyUpdates.JOB)
@Source(job = KeyUpdates.JOB)
public final class KeyUpdates implements SourceReader<KeyUpdate> {
  public static final String JOB = "checkpoint-size";
  private static final int PER_POLL = 512;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long keys;
  private long next;
  private long end;
  private double updatesPerNano;
  private long churnStartNanos;
  private long churned;
  private long random;
  private boolean loaded;

  @Override
  public void open(SourceContext context) {
    keys = context.parameters().getLong("keys", -1);
    if (keys < 1) {
      throw new IllegalArgumentException("--keys must be at least 1");
    }
    double churn = Double.parseDouble(context.parameters().get("churn", "0.01"));
    int share = context.subtaskIndex();
    int shares = context.parallelism();
    next = keys * share / shares;
    end = keys * (share + 1) / shares;
    updatesPerNano = churn * keys / shares / 1e9;
    random = share * GOLDEN_GAMMA + 1;
  }

  @Override
  public Status poll(Emitter<KeyUpdate> out) {
    if (!loaded) {
      long stop = Math.min(end, next + PER_POLL);
      for (; next < stop; next++) {
        out.emit(new KeyUpdate(next, next));
      }
      if (next >= end) {
        loaded = true;
        churnStartNanos = System.nanoTime();
        StateLoad.instanceLoaded();
      }
      return Status.MORE;
    }
    long due = (long) ((System.nanoTime() - churnStartNanos) * updatesPerNano) - churned;
    if (due <= 0) {
      return Status.NOTHING_AVAILABLE;
    }
    long batch = Math.min(due, PER_POLL);
    for (long i = 0; i < batch; i++) {
      long key = Math.floorMod(mix(random += GOLDEN_GAMMA), keys);
      out.emit(new KeyUpdate(key, churned + i));
    }
    churned += batch;
    return Status.MORE;
  }

  /** SplitMix64's finalizer: a well-spread key from a counter. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
