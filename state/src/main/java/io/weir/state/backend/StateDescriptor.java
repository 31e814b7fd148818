package io.weir.state.backend;

import io.weir.api.AggregateFunction;
import io.weir.api.ReduceFunction;
import io.weir.state.serialization.TypeSerializer;
import java.util.Objects;

/**
 * What a keyed state is: its name (unique within an operator, stable across versions of a job),
 * its kind, the serializer of its values and, for reducing state, the fold. For aggregating state
 * {@code T} is the accumulator type; for map state it is the map's value type and
 * {@link #mapKeySerializer()} serializes the map's keys. The generated invoker
 * builds one per {@code @State} field; backends use it to create and, later, snapshot the state.
 */
public final class StateDescriptor<T> {

  /** The shape of a state. */
  public enum Kind {
    VALUE,
    LIST,
    REDUCING,
    AGGREGATING,
    MAP
  }

  private final String name;
  private final Kind kind;
  private final TypeSerializer<T> serializer;
  private final ReduceFunction<T> reducer;
  private final AggregateFunction<?, T, ?> aggregator;
  private final TypeSerializer<?> mapKeySerializer;

  private StateDescriptor(String name, Kind kind, TypeSerializer<T> serializer, ReduceFunction<T> reducer) {
    this(name, kind, serializer, reducer, null, null);
  }

  private StateDescriptor(String name, Kind kind, TypeSerializer<T> serializer, ReduceFunction<T> reducer,
      AggregateFunction<?, T, ?> aggregator, TypeSerializer<?> mapKeySerializer) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.reducer = reducer;
    this.aggregator = aggregator;
    this.mapKeySerializer = mapKeySerializer;
  }

  public static <T> StateDescriptor<T> value(String name, TypeSerializer<T> serializer) {
    return new StateDescriptor<>(name, Kind.VALUE, serializer, null);
  }

  public static <T> StateDescriptor<T> list(String name, TypeSerializer<T> serializer) {
    return new StateDescriptor<>(name, Kind.LIST, serializer, null);
  }

  public static <T> StateDescriptor<T> reducing(String name, TypeSerializer<T> serializer, ReduceFunction<T> reducer) {
    return new StateDescriptor<>(name, Kind.REDUCING, serializer, Objects.requireNonNull(reducer, "reducer"));
  }

  /** Aggregating state whose accumulators, of type {@code ACC}, {@code accumulatorSerializer} writes. */
  public static <ACC> StateDescriptor<ACC> aggregating(
      String name, TypeSerializer<ACC> accumulatorSerializer, AggregateFunction<?, ACC, ?> aggregator) {
    return new StateDescriptor<>(name, Kind.AGGREGATING, accumulatorSerializer, null,
        Objects.requireNonNull(aggregator, "aggregator"), null);
  }

  /** Map state with keys written by {@code keySerializer} and values by {@code valueSerializer}. */
  public static <K, V> StateDescriptor<V> map(
      String name, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
    return new StateDescriptor<>(name, Kind.MAP, valueSerializer, null, null,
        Objects.requireNonNull(keySerializer, "keySerializer"));
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public TypeSerializer<T> serializer() {
    return serializer;
  }

  /** The fold of a {@link Kind#REDUCING} state; null for other kinds. */
  public ReduceFunction<T> reducer() {
    return reducer;
  }

  /** The function of an {@link Kind#AGGREGATING} state; null for other kinds. */
  public AggregateFunction<?, T, ?> aggregator() {
    return aggregator;
  }

  /** The serializer of a {@link Kind#MAP} state's map keys; null for other kinds. */
  public TypeSerializer<?> mapKeySerializer() {
    return mapKeySerializer;
  }

  /** Identity of every serializer the state uses, e.g. to check a restore reads what was written. */
  public String formatIdentity() {
    String values = serializer.formatId() + "@" + serializer.formatVersion();
    return mapKeySerializer == null
        ? values
        : mapKeySerializer.formatId() + "@" + mapKeySerializer.formatVersion() + "->" + values;
  }

  @Override
  public String toString() {
    return kind + " state '" + name + "'";
  }
}
