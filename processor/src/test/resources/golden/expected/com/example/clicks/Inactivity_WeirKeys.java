package com.example.clicks;

import io.weir.runtime.operator.KeySelector;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Extracts the key {@code user} of {@link Inactivity}'s inputs.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Inactivity_WeirKeys implements KeySelector {
  @Override
  public Object key(int input, Object record) {
    return switch (input) {
      case 0 -> ((Click) record).user();
      default -> throw new IllegalArgumentException("Inactivity has no input " + input);
    };
  }

  @Override
  public int keyHash(int input, Object record) {
    return switch (input) {
      case 0 -> ((Click) record).user().hashCode();
      default -> throw new IllegalArgumentException("Inactivity has no input " + input);
    };
  }

  @Override
  public TypeSerializer<?> keySerializer() {
    return StringSerializer.INSTANCE;
  }
}
