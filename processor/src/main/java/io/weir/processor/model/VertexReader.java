package io.weir.processor.model;

import io.weir.api.EventTime;
import io.weir.api.Keyed;
import io.weir.api.OnTimer;
import io.weir.api.ReduceFunction;
import io.weir.api.OperatorContext;
import io.weir.api.SourceReader;
import io.weir.api.SideOutput;
import io.weir.api.State;
import io.weir.api.TwoPhaseCommitSink;
import io.weir.api.Window;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** Reads one annotated class into a {@link VertexModel}, noting whatever javac could not resolve. */
public final class VertexReader {
  private final ProcessingEnvironment env;
  private final Types types;
  private final AnnotationReader annotations;
  private final Members members;
  private final MethodShapes shapes;
  private final KeyResolver keys;
  private final AggregateFunctions aggregateFunctions;

  public VertexReader(ProcessingEnvironment env) {
    this.env = env;
    this.types = env.getTypeUtils();
    this.annotations = new AnnotationReader(env.getElementUtils());
    this.members = new Members(env.getElementUtils());
    this.shapes = new MethodShapes(types);
    this.keys = new KeyResolver(env.getElementUtils(), types);
    this.aggregateFunctions = new AggregateFunctions(env.getElementUtils(), types);
  }

  public VertexModel read(TypeElement type, Role role, AnnotationMirror annotation) {
    Unresolved unresolved = new Unresolved();
    String simpleName = type.getSimpleName().toString();
    String name = annotations.string(annotation, "name", "");
    int parallelism = annotations.integer(annotation, "parallelism", 0);
    String exchange = role == Role.SOURCE ? "AUTO" : annotations.enumName(annotation, "exchange", "AUTO");
    String jobName = role == Role.SOURCE ? annotations.string(annotation, "job", "") : null;
    List<UpstreamRef> upstreams = new ArrayList<>();
    if (role.hasInputs()) {
      for (AnnotationValue value : annotations.list(annotation, "from")) {
        TypeMirror upstream = value.getValue() instanceof TypeMirror t ? t : null;
        unresolved.note(upstream == null || TypeScan.containsError(upstream));
        upstreams.add(new UpstreamRef(upstream, value));
      }
    }
    for (TypeElement t = type; t != null; t = Members.superclassOf(t)) {
      unresolved.note(t.getSuperclass().getKind() == TypeKind.ERROR);
    }
    TypeMirror sourceOutput = role == Role.SOURCE ? sourceRecordType(type.asType(), unresolved) : null;
    AnnotationMirror windowAnnotation = AnnotationReader.find(type, Window.class.getCanonicalName());
    WindowModel window = windowAnnotation == null ? null : window(type, windowAnnotation, unresolved);
    List<InputModel> inputs = window != null && role == Role.OPERATOR
        ? windowInputs(window)
        : role.hasInputs() ? inputs(type, role, unresolved) : List.of();
    KeyModel key = key(type, inputs, unresolved);
    if (window != null && !window.timestamp().isEmpty() && !inputs.isEmpty()) {
      List<KeyAccess> access = keys.resolve(type, window.timestamp(), inputs);
      window = withTimestampAccess(window, access.get(0));
    }
    List<StateFieldModel> states = states(type, unresolved);
    List<EventTimeModel> eventTimes = new ArrayList<>();
    List<ExecutableElement> onTimers = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      AnnotationMirror eventTime = AnnotationReader.find(method, EventTime.class.getCanonicalName());
      if (eventTime != null) {
        eventTimes.add(eventTime(method, eventTime, unresolved));
      }
      if (AnnotationReader.find(method, OnTimer.class.getCanonicalName()) != null) {
        onTimers.add(method);
      }
    }
    return new VertexModel(
        type, role, annotation, name.isEmpty() ? simpleName : name, parallelism, exchange, jobName,
        List.copyOf(upstreams), sourceOutput, inputs, hasLifecycle(type, "open"), hasLifecycle(type, "close"),
        key, states, List.copyOf(eventTimes), List.copyOf(onTimers), window, sideOutputs(type, unresolved),
        role.hasInputs() ? annotations.string(annotation, "output", "") : "", unresolved.any, transactional(type));
  }

  private List<InputModel> inputs(TypeElement type, Role role, Unresolved unresolved) {
    List<InputModel> inputs = new ArrayList<>();
    DeclaredType owner = (DeclaredType) type.asType();
    for (ExecutableElement method : members.methods(type)) {
      if (!MethodShapes.isInputMethodName(role, method.getSimpleName())) {
        continue;
      }
      ExecutableType resolved = (ExecutableType) types.asMemberOf(owner, method);
      resolved.getParameterTypes().forEach(p -> unresolved.note(TypeScan.containsError(p)));
      unresolved.note(TypeScan.containsError(resolved.getReturnType()));
      MethodShapes.Classified c = shapes.classify(owner, method);
      if (c.ok()) {
        inputs.add(new InputModel(inputs.size(), c.input(), method, c.shape(), c.output(), c.timers()));
      }
    }
    return List.copyOf(inputs);
  }

  /** The T of the SourceReader<T> the class implements (possibly a type variable), or null. */
  private TypeMirror sourceRecordType(TypeMirror type, Unresolved unresolved) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      unresolved.note(TypeScan.containsError(supertype));
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue;
      }
      DeclaredType declared = (DeclaredType) supertype;
      TypeElement element = (TypeElement) declared.asElement();
      if (element.getQualifiedName().contentEquals(SourceReader.class.getCanonicalName())) {
        List<? extends TypeMirror> args = declared.getTypeArguments();
        return args.size() == 1 ? args.get(0) : null;
      }
      TypeMirror found = sourceRecordType(supertype, unresolved);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private KeyModel key(TypeElement type, List<InputModel> inputs, Unresolved unresolved) {
    AnnotationMirror keyed = AnnotationReader.find(type, Keyed.class.getCanonicalName());
    if (keyed == null) {
      return null;
    }
    String keyName = annotations.string(keyed, "value", "");
    List<KeyAccess> accesses = keys.resolve(type, keyName, inputs);
    accesses.forEach(a -> unresolved.note(a != null && TypeScan.containsError(a.keyType())));
    return new KeyModel(keyName, keyed, AnnotationReader.explicitValue(keyed, "value"), accesses);
  }

  private List<StateFieldModel> states(TypeElement type, Unresolved unresolved) {
    List<StateFieldModel> result = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      AnnotationMirror state = AnnotationReader.find(field, State.class.getCanonicalName());
      if (state == null) {
        continue;
      }
      unresolved.note(TypeScan.containsError(field.asType()));
      StateKind kind = null;
      TypeMirror valueType = null;
      List<TypeMirror> arguments = List.of();
      if (field.asType().getKind() == TypeKind.DECLARED) {
        DeclaredType declared = (DeclaredType) field.asType();
        kind = StateKind.forInterface(((TypeElement) declared.asElement()).getQualifiedName().toString());
        arguments = List.copyOf(declared.getTypeArguments());
        int expected = kind == null ? 1 : kind.typeArguments();
        valueType = arguments.size() == expected ? arguments.get(expected - 1) : null;
      }
      TypeMirror reducer = classAttribute(state, "reducer", unresolved);
      TypeMirror aggregator = classAttribute(state, "aggregator", unresolved);
      List<TypeMirror> aggregatorArguments = aggregator == null ? null : aggregateFunctions.arguments(aggregator);
      String declaredName = annotations.string(state, "name", "");
      String stateName = declaredName.isEmpty() ? field.getSimpleName().toString() : declaredName;
      String redistribution = annotations.enumName(state, "redistribution", "EVEN_SPLIT");
      result.add(new StateFieldModel(
          field, state, kind, valueType, arguments, stateName, reducer, aggregator, aggregatorArguments,
          redistribution));
    }
    return List.copyOf(result);
  }

  /** Reads {@code @Window}: its settings, its aggregation, and the input and result types they imply. */
  private WindowModel window(TypeElement type, AnnotationMirror annotation, Unresolved unresolved) {
    TypeMirror aggregator = classAttribute(annotation, "aggregator", unresolved);
    TypeMirror reducer = classAttribute(annotation, "reducer", unresolved);
    List<TypeMirror> aggregatorArguments = aggregator == null ? null : aggregateFunctions.arguments(aggregator);
    List<TypeMirror> reducerArguments = reducer == null ? null : aggregateFunctions.argumentsOf(reducer,
        env.getElementUtils().getTypeElement(ReduceFunction.class.getCanonicalName()));
    TypeMirror reducerType = reducerArguments == null || reducerArguments.size() != 1 ? null : reducerArguments.get(0);
    List<ExecutableElement> windowMethods = members.methodsNamed(type, "window");
    List<ExecutableElement> lateMethods = members.methodsNamed(type, "late");
    windowMethods.forEach(m -> m.getParameters().forEach(p -> unresolved.note(TypeScan.containsError(p.asType()))));
    TypeMirror input = null;
    TypeMirror result = null;
    if (aggregator != null && reducer == null) {
      if (aggregatorArguments != null) {
        input = aggregatorArguments.get(0);
        result = aggregatorArguments.get(2);
      }
    } else if (reducer != null && aggregator == null) {
      input = reducerType;
      result = reducerType;
    } else if (aggregator == null && windowMethods.size() == 1 && windowMethods.get(0).getParameters().size() == 4) {
      TypeMirror all = windowMethods.get(0).getParameters().get(2).asType();
      if (all.getKind() == TypeKind.DECLARED && ((TypeElement) ((DeclaredType) all).asElement()).getQualifiedName()
          .contentEquals("java.util.List") && ((DeclaredType) all).getTypeArguments().size() == 1) {
        input = ((DeclaredType) all).getTypeArguments().get(0);
        result = all;
      }
    }
    return new WindowModel(annotation,
        annotations.longValue(annotation, "sizeMillis", 0), annotations.longValue(annotation, "slideMillis", 0),
        annotations.longValue(annotation, "sessionGapMillis", 0), annotations.string(annotation, "timestamp", ""),
        null, aggregator, aggregatorArguments, reducer, reducerType,
        annotations.longValue(annotation, "allowedLatenessMillis", 0),
        annotations.longValue(annotation, "earlyFiringMillis", 0), annotations.longValue(annotation, "countTrigger", 0),
        List.copyOf(windowMethods), List.copyOf(lateMethods), input == null ? null : box(input), result);
  }

  /** The one input of a window operator: its records' type, consumed by the window method; none when unknown. */
  private List<InputModel> windowInputs(WindowModel window) {
    ExecutableElement method = window.windowMethod();
    if (window.input() == null || method == null || method.getParameters().size() != 4) {
      return List.of();
    }
    TypeMirror emitter = method.getParameters().get(3).asType();
    if (!MethodShapes.isNamed(emitter, io.weir.api.Emitter.class)
        || ((DeclaredType) emitter).getTypeArguments().size() != 1) {
      return List.of();
    }
    return List.of(new InputModel(0, window.input(), method, Shape.WINDOW,
        ((DeclaredType) emitter).getTypeArguments().get(0), false));
  }

  private static WindowModel withTimestampAccess(WindowModel w, KeyAccess access) {
    return new WindowModel(w.annotation(), w.sizeMillis(), w.slideMillis(), w.sessionGapMillis(), w.timestamp(),
        access, w.aggregator(), w.aggregatorArguments(), w.reducer(), w.reducerType(), w.allowedLatenessMillis(),
        w.earlyFiringMillis(), w.countTrigger(), w.windowMethods(), w.lateMethods(), w.input(), w.result());
  }

  private TypeMirror box(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType() : type;
  }

  private EventTimeModel eventTime(ExecutableElement method, AnnotationMirror annotation, Unresolved unresolved) {
    method.getParameters().forEach(p -> unresolved.note(TypeScan.containsError(p.asType())));
    return new EventTimeModel(method, annotation,
        annotations.enumName(annotation, "watermarks", "BOUNDED_OUT_OF_ORDERNESS"),
        annotations.longValue(annotation, "maxOutOfOrdernessMillis", 0),
        annotations.longValue(annotation, "idleTimeoutMillis", 0),
        classAttribute(annotation, "generator", unresolved));
  }

  private List<SideOutputModel> sideOutputs(TypeElement type, Unresolved unresolved) {
    List<SideOutputModel> result = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      AnnotationMirror annotation = AnnotationReader.find(field, SideOutput.class.getCanonicalName());
      if (annotation == null) {
        continue;
      }
      unresolved.note(TypeScan.containsError(field.asType()));
      TypeMirror emitted = null;
      if (MethodShapes.isNamed(field.asType(), io.weir.api.Emitter.class)
          && ((DeclaredType) field.asType()).getTypeArguments().size() == 1) {
        emitted = ((DeclaredType) field.asType()).getTypeArguments().get(0);
      }
      result.add(new SideOutputModel(field, annotation, annotations.string(annotation, "value", ""), emitted));
    }
    return List.copyOf(result);
  }

  /** A class-valued attribute of {@code @State} as written, or null when absent. */
  private static TypeMirror classAttribute(AnnotationMirror state, String name, Unresolved unresolved) {
    AnnotationValue value = AnnotationReader.explicitValue(state, name);
    if (value == null) {
      return null;
    }
    TypeMirror type = value.getValue() instanceof TypeMirror t ? t : null;
    unresolved.note(type == null || TypeScan.containsError(type));
    return type;
  }

  /** Whether {@code type} implements {@link TwoPhaseCommitSink}, directly or through a superclass. */
  private boolean transactional(TypeElement type) {
    TypeElement sink = env.getElementUtils().getTypeElement(TwoPhaseCommitSink.class.getCanonicalName());
    return sink != null && types.isSubtype(types.erasure(type.asType()), types.erasure(sink.asType()));
  }

  /** {@code public void open(OperatorContext)} or {@code public void close()}, inherited or not. */
  private boolean hasLifecycle(TypeElement type, String name) {
    for (ExecutableElement method : members.methodsNamed(type, name)) {
      if (isLifecycle(method, name)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code method} has the exact lifecycle signature Weir calls. */
  public static boolean isLifecycle(ExecutableElement method, String name) {
    if (!Members.isPublicInstance(method) || method.getReturnType().getKind() != TypeKind.VOID
        || !method.getTypeParameters().isEmpty()) {
      return false;
    }
    return name.equals("close") ? method.getParameters().isEmpty() : takesOnlyContext(method);
  }

  /** Whether the method's only parameter is an {@code OperatorContext}. */
  public static boolean takesOnlyContext(ExecutableElement method) {
    if (method.getParameters().size() != 1) {
      return false;
    }
    TypeMirror param = method.getParameters().get(0).asType();
    return param.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) param).asElement()).getQualifiedName()
            .contentEquals(OperatorContext.class.getCanonicalName());
  }

  /** Collects whether anything was unresolved while reading one class. */
  private static final class Unresolved {
    boolean any;

    void note(boolean unresolved) {
      any |= unresolved;
    }
  }
}
