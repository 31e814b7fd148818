package io.weir.runtime.exactlyonce.job;

import io.weir.runtime.operator.KeySelector;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;

/** The key selectors the processor would generate: every record type of the job is keyed by its {@code key}. */
public final class Keys {
  private Keys() {}

  /** Keys {@link Event}s by key. */
  public static final class OfEvent implements KeySelector {
    @Override
    public Object key(int input, Object record) {
      return ((Event) record).key();
    }

    @Override
    public int keyHash(int input, Object record) {
      return ((Event) record).key().hashCode();
    }

    @Override
    public TypeSerializer<?> keySerializer() {
      return StringSerializer.INSTANCE;
    }
  }

  /** Keys {@link Counted} records by key. */
  public static final class OfCounted implements KeySelector {
    @Override
    public Object key(int input, Object record) {
      return ((Counted) record).key();
    }

    @Override
    public int keyHash(int input, Object record) {
      return ((Counted) record).key().hashCode();
    }

    @Override
    public TypeSerializer<?> keySerializer() {
      return StringSerializer.INSTANCE;
    }
  }
}
