package io.weir.runtime.clusterjob;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * flatMap: a line to its words (what the processor would generate for a Tokenize operator).
 * {@code --fail-on WORD} throws when it meets that word: a job that fails in every attempt.
 * {@code --fail-trigger FILE} throws once when FILE appears (the subtask that deletes it throws):
 * a test fails the job exactly when it wants to, e.g. after a checkpoint completed.
 */
public final class TokenizeInvoker implements OperatorInvoker<String> {
  /** How many lines pass between two looks for the trigger file. */
  private static final int TRIGGER_CHECK_EVERY = 64;
  private String failOn;
  private Path failTrigger;
  private long lines;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) {
    failOn = context.parameters().get("fail-on", null);
    String trigger = context.parameters().get("fail-trigger", "");
    failTrigger = trigger.isEmpty() ? null : Path.of(trigger);
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
    if (failTrigger != null && ++lines % TRIGGER_CHECK_EVERY == 0 && deleted(failTrigger)) {
      throw new IllegalStateException("failing on request: " + failTrigger + " appeared");
    }
  }

  private static boolean deleted(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {}
}
