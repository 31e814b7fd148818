package io.weir.processor.model;

import io.weir.api.AggregateFunction;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the {@code IN, ACC, OUT} an aggregator class binds {@code AggregateFunction} to, walking
 * its supertypes with their type arguments substituted (so {@code class Avg extends
 * Base<Double>} where {@code Base<T> implements AggregateFunction<T, Sum, T>} yields Double).
 */
final class AggregateFunctions {
  private final TypeElement aggregateFunction;
  private final Types types;

  AggregateFunctions(Elements elements, Types types) {
    this.aggregateFunction = elements.getTypeElement(AggregateFunction.class.getCanonicalName());
    this.types = types;
  }

  /** {@code [IN, ACC, OUT]}, or null when {@code aggregator} does not implement the interface (or is raw). */
  List<TypeMirror> arguments(TypeMirror aggregator) {
    if (aggregateFunction == null || aggregator.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Deque<TypeMirror> pending = new ArrayDeque<>();
    pending.add(aggregator);
    while (!pending.isEmpty()) {
      TypeMirror type = pending.poll();
      if (type.getKind() != TypeKind.DECLARED) {
        continue;
      }
      DeclaredType declared = (DeclaredType) type;
      if (declared.asElement().equals(aggregateFunction)) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        return arguments.size() == 3 ? List.copyOf(arguments) : null;
      }
      pending.addAll(types.directSupertypes(type));
    }
    return null;
  }
}
