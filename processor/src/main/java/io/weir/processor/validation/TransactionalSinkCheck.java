package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.RuntimeNames;
import io.weir.processor.Tag;
import io.weir.processor.model.Role;
import io.weir.processor.model.StateFieldModel;
import io.weir.processor.model.VertexModel;

/**
 * Checks the classes implementing {@code TwoPhaseCommitSink}: only a sink's transactions are
 * driven by checkpoints, and only per instance, so the class must be a {@code @Sink} that is not
 * {@code @Keyed}; its own {@code @State} must leave the runtime's reserved state name alone.
 */
final class TransactionalSinkCheck {
  private final Diagnostics diagnostics;

  TransactionalSinkCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(VertexModel vertex) {
    if (!vertex.transactional()) {
      return;
    }
    String what = vertex.describe();
    if (vertex.role() != Role.SINK) {
      diagnostics.error(Tag.TRANSACTIONAL_SINK, vertex.element(),
          what + " implements TwoPhaseCommitSink, but only a @Sink's transactions are pre-committed at"
              + " checkpoints and committed when they complete; a " + vertex.role().display() + " would never"
              + " see those calls.",
          "make the class a @Sink, or remove TwoPhaseCommitSink and emit to a transactional @Sink downstream.");
      return;
    }
    if (vertex.keyed()) {
      diagnostics.error(Tag.TRANSACTIONAL_SINK, vertex.element(), vertex.key().annotation(), null,
          what + " is @Keyed and implements TwoPhaseCommitSink, but a transaction belongs to a sink instance"
              + " (all keys it writes), not to a key.",
          "remove @Keyed: a transactional sink keeps what it needs per instance, in its transactions and in"
              + " operator state (@State ListState<T>).");
    }
    for (StateFieldModel state : vertex.states()) {
      if (state.stateName().equals(RuntimeNames.PENDING_TRANSACTIONS_STATE)) {
        diagnostics.error(Tag.TRANSACTIONAL_SINK, state.field(), state.annotation(), null,
            "@State field " + state.field().getSimpleName() + " of " + vertex.element().getSimpleName()
                + " is named \"" + state.stateName() + "\", the name under which Weir keeps the pending"
                + " transactions of " + what + ".",
            "give the state another name.");
      }
    }
  }
}
