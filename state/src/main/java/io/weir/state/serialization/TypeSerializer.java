package io.weir.state.serialization;

/**
 * Writes values of one type to bytes and reads them back. The processor generates one per record
 * type; built-ins cover strings, primitives' boxes and the Kryo fallback. Implementations are
 * stateless and thread-safe unless they say otherwise (the Kryo fallback is per thread).
 */
public interface TypeSerializer<T> {

  /** Appends {@code value}, which is never null at the top level, to {@code out}. */
  void serialize(T value, BinaryOutput out);

  /** Reads one value written by {@link #serialize}. */
  T deserialize(BinaryInput in);

  /**
   * A name for this serializer's format, recorded with snapshots so that a restore can tell
   * whether it reads what was written (e.g. the generated class's name).
   */
  default String formatId() {
    return getClass().getName();
  }

  /** Version of the format; bumped when the bytes change for the same type. */
  default int formatVersion() {
    return 1;
  }

  /**
   * True when every value this serializer handles is deeply immutable (strings, boxes, records of
   * those): then a value may be shared between threads instead of copied, e.g. handed to a consumer
   * in the same process as the object itself rather than as bytes. False, the default, is always
   * safe; only say true when no value can change after it was created.
   */
  default boolean immutableValues() {
    return false;
  }
}
