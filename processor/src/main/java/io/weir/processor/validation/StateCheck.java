package io.weir.processor.validation;

import io.weir.api.ReduceFunction;
import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.AnnotationReader;
import io.weir.processor.model.Role;
import io.weir.processor.model.StateFieldModel;
import io.weir.processor.model.StateKind;
import io.weir.processor.model.TypeScan;
import io.weir.processor.model.VertexModel;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks {@code @State} fields. In a keyed vertex they are keyed state; in a source or a sink that
 * is not keyed they are operator state, which must be a {@code ListState<T>} and alone may choose
 * a redistribution; an operator that is not keyed has no state. Either kind must be of a state
 * interface with a concrete type argument, assignable by generated code (not private, final or static), with a reducer
 * exactly when the state is a {@code ReducingState} whose type the reducer folds, and with an
 * aggregator exactly when it is an {@code AggregatingState<IN, OUT>} whose aggregator is an
 * {@code AggregateFunction<IN, ACC, OUT>} with a concrete, serializable {@code ACC}.
 */
final class StateCheck {
  private static final String STATE_TYPES =
      "ValueState<T>, ListState<T>, ReducingState<T>, AggregatingState<IN, OUT> or MapState<K, V> (io.weir.state)";

  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Types types;
  private final TypeElement reduceFunction;

