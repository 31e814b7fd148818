package io.weir.runtime.exactlyonce.job;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.api.TwoPhaseCommitSink;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.TransactionalSinkBinding;
import io.weir.state.backend.KeyedStateBackend;

/** The invoker the processor generates for {@link SequenceFiles}. */
public final class SequenceFiles_WeirInvoker implements OperatorInvoker<Void>, TransactionalSinkBinding {
  private final SequenceFiles sink = new SequenceFiles();

  @Override
  public TwoPhaseCommitSink transactionalSink() {
    return sink;
  }

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
    sink.open(context);
  }

  @Override
  public void process(int input, Object record, Emitter<Void> out) throws Exception {
    sink.write((Verdict) record);
  }

  @Override
  public void close() throws Exception {
    sink.close();
  }
}
