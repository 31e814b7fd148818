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
    List<TypeMirror> arguments = argumentsOf(aggregator, aggregateFunction);
    return arguments != null && arguments.size() == 3 ? arguments : null;
  }

  /** The type arguments {@code type} binds the generic interface {@code target} to, or null when it does not implement it. */
  List<TypeMirror> argumentsOf(TypeMirror implementation, TypeElement target) {
    if (target == null || implementation.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Deque<TypeMirror> pending = new ArrayDeque<>();
    pending.add(implementation);
    while (!pending.isEmpty()) {
      TypeMirror type = pending.poll();
      if (type.getKind() != TypeKind.DECLARED) {
        continue;
      }
      DeclaredType declared = (DeclaredType) type;
      if (declared.asElement().equals(target)) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        return arguments.isEmpty() ? null : List.copyOf(arguments);
      }
      pending.addAll(types.directSupertypes(type));
    }
    return null;
  }
}
