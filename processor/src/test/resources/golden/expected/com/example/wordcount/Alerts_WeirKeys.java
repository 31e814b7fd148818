package com.example.wordcount;

import io.weir.runtime.operator.KeySelector;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Extracts the key {@code word} of {@link Alerts}'s inputs.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Alerts_WeirKeys implements KeySelector {
  @Override
  public Object key(int input, Object record) {
    return switch (input) {
      case 0 -> ((Threshold) record).word();
      case 1 -> ((WordCount) record).word();
      default -> throw new IllegalArgumentException("Alerts has no input " + input);
    };
  }

  @Override
  public int keyHash(int input, Object record) {
    return switch (input) {
      case 0 -> ((Threshold) record).word().hashCode();
      case 1 -> ((WordCount) record).word().hashCode();
      default -> throw new IllegalArgumentException("Alerts has no input " + input);
    };
  }

  @Override
  public TypeSerializer<?> keySerializer() {
    return StringSerializer.INSTANCE;
  }
}
