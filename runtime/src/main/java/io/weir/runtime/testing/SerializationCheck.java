package io.weir.runtime.testing;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.Arrays;

/**
 * Round-trips records through their serializer the way the network would, and insists that the
 * reader consumes exactly what the writer wrote and that the copy serializes to the same bytes.
 * That catches the usual serializer bugs (fields skipped, swapped or read with the wrong width)
 * without relying on the record type's {@code equals}.
 */
final class SerializationCheck {
  private final TypeSerializer<Object> serializer;
  private final String owner;
  private final BinaryOutput first = new BinaryOutput(256);
  private final BinaryOutput second = new BinaryOutput(256);
  private final BinaryInput input = new BinaryInput();

  @SuppressWarnings("unchecked")
  SerializationCheck(TypeSerializer<?> serializer, String owner) {
    this.serializer = (TypeSerializer<Object>) serializer;
    this.owner = owner;
  }

  /** The record as a consumer on the other side of the network would see it. */
  Object roundTrip(Object record) {
    first.clear();
    serializer.serialize(record, first);
    input.reset(first.array(), 0, first.position());
    Object copy = serializer.deserialize(input);
    if (input.hasRemaining()) {
      throw new AssertionError(describe() + " read " + (first.position() - input.remaining()) + " of the "
          + first.position() + " bytes it wrote for " + record);
    }
    second.clear();
    serializer.serialize(copy, second);
    if (!Arrays.equals(first.array(), 0, first.position(), second.array(), 0, second.position())) {
      throw new AssertionError(describe() + " does not round-trip " + record + ": its copy " + copy
          + " serializes to different bytes");
    }
    return copy;
  }

  private String describe() {
    return "serializer " + serializer.formatId() + " of " + owner;
  }
}
