package io.weir.processor.serialization;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.weir.processor.RuntimeNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Turns a {@link ClassPlan} into the source of a {@code <Simple>_WeirSerializer}: a stateless
 * singleton ({@code INSTANCE}) implementing {@code TypeSerializer<T>}, whose instance methods
 * delegate to public static {@code write(T, BinaryOutput)} and {@code read(BinaryInput)}, which
 * other generated serializers call directly.
 */
final class SerializerClassEmitter {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName KRYO_FALLBACK = RuntimeNames.KRYO_FALLBACK_SERIALIZER;
  private static final ClassName KRYO_REGISTRATION = RuntimeNames.KRYO_REGISTRATION;
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName CLASS = ClassName.get("java.lang", "Class");
  /** Mirrors {@code KryoFallbackSerializer.FIRST_ID} (the processor does not depend on the state module). */
  static final int KRYO_FIRST_ID = 32;

  /**
   * @param immutable whether every value is deeply immutable ({@link DeepImmutability}); the class
   *     then says so through {@code immutableValues()}
   */
  JavaFile emit(ClassPlan plan, String formatId, boolean immutable) {
    TypeName t = plan.valueType;
    TypeSpec.Builder type = TypeSpec.classBuilder(plan.name)
        .addJavadoc(classDoc(plan))
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", RuntimeNames.GENERATOR).build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(RuntimeNames.TYPE_SERIALIZER, t))
        .addField(FieldSpec.builder(plan.name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", plan.name)
            .build())
        .addField(FieldSpec.builder(String.class, "FORMAT_ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("This class and a hash of the layout it writes, including nested types' layouts.\n")
            .initializer("$S", formatId)
            .build());
    if (plan.origin != null) {
      type.addOriginatingElement(plan.origin);
    }
    MethodSpec.Builder write = MethodSpec.methodBuilder("write")
        .addJavadoc("Writes a non-null {@code $L}.\n", plan.key)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(t, "value")
        .addParameter(RuntimeNames.BINARY_OUTPUT, "out");
    MethodSpec.Builder read = MethodSpec.methodBuilder("read")
        .addJavadoc("Reads a value written by {@link #write}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(t)
        .addParameter(RuntimeNames.BINARY_INPUT, "in");
    switch (plan.kind) {
      case RECORD:
        recordBodies(plan, write, read);
        break;
      case POJO:
        pojoBodies(plan, write, read);
        break;
      case ENUM:
        enumBodies(plan, type, write, read);
        break;
      case KRYO:
        kryoBodies(plan, type, write, read);
        break;
      case WRAPPER:
        wrapperBodies(plan, write, read);
        break;
      default:
        throw new AssertionError(plan.kind);
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("serialize")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(t, "value")
            .addParameter(RuntimeNames.BINARY_OUTPUT, "out")
            .addStatement("write(value, out)")
            .build())
        .addMethod(MethodSpec.methodBuilder("deserialize")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(t)
            .addParameter(RuntimeNames.BINARY_INPUT, "in")
            .addStatement("return read(in)")
            .build())
        .addMethod(MethodSpec.methodBuilder("formatId")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return FORMAT_ID")
            .build())
        .addMethod(write.build())
        .addMethod(read.build());
    if (immutable) {
      type.addMethod(MethodSpec.methodBuilder("immutableValues")
          .addJavadoc("Every value is deeply immutable: the runtime may share it between threads instead of copying it.\n")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(boolean.class)
          .addStatement("return true")
          .build());
    }
    return JavaFile.builder(plan.name.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private static CodeBlock classDoc(ClassPlan plan) {
    String subject = "{@code " + plan.key + "}";
    switch (plan.kind) {
      case RECORD:
        return CodeBlock.of("Serializes the record $L: its components in declaration order, each reference\n"
            + "preceded by a presence byte (0 = null, 1 = present).\n", subject);
      case POJO:
        return CodeBlock.of("Serializes the class $L: its fields, superclass fields first, each reference\n"
            + "preceded by a presence byte (0 = null, 1 = present). Subclasses are rejected.\n", subject);
      case ENUM:
        return CodeBlock.of("Serializes the enum $L as its ordinal (a varint). Reordering the constants\n"
            + "changes the format; {@link #FORMAT_ID} changes with it, so a restore can tell.\n", subject);
      case KRYO:
        return CodeBlock.of("Serializes $L with the Kryo fallback, registered classes only. Never use it for\n"
            + "bytes from an unauthenticated peer.\n", subject);
      case WRAPPER:
        return CodeBlock.of("Serializes $L; nested references are preceded by a presence byte.\n", subject);
      default:
        throw new AssertionError(plan.kind);
    }
  }

  private static void recordBodies(ClassPlan plan, MethodSpec.Builder write, MethodSpec.Builder read) {
    ShapeCodeEmitter w = new ShapeCodeEmitter();
    CodeBlock.Builder wb = CodeBlock.builder();
    for (ClassPlan.Member m : plan.members) {
      w.write(m.shape(), CodeBlock.of("value.$N()", m.getter()), false, m.shape().nullable(), m.name(), wb);
    }
    write.addCode(wb.build());

    ShapeCodeEmitter r = new ShapeCodeEmitter();
    CodeBlock.Builder rb = CodeBlock.builder();
    List<CodeBlock> args = new ArrayList<>();
    for (ClassPlan.Member m : plan.members) {
      String local = r.newLocal(m.name());
      r.read(m.shape(), m.shape().nullable(), local, rb);
      args.add(CodeBlock.of("$N", local));
    }
    rb.addStatement("return new $T($L)", plan.valueType, CodeBlock.join(args, ", "));
    read.addCode(rb.build());
    suppressIfUnchecked(r, read);
  }

  private static void pojoBodies(ClassPlan plan, MethodSpec.Builder write, MethodSpec.Builder read) {
    ShapeCodeEmitter w = new ShapeCodeEmitter();
    CodeBlock.Builder wb = CodeBlock.builder();
    if (plan.exactClassCheck) {
      TypeName raw = raw(plan.valueType);
      wb.beginControlFlow("if (value.getClass() != $T.class)", raw);
      wb.addStatement("throw new $T($S + value.getClass().getName())", RuntimeNames.SERIALIZATION_EXCEPTION,
          "cannot write a subclass of " + plan.key + " (its own fields would be lost): ");
      wb.endControlFlow();
    }
    for (ClassPlan.Member m : plan.members) {
      CodeBlock get = m.getter() == null ? CodeBlock.of("value.$N", m.name()) : CodeBlock.of("value.$N()", m.getter());
      w.write(m.shape(), get, false, m.shape().nullable(), m.name(), wb);
    }
    write.addCode(wb.build());

    ShapeCodeEmitter r = new ShapeCodeEmitter();
    CodeBlock.Builder rb = CodeBlock.builder();
    rb.addStatement("$T result = new $T()", plan.valueType, plan.valueType);
    for (ClassPlan.Member m : plan.members) {
      CodeBlock expr = r.readExpression(m.shape(), m.shape().nullable());
      if (expr == null) {
        String local = r.newLocal(m.name());
        r.read(m.shape(), m.shape().nullable(), local, rb);
        expr = CodeBlock.of("$N", local);
      }
      if (m.setter() == null) {
        rb.addStatement("result.$N = $L", m.name(), expr);
      } else {
        rb.addStatement("result.$N($L)", m.setter(), expr);
      }
    }
    rb.addStatement("return result");
    read.addCode(rb.build());
    suppressIfUnchecked(r, read);
  }

  private static void enumBodies(ClassPlan plan, TypeSpec.Builder type, MethodSpec.Builder write, MethodSpec.Builder read) {
    type.addField(FieldSpec.builder(
            ArrayTypeName.of(plan.valueType), "VALUES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Cached: {@code values()} copies the array on every call.\n")
        .initializer("$T.values()", plan.valueType)
        .build());
    write.addStatement("out.writeVarInt(value.ordinal())");
    read.addStatement("int ordinal = in.readVarInt()")
        .beginControlFlow("if (ordinal < 0 || ordinal >= VALUES.length)")
        .addStatement("throw new $T($S + ordinal)", RuntimeNames.SERIALIZATION_EXCEPTION,
            "corrupt input: " + plan.key + " has no constant with ordinal ")
        .endControlFlow()
        .addStatement("return VALUES[ordinal]");
  }

  private static void kryoBodies(ClassPlan plan, TypeSpec.Builder type, MethodSpec.Builder write, MethodSpec.Builder read) {
    List<CodeBlock> registrations = new ArrayList<>();
    int id = KRYO_FIRST_ID;
    for (TypeName literal : plan.kryoClasses) {
      registrations.add(CodeBlock.of("$T.of($T.class, $L)", KRYO_REGISTRATION, literal, id++));
    }
    CodeBlock list = registrations.isEmpty()
        ? CodeBlock.of("$T.of()", LIST)
        : CodeBlock.of("$T.of(\n$>$>$L$<$<)", LIST, CodeBlock.join(registrations, ",\n"));
    TypeName raw = raw(plan.valueType);
    CodeBlock typeLiteral = raw.equals(plan.valueType)
        ? CodeBlock.of("$T.class", raw)
        : CodeBlock.of("($T) ($T) $T.class", ParameterizedTypeName.get(CLASS, plan.valueType),
            ParameterizedTypeName.get(CLASS, WildcardTypeName.subtypeOf(Object.class)), raw);
    FieldSpec.Builder field = FieldSpec.builder(ParameterizedTypeName.get(KRYO_FALLBACK, plan.valueType), "KRYO",
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Registration ids are fixed here, at compile time; reordering them changes the format.\n")
        .initializer("new $T<>($L, $L)", KRYO_FALLBACK, typeLiteral, list);
    if (!raw.equals(plan.valueType)) {
      field.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    type.addField(field.build());
    write.addStatement("KRYO.serialize(value, out)");
    read.addStatement("return KRYO.deserialize(in)");
  }

  private static void wrapperBodies(ClassPlan plan, MethodSpec.Builder write, MethodSpec.Builder read) {
    ShapeCodeEmitter w = new ShapeCodeEmitter();
    CodeBlock.Builder wb = CodeBlock.builder();
    w.write(plan.wrapped, CodeBlock.of("value"), true, false, "value", wb);
    write.addCode(wb.build());
    ShapeCodeEmitter r = new ShapeCodeEmitter();
    CodeBlock.Builder rb = CodeBlock.builder();
    r.read(plan.wrapped, false, "result", rb);
    rb.addStatement("return result");
    read.addCode(rb.build());
    suppressIfUnchecked(r, read);
  }

  private static void suppressIfUnchecked(ShapeCodeEmitter emitter, MethodSpec.Builder method) {
    if (emitter.usesUncheckedCast()) {
      method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "{$S, $S}", "unchecked", "rawtypes")
          .build());
    }
  }

  private static TypeName raw(TypeName type) {
    return type instanceof ParameterizedTypeName ? ((ParameterizedTypeName) type).rawType() : type;
  }
}
