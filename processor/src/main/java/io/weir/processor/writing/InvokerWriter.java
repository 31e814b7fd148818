package io.weir.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.api.TimeDomain;
import io.weir.api.TimerService;
import io.weir.api.TwoPhaseCommitSink;
import io.weir.processor.RuntimeNames;
import io.weir.processor.model.InputModel;
import io.weir.processor.model.Role;
import io.weir.processor.model.SideOutputModel;
import io.weir.processor.model.StateFieldModel;
import io.weir.processor.model.VertexModel;
import io.weir.processor.serialization.SerializerWriter;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Generates {@code <Simple>_WeirInvoker}, which calls one operator or sink instance directly:
 * binds its {@code @State} fields (keyed state in open; a sink's operator state in
 * {@code bindOperatorState}, before open), forwards lifecycle calls, and dispatches each record to the
 * user method of its input with a cast, no reflection. The invoker of a sink implementing
 * {@code TwoPhaseCommitSink} also implements {@code TransactionalSinkBinding}, handing the runtime
 * the instance whose transactions it drives.
 */
public final class InvokerWriter {
  private static final ClassName VOID = ClassName.get(Void.class);

  private final SerializerWriter serializers;
  private final OperatorStateBinder operatorState;

  public InvokerWriter(SerializerWriter serializers) {
    this.serializers = serializers;
    this.operatorState = new OperatorStateBinder(serializers);
  }

  public JavaFile write(VertexModel vertex) {
    ClassName userClass = ClassName.get(vertex.element());
    ClassName invoker = GeneratedNames.invoker(vertex.element());
    TypeName output = vertex.role() == Role.SINK ? VOID : TypeName.get(vertex.output());
    boolean timers = vertex.onTimer() != null || vertex.window() != null;
    WindowCode window = vertex.window() == null ? null : new WindowCode(vertex, serializers);
    TypeSpec.Builder type = TypeSpec.classBuilder(invoker)
        .addJavadoc("Calls {@link $T} for the Weir runtime.\n", userClass)
        .addAnnotation(GeneratedNames.generatedAnnotation())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(
            timers ? RuntimeNames.TIMER_INVOKER : RuntimeNames.OPERATOR_INVOKER, output))
        .addOriginatingElement(vertex.element())
        .addField(FieldSpec.builder(userClass, "operator", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", userClass)
            .build());
    if (timers) {
      type.addField(TimerService.class, "timers", Modifier.PRIVATE);
    }
    if (window != null) {
      type.addField(window.fieldType(), "windows", Modifier.PRIVATE);
    }
    type.addMethod(open(vertex, window))
        .addMethod(process(vertex, output))
        .addMethod(close(vertex));
    if (timers) {
      type.addMethod(MethodSpec.methodBuilder("bindTimers")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .addParameter(TimerService.class, "timers")
              .addStatement("this.timers = timers")
              .build())
          .addMethod(MethodSpec.methodBuilder("onTimer")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .addParameter(long.class, "timestamp")
              .addParameter(TimeDomain.class, "domain")
              .addParameter(ParameterizedTypeName.get(ClassName.get(Emitter.class), output), "out")
              .addException(Exception.class)
              .addStatement(window != null ? window.onTimer()
                  : CodeBlock.of("operator.$N(timestamp, domain, timers, out)", vertex.onTimer().getSimpleName().toString()))
              .build());
    }
    if (!vertex.sideOutputs().isEmpty()) {
      type.addSuperinterface(RuntimeNames.SIDE_OUTPUT_BINDING).addMethod(bindSideOutput(vertex));
    }
    if (vertex.hasOperatorState()) {
      type.addSuperinterface(RuntimeNames.OPERATOR_STATE_BINDING)
          .addMethod(operatorState.bindMethod(vertex, "operator"));
    }
    if (vertex.transactional() && vertex.role() == Role.SINK) {
      type.addSuperinterface(RuntimeNames.TRANSACTIONAL_SINK_BINDING)
          .addMethod(MethodSpec.methodBuilder("transactionalSink")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(TwoPhaseCommitSink.class)
              .addStatement("return operator")
              .build());
    }
    return JavaFile.builder(invoker.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private MethodSpec open(VertexModel vertex, WindowCode window) {
    MethodSpec.Builder open = MethodSpec.methodBuilder("open")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(OperatorContext.class, "context")
        .addParameter(RuntimeNames.KEYED_STATE_BACKEND, "state")
        .addException(Exception.class);
    String fallbackPackage = GeneratedNames.invoker(vertex.element()).packageName();
    if (!vertex.operatorStateScope()) { // operator state is bound before open, by bindOperatorState
      for (StateFieldModel state : vertex.states()) {
        open.addStatement("operator.$N = state.$N($L)", state.field().getSimpleName().toString(),
            state.kind().backendMethod(), descriptor(state, fallbackPackage));
      }
    }
    if (window != null) {
      open.addStatement("windows = $L", window.create());
    }
    if (vertex.hasOpen()) {
      open.addStatement("operator.open(context)");
    }
    return open.build();
  }

  /** {@code StateDescriptor.<kind>("name", serializers..., new Function())} for one state field. */
  private CodeBlock descriptor(StateFieldModel state, String fallbackPackage) {
    CodeBlock factory = CodeBlock.of("$T.$N", RuntimeNames.STATE_DESCRIPTOR, state.kind().descriptorFactory());
    return switch (state.kind()) {
      case VALUE, LIST -> CodeBlock.of("$L($S, $L)", factory, state.stateName(),
          serializer(state.valueType(), state, fallbackPackage));
      case REDUCING -> CodeBlock.of("$L($S, $L, new $T())", factory, state.stateName(),
          serializer(state.valueType(), state, fallbackPackage), TypeName.get(state.reducer()));
      case AGGREGATING -> CodeBlock.of("$L($S, $L, new $T())", factory, state.stateName(),
          serializer(state.accumulatorType(), state, fallbackPackage), TypeName.get(state.aggregator()));
      case MAP -> CodeBlock.of("$L($S, $L, $L)", factory, state.stateName(),
          serializer(state.firstArgument(), state, fallbackPackage),
          serializer(state.valueType(), state, fallbackPackage));
    };
  }

  private CodeBlock serializer(TypeMirror type, StateFieldModel state, String fallbackPackage) {
    return serializers.serializerFor(type, state.field(), fallbackPackage);
  }

  private MethodSpec process(VertexModel vertex, TypeName output) {
    MethodSpec.Builder process = MethodSpec.methodBuilder("process")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(int.class, "input")
        .addParameter(Object.class, "record")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Emitter.class), output), "out")
        .addException(Exception.class);
    if (vertex.inputs().stream().anyMatch(i -> isParameterized(i.type()))) {
      process.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    process.beginControlFlow("switch (input)");
    for (InputModel input : vertex.inputs()) {
      TypeName in = TypeName.get(input.type());
      String method = input.method().getSimpleName().toString();
      switch (input.shape()) {
        case FLAT_MAP -> process.addStatement(input.timers()
            ? "case $L -> operator.$N(($T) record, timers, out)"
            : "case $L -> operator.$N(($T) record, out)", input.index(), method, in);
        case MAP -> process.addStatement("case $L -> out.emit(operator.$N(($T) record))", input.index(), method, in);
        case WRITE -> process.addStatement("case $L -> operator.$N(($T) record)", input.index(), method, in);
        case WINDOW -> process.addStatement("case $L -> $L", input.index(), new WindowCode(vertex, serializers).add());
        case FILTER -> process.beginControlFlow("case $L ->", input.index())
            .addStatement("$T in = ($T) record", in, in)
            .beginControlFlow("if (operator.$N(in))", method)
            .addStatement("out.emit(in)")
            .endControlFlow()
            .endControlFlow();
      }
    }
    process.addStatement("default -> throw new $T($S + input)", IllegalArgumentException.class,
        vertex.element().getSimpleName() + " has no input ");
    process.endControlFlow();
    return process.build();
  }

