package io.weir.processor.writing;

import com.palantir.javapoet.MethodSpec;
import io.weir.processor.RuntimeNames;
import io.weir.processor.model.StateFieldModel;
import io.weir.processor.model.VertexModel;
import io.weir.processor.serialization.SerializerWriter;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code bindOperatorState(OperatorStateStore store)}, which assigns the operator state
 * fields of a source or of a sink that is not keyed, one statement per field in declaration order:
 * {@code source.offsets = store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT);}
 */
final class OperatorStateBinder {
  private final SerializerWriter serializers;

  OperatorStateBinder(SerializerWriter serializers) {
    this.serializers = serializers;
  }

  /** The method, for a generated class whose field {@code instanceField} holds the user's instance. */
  MethodSpec bindMethod(VertexModel vertex, String instanceField) {
    MethodSpec.Builder bind = MethodSpec.methodBuilder("bindOperatorState")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(RuntimeNames.OPERATOR_STATE_STORE, "store");
    String fallbackPackage = GeneratedNames.invoker(vertex.element()).packageName();
    for (StateFieldModel state : vertex.states()) {
      bind.addStatement("$N.$N = store.listState($S, $L, $T.$N)", instanceField,
          state.field().getSimpleName().toString(), state.stateName(),
          serializers.serializerFor(state.valueType(), state.field(), fallbackPackage),
          RuntimeNames.REDISTRIBUTION, state.redistribution());
    }
    return bind.build();
  }
}
