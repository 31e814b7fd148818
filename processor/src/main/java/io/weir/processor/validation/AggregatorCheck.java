package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.StateFieldModel;
import io.weir.processor.model.TypeScan;
import io.weir.processor.model.VertexModel;
import java.util.function.BiPredicate;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks the aggregator of an {@code AggregatingState<IN, OUT>} field: declared, an
 * {@code AggregateFunction<IN, ACC, OUT>} with exactly the field's IN and OUT, a concrete ACC
 * (Weir generates its serializer), and instantiable by generated code.
 */
final class AggregatorCheck {
  private final Diagnostics diagnostics;
  private final Types types;
  private final BiPredicate<TypeElement, VertexModel> instantiable;

  AggregatorCheck(Diagnostics diagnostics, Types types, BiPredicate<TypeElement, VertexModel> instantiable) {
    this.diagnostics = diagnostics;
    this.types = types;
    this.instantiable = instantiable;
  }

  void check(VertexModel vertex, StateFieldModel state, String field, AnnotationValue value) {
    TypeMirror in = state.firstArgument();
    TypeMirror out = state.valueType();
    String wanted = "AggregateFunction<" + TypeText.of(in) + ", ACC, " + TypeText.of(out) + ">";
    TypeMirror aggregator = state.aggregator();
    if (aggregator == null) {
      diagnostics.error(Tag.STATE_AGGREGATOR, state.field(), state.annotation(), null,
          field + " is an AggregatingState but names no aggregator.",
          "declare @State(aggregator = MyAggregator.class), with MyAggregator implementing " + wanted + ".");
      return;
    }
    if (state.aggregatorArguments() == null) {
      diagnostics.error(Tag.STATE_AGGREGATOR, state.field(), state.annotation(), value,
          field + ": aggregator " + TypeText.of(aggregator) + " is not an AggregateFunction.",
          "use an aggregator that implements " + wanted + ".");
      return;
    }
    TypeMirror declaredIn = state.aggregatorArguments().get(0);
    TypeMirror declaredOut = state.aggregatorArguments().get(2);
    if (!types.isSameType(declaredIn, in) || !types.isSameType(declaredOut, out)) {
      diagnostics.error(Tag.STATE_AGGREGATOR, state.field(), state.annotation(), value,
          field + ": aggregator " + TypeText.of(aggregator) + " aggregates " + TypeText.of(declaredIn) + " into "
              + TypeText.of(declaredOut) + ", but the field is AggregatingState<" + TypeText.of(in) + ", "
              + TypeText.of(out) + ">.",
          "use an aggregator that implements " + wanted + ", or change the field's type arguments.");
      return;
    }
    TypeMirror accumulator = state.accumulatorType();
    if (!TypeScan.isConcrete(accumulator)) {
      diagnostics.error(Tag.STATE_AGGREGATOR, state.field(), state.annotation(), value,
          field + ": aggregator " + TypeText.of(aggregator) + " has accumulator type " + TypeText.of(accumulator)
              + ", which is not concrete, so Weir cannot serialize it.",
          "bind ACC to a concrete class or record in the aggregator's implements clause.");
      return;
    }
    if (aggregator.getKind() != TypeKind.DECLARED
        || !instantiable.test((TypeElement) ((DeclaredType) aggregator).asElement(), vertex)) {
      diagnostics.error(Tag.STATE_AGGREGATOR, state.field(), state.annotation(), value,
          field + ": aggregator " + TypeText.of(aggregator) + " cannot be instantiated by generated code.",
          "make it a concrete, non-generic, public top-level or static nested class with a public no-argument"
              + " constructor.");
    }
  }
}