  /** Assigns each {@code @SideOutput} field the runtime's emitter for it (a checked-by-name, unchecked-by-type cast). */
  private static MethodSpec bindSideOutput(VertexModel vertex) {
    MethodSpec.Builder bind = MethodSpec.methodBuilder("bindSideOutput")
        .addAnnotation(Override.class)
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .addModifiers(Modifier.PUBLIC)
        .addParameter(String.class, "name")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Emitter.class), ClassName.get(Object.class)), "emitter")
        .beginControlFlow("switch (name)");
    for (SideOutputModel output : vertex.sideOutputs()) {
      bind.addStatement("case $S -> operator.$N = ($T) ($T) emitter", output.name(),
          output.field().getSimpleName().toString(), TypeName.get(output.field().asType()),
          ParameterizedTypeName.get(ClassName.get(Emitter.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)));
    }
    bind.addStatement("default -> throw new $T($S + name)", IllegalArgumentException.class,
        vertex.element().getSimpleName() + " has no side output ");
    return bind.endControlFlow().build();
  }

  private static MethodSpec close(VertexModel vertex) {
    MethodSpec.Builder close = MethodSpec.methodBuilder("close")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addException(Exception.class);
    if (vertex.hasClose()) {
      close.addStatement("operator.close()");
    }
    return close.build();
  }

  private static boolean isParameterized(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && !((DeclaredType) type).getTypeArguments().isEmpty();
  }
}
