package io.weir.processor;

import com.palantir.javapoet.ClassName;

/**
 * Names of the state and runtime types that generated code uses. The processor depends on the
 * annotations module only, so these are spelled out here, in one place.
 */
public final class RuntimeNames {
  private RuntimeNames() {}

  public static final String GENERATOR = "io.weir.processor.WeirProcessor";

  // io.weir.state
  public static final ClassName VALUE_STATE = ClassName.get("io.weir.state", "ValueState");
  public static final ClassName LIST_STATE = ClassName.get("io.weir.state", "ListState");
  public static final ClassName REDUCING_STATE = ClassName.get("io.weir.state", "ReducingState");
  public static final ClassName AGGREGATING_STATE = ClassName.get("io.weir.state", "AggregatingState");
  public static final ClassName MAP_STATE = ClassName.get("io.weir.state", "MapState");
  public static final ClassName KEYED_STATE_BACKEND = ClassName.get("io.weir.state.backend", "KeyedStateBackend");
  public static final ClassName STATE_DESCRIPTOR = ClassName.get("io.weir.state.backend", "StateDescriptor");

  // io.weir.state.operator
  public static final ClassName OPERATOR_STATE_STORE = ClassName.get("io.weir.state.operator", "OperatorStateStore");
  /** The state module's twin of {@code io.weir.api.Redistribution}, constant for constant. */
  public static final ClassName REDISTRIBUTION = ClassName.get("io.weir.state.operator", "Redistribution");

  // io.weir.state.serialization
  public static final ClassName TYPE_SERIALIZER = ClassName.get("io.weir.state.serialization", "TypeSerializer");
  public static final ClassName BINARY_OUTPUT = ClassName.get("io.weir.state.serialization", "BinaryOutput");
  public static final ClassName BINARY_INPUT = ClassName.get("io.weir.state.serialization", "BinaryInput");
  public static final ClassName SERIALIZATION_EXCEPTION =
      ClassName.get("io.weir.state.serialization", "SerializationException");
  public static final ClassName KRYO_FALLBACK_SERIALIZER =
      ClassName.get("io.weir.state.serialization", "KryoFallbackSerializer");
  public static final ClassName KRYO_REGISTRATION = ClassName.get("io.weir.state.serialization", "KryoRegistration");
  public static final ClassName JDK_VALUES = ClassName.get("io.weir.state.serialization", "JdkValues");

  /** A built-in serializer of {@code io.weir.state.serialization}, such as {@code StringSerializer}. */
  public static ClassName builtInSerializer(String simpleName) {
    return ClassName.get("io.weir.state.serialization", simpleName);
  }

  // io.weir.runtime
  public static final ClassName OPERATOR_INVOKER = ClassName.get("io.weir.runtime.operator", "OperatorInvoker");
  public static final ClassName KEY_SELECTOR = ClassName.get("io.weir.runtime.operator", "KeySelector");
  public static final ClassName OPERATOR_STATE_BINDING =
      ClassName.get("io.weir.runtime.operator", "OperatorStateBinding");
  public static final ClassName TRANSACTIONAL_SINK_BINDING =
      ClassName.get("io.weir.runtime.operator", "TransactionalSinkBinding");
  /** The operator state name the runtime keeps a transactional sink's pending transactions under. */
  public static final String PENDING_TRANSACTIONS_STATE = "weir.pending-transactions";
  public static final ClassName SIDE_OUTPUT_BINDING = ClassName.get("io.weir.runtime.operator", "SideOutputBinding");
  public static final ClassName TIMER_INVOKER = ClassName.get("io.weir.runtime.operator", "TimerInvoker");
  public static final ClassName BOUNDED_OUT_OF_ORDERNESS =
      ClassName.get("io.weir.runtime.time", "BoundedOutOfOrderness");
  public static final ClassName WINDOW_RUNNER = ClassName.get("io.weir.runtime.window", "WindowRunner");
  public static final ClassName WINDOW_ASSIGNER = ClassName.get("io.weir.runtime.window", "WindowAssigner");
  public static final ClassName WINDOW_AGGREGATION = ClassName.get("io.weir.runtime.window", "WindowAggregation");
  public static final ClassName JOB_PLAN = ClassName.get("io.weir.runtime.plan", "JobPlan");
  public static final ClassName JOB_PLAN_PROVIDER = ClassName.get("io.weir.runtime.plan", "JobPlanProvider");
  public static final ClassName PARTITIONING = ClassName.get("io.weir.runtime.plan", "Partitioning");

  /** The service file listing generated plan providers. */
  public static final String JOB_PLAN_SERVICE_FILE = "META-INF/services/io.weir.runtime.plan.JobPlanProvider";
}
