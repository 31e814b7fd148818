package io.weir.processor.model;

import com.palantir.javapoet.ClassName;
import io.weir.processor.RuntimeNames;

/** The state interfaces a {@code @State} field may have, with how generated code obtains each. */
public enum StateKind {
  VALUE(RuntimeNames.VALUE_STATE, "valueState", "value"),
  LIST(RuntimeNames.LIST_STATE, "listState", "list"),
  REDUCING(RuntimeNames.REDUCING_STATE, "reducingState", "reducing");

  private final ClassName type;
  private final String backendMethod;
  private final String descriptorFactory;

  StateKind(ClassName type, String backendMethod, String descriptorFactory) {
    this.type = type;
    this.backendMethod = backendMethod;
    this.descriptorFactory = descriptorFactory;
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
