package io.weir.runtime.clusterjob;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.KeySelector;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;

/** Keyed by the word: counts it in keyed state and emits the running count. */
public final class CountInvoker implements OperatorInvoker<WordCount> {
  private ValueState<Long> count;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) {
    count = state.valueState(StateDescriptor.value("count", LongSerializer.INSTANCE));
  }

  @Override
  public void process(int input, Object record, Emitter<WordCount> out) {
    Long seen = count.value();
    long now = seen == null ? 1 : seen + 1;
    count.update(now);
    out.emit(new WordCount((String) record, now));
  }

  @Override
  public void close() {}

  /** The key of a word is the word. */
  public static final class WordKeys implements KeySelector {
    @Override
    public Object key(int input, Object record) {
      return record;
    }

    @Override
    public int keyHash(int input, Object record) {
      return record.hashCode();
    }

    @Override
    public TypeSerializer<?> keySerializer() {
      return StringSerializer.INSTANCE;
    }
  }
}
