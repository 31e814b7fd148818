package io.weir.runtime.operator;

import io.weir.state.serialization.TypeSerializer;

/**
 * Extracts the key of a keyed operator's input records. Generated per keyed operator. The hash is
 * computed from the key's fields with Java's specified hash functions ({@code String.hashCode},
 * {@code Long.hashCode}, enum names, ...), never identity hashes, so every JVM puts a key in the
 * same key group, and without boxing primitive keys.
 */
public interface KeySelector {

  /** The key of {@code record}, arriving on input {@code input}, as used by keyed state. */
  Object key(int input, Object record);

  /** The stable hash of {@code record}'s key; equal keys have equal hashes in every JVM. */
  int keyHash(int input, Object record);

  /** Serializer of the key objects {@link #key} returns. */
  TypeSerializer<?> keySerializer();
}
