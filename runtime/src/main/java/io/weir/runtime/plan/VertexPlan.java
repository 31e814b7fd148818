package io.weir.runtime.plan;

import io.weir.api.SourceReader;
import io.weir.runtime.operator.KeySelector;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.time.SourceEventTime;
import io.weir.state.serialization.TypeSerializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One vertex of a job's logical graph: a user class and how to run it.
 *
 * @param id stable operator id derived from the class's name (not its position in the graph), so
 *     state can be matched to operators across versions of a job
 * @param name display name, unique within the job
 * @param kind source, operator or sink
 * @param className the user's class
 * @param parallelism declared parallelism; 0 means the job's default
 * @param sourceFactory creates the user's reader (sources only, else null)
 * @param invokerFactory creates the generated invoker (operators and sinks, else null)
 * @param outputSerializer serializer of the records the vertex emits (null for sinks)
 * @param inputTypes names of the input types, indexed by input number (empty for sources)
 * @param keySelector key of each input (keyed vertices only, else null)
 * @param eventTime how a source reads event time and makes watermarks; null for vertices without
 * @param sideOutputs serializers of the operator's side outputs by name (empty for most vertices)
 */
public record VertexPlan(
    String id,
    String name,
    VertexKind kind,
    String className,
    int parallelism,
    Supplier<? extends SourceReader<?>> sourceFactory,
    Supplier<? extends OperatorInvoker<?>> invokerFactory,
    TypeSerializer<?> outputSerializer,
    List<String> inputTypes,
    KeySelector keySelector,
    SourceEventTime eventTime,
    Map<String, TypeSerializer<?>> sideOutputs) {

  public VertexPlan {
    inputTypes = List.copyOf(inputTypes);
    sideOutputs = Map.copyOf(sideOutputs);
    if (eventTime != null && kind != VertexKind.SOURCE) {
      throw new IllegalArgumentException("vertex " + name + ": only sources read event time");
    }
  }

  /** A vertex without event time. */
  public VertexPlan(String id, String name, VertexKind kind, String className, int parallelism,
      Supplier<? extends SourceReader<?>> sourceFactory, Supplier<? extends OperatorInvoker<?>> invokerFactory,
      TypeSerializer<?> outputSerializer, List<String> inputTypes, KeySelector keySelector) {
    this(id, name, kind, className, parallelism, sourceFactory, invokerFactory, outputSerializer, inputTypes,
        keySelector, null, Map.of());
  }

  /** This vertex with event time {@code eventTime}. */
  public VertexPlan withEventTime(SourceEventTime eventTime) {
    return new VertexPlan(id, name, kind, className, parallelism, sourceFactory, invokerFactory, outputSerializer,
        inputTypes, keySelector, eventTime, sideOutputs);
  }

  /** This vertex with one more side output, {@code name}, whose records {@code serializer} writes. */
  public VertexPlan withSideOutput(String name, TypeSerializer<?> serializer) {
    if (kind != VertexKind.OPERATOR || sideOutputs.containsKey(name)) {
      throw new IllegalArgumentException("vertex " + this.name + ": side output '" + name
          + "' is declared twice or not on an operator");
    }
    Map<String, TypeSerializer<?>> more = new LinkedHashMap<>(sideOutputs);
    more.put(name, serializer);
    return new VertexPlan(id, this.name, kind, className, parallelism, sourceFactory, invokerFactory,
        outputSerializer, inputTypes, keySelector, eventTime, more);
  }

  /** The serializer of output {@code output}: the main output's for null, else the named side output's (null if none). */
  public TypeSerializer<?> serializerOf(String output) {
    return output == null ? outputSerializer : sideOutputs.get(output);
  }

  public boolean keyed() {
    return keySelector != null;
  }
}
