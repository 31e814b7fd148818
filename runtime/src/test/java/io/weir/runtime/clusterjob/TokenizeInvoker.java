package io.weir.runtime.clusterjob;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;

/**
 * flatMap: a line to its words (what the processor would generate for a Tokenize operator).
 * {@code --fail-on WORD} throws when it meets that word: a job that fails in every attempt.
 */
public final class TokenizeInvoker implements OperatorInvoker<String> {
  private String failOn;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) {
    failOn = context.parameters().get("fail-on", null);
  }

  @Override
  public void process(int input, Object record, Emitter<String> out) {
    String line = (String) record;
    int start = 0;
    for (int space; (space = line.indexOf(' ', start)) >= 0; start = space + 1) {
      out.emit(line.substring(start, space));
    }
    out.emit(line.substring(start));
    if (failOn != null && line.contains(failOn)) {
      throw new IllegalStateException("met the word " + failOn);
    }
  }

  @Override
  public void close() {}
}
