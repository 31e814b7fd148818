package io.weir.state.backend;

import io.weir.api.ReduceFunction;
import io.weir.state.serialization.TypeSerializer;
import java.util.Objects;

/**
 * What a keyed state is: its name (unique within an operator, stable across versions of a job),
 * its kind, the serializer of its values and, for reducing state, the fold. The generated invoker
 * builds one per {@code @State} field; backends use it to create and, later, snapshot the state.
 */
public final class StateDescriptor<T> {

  /** The shape of a state. */
  public enum Kind {
    VALUE,
    LIST,
    REDUCING
  }

  private final String name;
  private final Kind kind;
  private final TypeSerializer<T> serializer;
  private final ReduceFunction<T> reducer;

  private StateDescriptor(String name, Kind kind, TypeSerializer<T> serializer, ReduceFunction<T> reducer) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.serializer = Objects.requireNonNull(serializer, "serializer");
    this.reducer = reducer;
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

  @Override
  public String toString() {
    return kind + " state '" + name + "'";
  }
}
