package com.example.wordcount;

import io.weir.runtime.operator.KeySelector;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Extracts the key {@code text} of {@link Count}'s inputs.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Count_WeirKeys implements KeySelector {
  @Override
  public Object key(int input, Object record) {
    return switch (input) {
      case 0 -> ((Word) record).text();
      default -> throw new IllegalArgumentException("Count has no input " + input);
    };
  }

  @Override
  public int keyHash(int input, Object record) {
    return switch (input) {
      case 0 -> ((Word) record).text().hashCode();
      default -> throw new IllegalArgumentException("Count has no input " + input);
    };
  }

  @Override
  public TypeSerializer<?> keySerializer() {
    return StringSerializer.INSTANCE;
  }
}
