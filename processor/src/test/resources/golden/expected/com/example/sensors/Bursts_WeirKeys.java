package com.example.sensors;

import io.weir.runtime.operator.KeySelector;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Extracts the key {@code sensor} of {@link Bursts}'s inputs.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Bursts_WeirKeys implements KeySelector {
  @Override
  public Object key(int input, Object record) {
    return switch (input) {
      case 0 -> ((Reading) record).sensor();
      default -> throw new IllegalArgumentException("Bursts has no input " + input);
    };
  }

  @Override
  public int keyHash(int input, Object record) {
    return switch (input) {
      case 0 -> ((Reading) record).sensor().hashCode();
      default -> throw new IllegalArgumentException("Bursts has no input " + input);
    };
  }

  @Override
  public TypeSerializer<?> keySerializer() {
    return StringSerializer.INSTANCE;
  }
}