  StateCheck(Diagnostics diagnostics, Elements elements, Types types) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.types = types;
    this.reduceFunction = elements.getTypeElement(ReduceFunction.class.getCanonicalName());
  }

  void check(VertexModel vertex) {
    Set<String> names = new HashSet<>();
    for (StateFieldModel state : vertex.states()) {
      String field = "@State field " + state.field().getSimpleName() + " of " + vertex.element().getSimpleName();
      if (!vertex.keyed() && !vertex.operatorStateScope()) {
        diagnostics.error(Tag.STATE_UNKEYED, state.field(),
            field + " needs a @Keyed vertex: state is scoped to the key of the record being processed"
                + " (operator state, not keyed, is for sources and sinks only).",
            "add @Keyed(\"<key member>\") to " + vertex.element().getSimpleName() + ", or remove @State.");
        continue;
      }
      if (checkModifiers(state, field) && checkScope(vertex, state, field)) {
        checkField(vertex, state, field);
      }
      if (!names.add(state.stateName())) {
        diagnostics.error(Tag.STATE_FIELD, state.field(),
            field + " reuses the state name '" + state.stateName() + "'; state names are unique per vertex.",
            "give it another name with @State(name = \"...\").");
      }
    }
  }

  /** Reports private, final and static; true when there was none. */
  private boolean checkModifiers(StateFieldModel state, String field) {
    boolean ok = true;
    Set<Modifier> modifiers = state.field().getModifiers();
    for (Modifier bad : new Modifier[] {Modifier.PRIVATE, Modifier.FINAL, Modifier.STATIC}) {
      if (modifiers.contains(bad)) {
        ok = false;
        diagnostics.error(Tag.STATE_FIELD, state.field(),
            field + " is " + bad + ", but generated code assigns it per instance.",
            "remove the " + bad + " modifier.");
      }
    }
    return ok;
  }

  /**
   * Operator state must be a list; keyed state takes no redistribution. True when the field fits
   * its scope, so the kind-specific checks may follow.
   */
  private boolean checkScope(VertexModel vertex, StateFieldModel state, String field) {
    AnnotationValue redistribution = AnnotationReader.explicitValue(state.annotation(), "redistribution");
    if (vertex.keyed()) {
      if (redistribution != null) {
        diagnostics.error(Tag.STATE_REDISTRIBUTION, state.field(), state.annotation(), redistribution,
            field + " is keyed state (" + vertex.describe() + " is @Keyed), which always follows its key;"
                + " redistribution applies to the operator state of sources and of sinks that are not keyed.",
            "remove redistribution = ...");
        return false;
      }
      return true;
    }
    if (state.kind() != StateKind.LIST) {
      String type = TypeText.of(state.field().asType());
      diagnostics.error(Tag.OPERATOR_STATE_KIND, state.field(),
          field + " has type " + type + ", but the state of " + vertex.describe()
              + " is operator state (it belongs to the instance, not to a key), which is a ListState<T>"
              + " so that it can be split among instances when the parallelism changes.",
          "declare it as ListState<T> (a single value is a list of at most one element)"
              + (vertex.role() == Role.SINK ? ", or add @Keyed to the sink for keyed state." : "."));
      return false;
    }
    return true;
  }

  private void checkField(VertexModel vertex, StateFieldModel state, String field) {
    if (state.kind() == null) {
      diagnostics.error(Tag.STATE_FIELD, state.field(),
          field + " has type " + TypeText.of(state.field().asType()) + "; state fields are " + STATE_TYPES + ".",
          "declare it as, e.g., ValueState<" + TypeText.of(state.field().asType()) + ">.");
      return;
    }
    if (state.valueType() == null || !state.typeArguments().stream().allMatch(TypeScan::isConcrete)) {
      diagnostics.error(Tag.STATE_FIELD, state.field(),
          field + " has no concrete type argument, so Weir cannot serialize its values.",
          "name the types, as in " + state.kind().type().simpleName()
              + (state.kind().typeArguments() == 2 ? "<String, Long>." : "<Long>."));
      return;
    }
    AnnotationValue aggregatorValue = AnnotationReader.explicitValue(state.annotation(), "aggregator");
    if (state.kind() == StateKind.AGGREGATING) {
      new AggregatorCheck(diagnostics, types, this::instantiable).check(vertex, state, field, aggregatorValue);
    } else if (state.aggregator() != null) {
      diagnostics.error(Tag.STATE_AGGREGATOR, state.field(), state.annotation(), aggregatorValue,
          field + " is a " + state.kind().type().simpleName() + ", which takes no aggregator.",
          "remove aggregator = ..., or make the field an AggregatingState<IN, OUT>.");
    }
    AnnotationValue reducerValue = AnnotationReader.explicitValue(state.annotation(), "reducer");
    if (state.kind() != StateKind.REDUCING) {
      if (state.reducer() != null) {
        diagnostics.error(Tag.STATE_FIELD, state.field(), state.annotation(), reducerValue,
            field + " is a " + state.kind().type().simpleName() + ", which takes no reducer.",
            "remove reducer = ..., or make the field a ReducingState<" + TypeText.of(state.valueType()) + ">.");
      }
      return;
    }
    if (state.reducer() == null) {
      diagnostics.error(Tag.STATE_FIELD, state.field(), state.annotation(), null,
          field + " is a ReducingState but names no reducer to fold added values.",
          "declare @State(reducer = MyReducer.class), with MyReducer implementing ReduceFunction<"
              + TypeText.of(state.valueType()) + ">.");
      return;
    }
    checkReducer(vertex, state, field, reducerValue);
  }

  private void checkReducer(VertexModel vertex, StateFieldModel state, String field, AnnotationValue reducerValue) {
    TypeMirror reducer = state.reducer();
    TypeMirror expected = types.getDeclaredType(reduceFunction, state.valueType());
    if (!types.isAssignable(reducer, expected)) {
      diagnostics.error(Tag.STATE_FIELD, state.field(), state.annotation(), reducerValue,
          field + ": reducer " + TypeText.of(reducer) + " is not a ReduceFunction<" + TypeText.of(state.valueType())
              + ">, but the state holds " + TypeText.of(state.valueType()) + ".",
          "use a reducer that implements ReduceFunction<" + TypeText.of(state.valueType()) + ">.");
      return;
    }
    if (reducer.getKind() != TypeKind.DECLARED
        || !instantiable((TypeElement) ((DeclaredType) reducer).asElement(), vertex)) {
      diagnostics.error(Tag.STATE_FIELD, state.field(), state.annotation(), reducerValue,
          field + ": reducer " + TypeText.of(reducer) + " cannot be instantiated by generated code.",
          "make it a concrete, non-generic, public top-level or static nested class with a public no-argument"
              + " constructor.");
    }
  }

  /** Whether generated code in the vertex's package can call {@code new element()}. */
  private boolean instantiable(TypeElement element, VertexModel vertex) {
    return element.getKind() == ElementKind.CLASS
        && !element.getModifiers().contains(Modifier.ABSTRACT)
        && !element.getModifiers().contains(Modifier.PRIVATE)
        && element.getTypeParameters().isEmpty()
        && (element.getNestingKind() == NestingKind.TOP_LEVEL || element.getModifiers().contains(Modifier.STATIC))
        && ClassShapeCheck.hasCallableNoArgConstructor(element)
        && (samePackage(element, vertex.element())
            || (element.getModifiers().contains(Modifier.PUBLIC)
                && ClassShapeCheck.hasPublicNoArgConstructor(element)));
  }

  private boolean samePackage(TypeElement a, TypeElement b) {
    return elements.getPackageOf(a).equals(elements.getPackageOf(b));
  }

  /** A {@code @State} field in a class that is no source, operator or sink. */
  void checkStray(TypeElement owner, VariableElement field, String ownerRole) {
    diagnostics.error(Tag.STATE_UNKEYED, field,
        "@State field " + field.getSimpleName() + " is in " + ownerRole + " " + owner.getSimpleName()
            + "; only @Keyed operators and sinks have keyed state, and only sources and sinks operator state.",
        "move the field to a @Keyed @Operator, a @Source or a @Sink, or remove @State.");
  }
}
