package io.weir.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @State} field as declared; the validator decides whether it is usable.
 *
 * @param field the field
 * @param annotation its {@code @State} annotation
 * @param kind the state interface, or null when the field's type is none of them
 * @param valueType the state's type argument (the last one for two-argument kinds: a map's value
 *     type, an aggregation's output), or null when absent (raw type) or of the wrong count
 * @param typeArguments every type argument of the field's type; empty when raw
 * @param stateName the declared name, or the field's name
 * @param reducer the declared reducer class, or null when none was given
 * @param aggregator the declared aggregator class, or null when none was given
 * @param aggregatorArguments the aggregator's {@code AggregateFunction<IN, ACC, OUT>} arguments,
 *     or null when there is no aggregator or it does not implement {@code AggregateFunction}
 * @param redistribution the {@code Redistribution} constant name (declared, or {@code EVEN_SPLIT});
 *     used by operator state only
 */
public record StateFieldModel(
    VariableElement field,
    AnnotationMirror annotation,
    StateKind kind,
    TypeMirror valueType,
    List<TypeMirror> typeArguments,
    String stateName,
    TypeMirror reducer,
    TypeMirror aggregator,
    List<TypeMirror> aggregatorArguments,
    String redistribution) {

  /** The map key type of a {@code MapState<K, V>} or the input of an {@code AggregatingState<IN, OUT>}. */
  public TypeMirror firstArgument() {
    return typeArguments.isEmpty() ? null : typeArguments.get(0);
  }

  /** The accumulator type of the aggregator, or null. */
  public TypeMirror accumulatorType() {
    return aggregatorArguments == null ? null : aggregatorArguments.get(1);
  }
}
