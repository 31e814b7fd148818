package io.weir.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.weir.processor.RuntimeNames;
import io.weir.processor.model.KeyAccess;
import io.weir.processor.model.VertexModel;
import io.weir.processor.model.WindowModel;
import io.weir.processor.serialization.SerializerWriter;

/**
 * The code a {@code @Window} operator's invoker uses: a {@code WindowRunner} created in open,
 * records added to it in process, timers handed to it in onTimer, and the user's window (and
 * late) method called with each result.
 */
final class WindowCode {
  private final VertexModel vertex;
  private final WindowModel window;
  private final SerializerWriter serializers;
  private final TypeName input;

  WindowCode(VertexModel vertex, SerializerWriter serializers) {
    this.vertex = vertex;
    this.window = vertex.window();
    this.serializers = serializers;
    this.input = TypeName.get(window.input());
  }

  /** {@code WindowRunner<In, Acc, R>}. */
  TypeName fieldType() {
    return ParameterizedTypeName.get(RuntimeNames.WINDOW_RUNNER, input, TypeName.get(window.accumulator()).box(),
        TypeName.get(window.result()).box());
  }

  /** {@code new WindowRunner<>(state, timers, <assigner>, <aggregation>, <serializer>, eventTime, lateness, early, count)}. */
  CodeBlock create() {
    CodeBlock assigner = window.session()
        ? CodeBlock.of("$T.session($LL)", RuntimeNames.WINDOW_ASSIGNER, window.sessionGapMillis())
        : window.slideMillis() > 0
            ? CodeBlock.of("$T.sliding($LL, $LL)", RuntimeNames.WINDOW_ASSIGNER, window.sizeMillis(), window.slideMillis())
            : CodeBlock.of("$T.tumbling($LL)", RuntimeNames.WINDOW_ASSIGNER, window.sizeMillis());
    CodeBlock aggregation = window.aggregator() != null
        ? CodeBlock.of("$T.of(new $T())", RuntimeNames.WINDOW_AGGREGATION, TypeName.get(window.aggregator()))
        : window.reducer() != null
            ? CodeBlock.of("$T.reducing(new $T())", RuntimeNames.WINDOW_AGGREGATION, TypeName.get(window.reducer()))
            : CodeBlock.of("$T.<$T>collecting()", RuntimeNames.WINDOW_AGGREGATION, input);
    CodeBlock serializer = serializers.serializerFor(window.accumulator(), vertex.element(),
        GeneratedNames.invoker(vertex.element()).packageName());
    return CodeBlock.of("new $T<>(state, timers, $L, $L, $L, $L, $LL, $LL, $LL)", RuntimeNames.WINDOW_RUNNER,
        assigner, aggregation, serializer, window.eventTime(), window.allowedLatenessMillis(),
        window.earlyFiringMillis(), window.countTrigger());
  }

  /** The body of the window input's case in process. */
  CodeBlock add() {
    CodeBlock late = window.lateMethod() != null
        ? CodeBlock.of("late -> operator.$N(late, out)", window.lateMethod().getSimpleName().toString())
        : CodeBlock.of("late -> {}");
    return CodeBlock.of("windows.add($L, ($T) record, $L, $L)", timestamp(), input, results(), late);
  }

  /** The statement of onTimer. */
  CodeBlock onTimer() {
    return CodeBlock.of("windows.onTimer(timestamp, domain, $L)", results());
  }

  private CodeBlock results() {
    TypeName key = TypeName.get(vertex.key().accesses().get(0).keyType()).box();
    return CodeBlock.of("(key, window, result) -> operator.$N(($T) key, window, result, out)",
        window.windowMethod().getSimpleName().toString(), key);
  }

  /** Reads the record's event time; {@code 0L} for processing-time windows, which ignore it. */
  private CodeBlock timestamp() {
    KeyAccess access = window.timestampAccess();
    if (!window.eventTime() || access == null) {
      return CodeBlock.of("0L");
    }
    return switch (access.kind()) {
      case ACCESSOR -> CodeBlock.of("(($T) record).$N()", input, access.member());
      case FIELD -> CodeBlock.of("(($T) record).$N", input, access.member());
      case OPERATOR_METHOD -> CodeBlock.of("operator.$N(($T) record)", access.member(), input);
      case STATIC_OPERATOR_METHOD ->
          CodeBlock.of("$T.$N(($T) record)", ClassName.get(vertex.element()), access.member(), input);
    };
  }
}
