package io.weir.runtime.operator;

import io.weir.api.TwoPhaseCommitSink;

/**
 * Implemented by the generated invoker of a {@code @Sink} class that implements
 * {@link TwoPhaseCommitSink}: gives the runtime the sink instance, whose transactions it drives
 * through checkpoints.
 */
public interface TransactionalSinkBinding {

  /** The user's sink instance. */
  TwoPhaseCommitSink transactionalSink();
}
