package io.weir.runtime.task;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/**
 * A transaction of a {@link io.weir.api.TwoPhaseCommitSink} that was pre-committed at the barrier
 * of checkpoint {@code checkpointId} and is not known to be committed yet. Kept in the sink's
 * operator state (see {@link SubtaskOperatorState#PENDING_TRANSACTIONS}), so a restore commits it.
 *
 * @param checkpointId the checkpoint whose barrier pre-committed it ({@link Long#MAX_VALUE} at end of input)
 * @param handle what the sink's {@code preCommit} returned
 */
public record PendingTransaction(long checkpointId, String handle) {

  /** The format of the reserved state's elements: the checkpoint id, then the handle. */
  public static final TypeSerializer<PendingTransaction> SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(PendingTransaction value, BinaryOutput out) {
      out.writeLong(value.checkpointId());
      out.writeString(value.handle());
    }

    @Override
    public PendingTransaction deserialize(BinaryInput in) {
      return new PendingTransaction(in.readLong(), in.readString());
    }

    @Override
    public String formatId() {
      return "weir.pending-transaction";
    }
  };

  public PendingTransaction {
    if (handle == null) {
      throw new IllegalArgumentException("a pending transaction needs a handle");
    }
  }
}
