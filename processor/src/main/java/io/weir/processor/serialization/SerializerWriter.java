package io.weir.processor.serialization;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.weir.processor.Diagnostics;
import io.weir.processor.RuntimeNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The processor's entry point to serialization: hands out an expression for the serializer of a
 * type and writes the generated serializer classes.
 *
 * <ul>
 *   <li>String and boxes (and primitives, boxed) use the built-ins in {@code io.weir.state.serialization}.
 *   <li>Records, POJOs (see {@link PojoAnalyzer}) and enums get a {@code <Simple>_WeirSerializer} in
 *       their own package ({@code Outer_Inner_...} when nested, type arguments appended when
 *       generic). JDK enums get theirs in the fallback package.
 *   <li>Anything else falls back to Kryo with compile-time registrations (a warning tagged
 *       {@code weir.kryo-fallback}); its class goes in the type's package, or the fallback package
 *       for JDK types.
 *   <li>A top-level array, collection or Optional gets a class in the fallback package.
 *   <li>Type variables, wildcards, raw types and types generated code cannot name (private, local)
 *       are errors tagged {@code weir.serializer}.
 * </ul>
 *
 * Not thread-safe; one per processor. Deterministic: the same calls in the same order produce
 * the same classes, byte for byte.
 */
public final class SerializerWriter {
  private static final Map<String, String> BUILT_INS = Map.of(
      "java.lang.String", "StringSerializer",
      "java.lang.Long", "LongSerializer",
      "java.lang.Integer", "IntSerializer",
      "java.lang.Double", "DoubleSerializer",
      "java.lang.Float", "FloatSerializer",
      "java.lang.Short", "ShortSerializer",
      "java.lang.Byte", "ByteSerializer",
      "java.lang.Boolean", "BooleanSerializer",
      "java.lang.Character", "CharSerializer");

  private final Types types;
  private final Diagnostics diagnostics;
  private final PlanRegistry registry = new PlanRegistry();
  private final TypeClassifier classifier;
  private final SerializerClassEmitter emitter = new SerializerClassEmitter();
  private final DeepImmutability immutability = new DeepImmutability(registry);

  public SerializerWriter(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.types = env.getTypeUtils();
    this.diagnostics = diagnostics;
    this.classifier = new TypeClassifier(types, env.getElementUtils(), diagnostics, registry);
  }

  /**
   * An expression evaluating to a TypeSerializer<T> for `type`, generating classes on demand. `usedBy` is
   * the element blamed in diagnostics; `fallbackPackage` hosts classes for types that cannot get their own
   * (JDK/container types at top level, e.g. List<String> on an edge). Reports [weir.serializer] and returns
   * CodeBlock.of("null") for types that cannot be serialized at all (type variables, wildcards, raw types).
   */
  public CodeBlock serializerFor(TypeMirror type, Element usedBy, String fallbackPackage) {
    TypeMirror t = type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
    String builtIn = BUILT_INS.get(SerializerNames.key(t));
    if (builtIn != null) {
      return CodeBlock.of("$T.INSTANCE", RuntimeNames.builtInSerializer(builtIn));
    }
    int errorsBefore = diagnostics.errorCount();
    TypeClassifier.Site site = new TypeClassifier.Site(usedBy, null, SerializerNames.key(t), fallbackPackage);
    TypeShape shape = classifier.classify(t, site);
    ClassName serializer = null;
    if (shape != null) {
      if (shape.kind().isClassBased()) {
        serializer = shape.serializer();
      } else {
        ClassPlan plan = registry.find(shape.key());
        if (plan == null) {
          plan = registry.create(ClassPlan.Kind.WRAPPER, fallbackPackage, SerializerNames.mangle(t),
              shape.typeName(), shape.key(), t, usedBy);
          plan.wrapped = shape;
        }
        serializer = plan.name;
      }
    }
    analyzePending();
    if (serializer == null || diagnostics.errorCount() > errorsBefore) {
      return CodeBlock.of("null");
    }
    return CodeBlock.of("$T.INSTANCE", serializer);
  }

