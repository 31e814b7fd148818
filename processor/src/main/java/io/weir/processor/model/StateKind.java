package io.weir.processor.model;

import com.palantir.javapoet.ClassName;
import io.weir.processor.RuntimeNames;

/** The state interfaces a {@code @State} field may have, with how generated code obtains each. */
public enum StateKind {
  VALUE(RuntimeNames.VALUE_STATE, "valueState", "value", 1),
  LIST(RuntimeNames.LIST_STATE, "listState", "list", 1),
  REDUCING(RuntimeNames.REDUCING_STATE, "reducingState", "reducing", 1),
  AGGREGATING(RuntimeNames.AGGREGATING_STATE, "aggregatingState", "aggregating", 2),
  MAP(RuntimeNames.MAP_STATE, "mapState", "map", 2);

  private final ClassName type;
  private final String backendMethod;
  private final String descriptorFactory;
  private final int typeArguments;

  StateKind(ClassName type, String backendMethod, String descriptorFactory, int typeArguments) {
    this.type = type;
    this.backendMethod = backendMethod;
    this.descriptorFactory = descriptorFactory;
    this.typeArguments = typeArguments;
  }

  /** How many type arguments the interface takes: 1, or 2 for {@code <IN, OUT>} and {@code <K, V>}. */
  public int typeArguments() {
    return typeArguments;
  }

  /** The interface as written in messages, e.g. {@code MapState<K, V>}. */
  public String display() {
    return switch (this) {
      case AGGREGATING -> type.simpleName() + "<IN, OUT>";
      case MAP -> type.simpleName() + "<K, V>";
      default -> type.simpleName() + "<T>";
    };
  }

  /** The state interface, e.g. {@code io.weir.state.ValueState}. */
  public ClassName type() {
    return type;
  }

  /** The {@code KeyedStateBackend} method that creates the state, e.g. {@code valueState}. */
  public String backendMethod() {
    return backendMethod;
  }

  /** The {@code StateDescriptor} factory method, e.g. {@code value}. */
  public String descriptorFactory() {
    return descriptorFactory;
  }

  /** The kind whose interface has qualified name {@code name}, or null. */
  public static StateKind forInterface(String name) {
    for (StateKind kind : values()) {
      if (kind.type.canonicalName().equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
