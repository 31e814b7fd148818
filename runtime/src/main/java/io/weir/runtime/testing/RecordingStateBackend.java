package io.weir.runtime.testing;

import io.weir.state.AggregatingState;
import io.weir.state.ListState;
import io.weir.state.MapState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.ForwardingKeyedStateBackend;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import java.util.HashMap;
import java.util.Map;

/** Delegates to a real backend and remembers the descriptors the operator registered, so tests can read its state by name. */
final class RecordingStateBackend extends ForwardingKeyedStateBackend {
  private final Map<String, StateDescriptor<?>> descriptors = new HashMap<>();

  RecordingStateBackend(KeyedStateBackend delegate) {
    super(delegate);
  }

  /** The descriptor registered as {@code name}; fails listing the registered names. */
  StateDescriptor<?> descriptor(String name, StateDescriptor.Kind kind) {
    StateDescriptor<?> d = descriptors.get(name);
    if (d == null) {
      throw new IllegalArgumentException("the operator has no state named '" + name + "'; states: " + descriptors.keySet());
    }
    if (d.kind() != kind) {
      throw new IllegalArgumentException("state '" + name + "' is " + d.kind() + " state, not " + kind);
    }
    return d;
  }

  @Override
  public <T> ValueState<T> valueState(StateDescriptor<T> descriptor) {
    ValueState<T> state = delegate.valueState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public <T> ListState<T> listState(StateDescriptor<T> descriptor) {
    ListState<T> state = delegate.listState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public <T> ReducingState<T> reducingState(StateDescriptor<T> descriptor) {
    ReducingState<T> state = delegate.reducingState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(StateDescriptor<ACC> descriptor) {
    AggregatingState<IN, OUT> state = delegate.aggregatingState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public <K, V> MapState<K, V> mapState(StateDescriptor<V> descriptor) {
    MapState<K, V> state = delegate.mapState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }
}
