package io.weir.state.rocksdb;

import io.weir.state.ListState;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A key's list is one RocksDB value: elements as {@code [varint length][bytes]}, one after the
 * other. {@link #add} appends through the column family's merge operator (concatenation), so it
 * never reads the list.
 */
final class RocksListState<T> extends RocksState implements ListState<T> {
  private final TypeSerializer<T> serializer;
  private final BinaryOutput element = new BinaryOutput(64);
  private final BinaryOutput encoded = new BinaryOutput(128);

  RocksListState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<T> descriptor) {
    super(backend, column, descriptor);
    this.serializer = descriptor.serializer();
  }

  private byte[] encode(List<T> values) {
    encoded.clear();
    for (T value : values) {
      Objects.requireNonNull(value, "ListState with a null element");
      element.clear();
      serializer.serialize(value, element);
      encoded.writeVarInt(element.position());
      encoded.writeBytes(element.array(), 0, element.position());
    }
    return Arrays.copyOf(encoded.array(), encoded.position());
  }

  /** The element byte ranges of a stored list: {@code [offset, length]} pairs. */
  static List<int[]> elements(byte[] stored) {
    List<int[]> ranges = new ArrayList<>();
    BinaryInput in = new BinaryInput(stored);
    while (in.hasRemaining()) {
      int length = in.readVarInt();
      ranges.add(new int[] {in.position(), length});
      in.skip(length);
    }
    return ranges;
  }

  @Override
  public void add(T value) {
    merge(prefix(), encode(List.of(Objects.requireNonNull(value, "ListState.add(null)"))));
  }

  @Override
  public void addAll(List<T> values) {
    if (!values.isEmpty()) {
      merge(prefix(), encode(values));
    }
  }

  @Override
  public Iterable<T> get() {
    byte[] stored = get(prefix());
    if (stored == null) {
      return List.of();
    }
    List<T> values = new ArrayList<>();
    for (int[] range : elements(stored)) {
      values.add(serializer.deserialize(new BinaryInput(stored, range[0], range[1])));
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public void update(List<T> values) {
    if (values.isEmpty()) {
      clear();
    } else {
      put(prefix(), encode(values));
    }
  }

  @Override
  public void clear() {
    delete(prefix());
  }
}