  /** Writes every class generated so far exactly once (later calls write only new ones). */
  public void writeAll(Filer filer) throws IOException {
    for (ClassPlan plan : registry.all()) {
      if (plan.written || !writable(plan)) {
        continue;
      }
      plan.written = true;
      emitter.emit(plan, registry.formatId(plan), immutability.of(plan)).writeTo(filer);
    }
  }

  /** Completes every planned class: classifies members, which may plan more classes. */
  private void analyzePending() {
    for (ClassPlan plan = registry.nextPending(); plan != null; plan = registry.nextPending()) {
      switch (plan.kind) {
        case RECORD:
          analyzeRecord(plan);
          break;
        case POJO:
          analyzePojo(plan);
          break;
        case ENUM:
          analyzeEnum(plan);
          break;
        case KRYO:
        case WRAPPER:
          break; // complete when created
        default:
          throw new AssertionError(plan.kind);
      }
    }
  }

  private void analyzeRecord(ClassPlan plan) {
    DeclaredType declared = (DeclaredType) plan.type;
    TypeElement element = (TypeElement) declared.asElement();
    List<ClassPlan.Member> members = new ArrayList<>();
    for (RecordComponentElement component : element.getRecordComponents()) {
      ExecutableElement accessor = component.getAccessor();
      TypeMirror type = ((ExecutableType) types.asMemberOf(declared, accessor)).getReturnType();
      String name = component.getSimpleName().toString();
      TypeShape shape = classifyMember(plan, positioned(element, component), name, type);
      if (shape == null) {
        plan.failed = true;
        continue;
      }
      members.add(new ClassPlan.Member(name, shape, accessor.getSimpleName().toString(), null));
    }
    plan.members = List.copyOf(members);
  }

  /**
   * javac reports no source position for a RecordComponentElement, but does for the private field
   * it declares from the component; diagnostics point there.
   */
  private static Element positioned(TypeElement record, RecordComponentElement component) {
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        return field;
      }
    }
    return component;
  }

  private void analyzePojo(ClassPlan plan) {
    List<ClassPlan.Member> members = new ArrayList<>();
    for (PojoAnalyzer.Field field : plan.pojoFields) {
      TypeShape shape = classifyMember(plan, field.element(), field.name(), field.type());
      if (shape == null) {
        plan.failed = true;
        continue;
      }
      members.add(new ClassPlan.Member(field.name(), shape, field.getter(), field.setter()));
    }
    plan.members = List.copyOf(members);
  }

  private void analyzeEnum(ClassPlan plan) {
    TypeElement element = (TypeElement) ((DeclaredType) plan.type).asElement();
    List<String> constants = new ArrayList<>();
    for (Element e : element.getEnclosedElements()) {
      if (e.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(e.getSimpleName().toString());
      }
    }
    plan.enumConstants = List.copyOf(constants);
  }

  private TypeShape classifyMember(ClassPlan plan, Element member, String name, TypeMirror type) {
    TypeClassifier.Site site = new TypeClassifier.Site(member, "field '" + name + "' of " + plan.key,
        SerializerNames.key(type), plan.name.packageName());
    return classifier.classify(type, site);
  }

  /** A class is written only if it and every class it reaches analyzed without errors. */
  private boolean writable(ClassPlan plan) {
    return reachesNoFailure(plan, new HashSet<>());
  }

  private boolean reachesNoFailure(ClassPlan plan, Set<String> seen) {
    if (!seen.add(plan.key)) {
      return true;
    }
    if (plan.failed) {
      return false;
    }
    List<TypeShape> shapes = new ArrayList<>();
    plan.members.forEach(m -> shapes.add(m.shape()));
    if (plan.wrapped != null) {
      shapes.add(plan.wrapped);
    }
    for (TypeShape shape : shapes) {
      if (!shapeReachesNoFailure(shape, seen)) {
        return false;
      }
    }
    return true;
  }

  private boolean shapeReachesNoFailure(TypeShape shape, Set<String> seen) {
    if (shape == null) {
      return true;
    }
    if (shape.kind().isClassBased()) {
      ClassPlan nested = registry.find(shape.key());
      return nested == null || reachesNoFailure(nested, seen);
    }
    return shapeReachesNoFailure(shape.element(), seen) && shapeReachesNoFailure(shape.value(), seen);
  }
}
