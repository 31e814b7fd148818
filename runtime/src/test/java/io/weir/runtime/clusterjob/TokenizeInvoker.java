package io.weir.runtime.clusterjob;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;

/** flatMap: a line to its words (what the processor would generate for a Tokenize operator). */
public final class TokenizeInvoker implements OperatorInvoker<String> {
  @Override
  public void open(OperatorContext context, KeyedStateBackend state) {}

  @Override
  public void process(int input, Object record, Emitter<String> out) {
    String line = (String) record;
    int start = 0;
    for (int space; (space = line.indexOf(' ', start)) >= 0; start = space + 1) {
      out.emit(line.substring(start, space));
    }
    out.emit(line.substring(start));
  }

  @Override
  public void close() {}
}
