package io.weir.processor.writing;

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
import io.weir.processor.model.InputModel;
import io.weir.processor.model.KeyAccess;
import io.weir.processor.model.VertexModel;
import io.weir.processor.serialization.SerializerWriter;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Generates {@code <Simple>_WeirKeys}, the {@code KeySelector} of a keyed operator or sink. It
 * reads the key member of each input type, hashes it with {@link KeyHashes} (no boxing for
 * primitive keys), and names the key serializer. Keys read through an instance method of the
 * operator use an instance of their own, created with the no-argument constructor: key methods
 * should depend on their argument only.
 */
public final class KeySelectorWriter {
  private final SerializerWriter serializers;
  private final Types types;

  public KeySelectorWriter(SerializerWriter serializers, Types types) {
    this.serializers = serializers;
    this.types = types;
  }

  public JavaFile write(VertexModel vertex) {
    ClassName userClass = ClassName.get(vertex.element());
    ClassName keys = GeneratedNames.keySelector(vertex.element());
    KeyHashes hashes = new KeyHashes();
    TypeSpec.Builder type = TypeSpec.classBuilder(keys)
        .addJavadoc("Extracts the key {@code $L} of {@link $T}'s inputs.\n", vertex.key().name(), userClass)
        .addAnnotation(GeneratedNames.generatedAnnotation())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(RuntimeNames.KEY_SELECTOR)
        .addOriginatingElement(vertex.element());
    if (vertex.key().accesses().stream().anyMatch(a -> a.kind() == KeyAccess.Kind.OPERATOR_METHOD)) {
      type.addField(FieldSpec.builder(userClass, "operator", Modifier.PRIVATE, Modifier.FINAL)
          .initializer("new $T()", userClass)
          .build());
    }
    type.addMethod(perInput(vertex, "key", ClassName.OBJECT, input -> read(vertex, input)));
    type.addMethod(perInput(vertex, "keyHash", TypeName.INT,
        input -> hashes.hash(keyType(vertex, input), read(vertex, input))));
    type.addMethod(keySerializer(vertex));
    type.addMethods(hashes.helpers());
    return JavaFile.builder(keys.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  /** {@code return switch (input) { case 0 -> ...; default -> throw ...; };} */
  private static MethodSpec perInput(
      VertexModel vertex, String name, TypeName returns, Function<InputModel, CodeBlock> body) {
    CodeBlock.Builder code = CodeBlock.builder().add("return switch (input) {\n$>");
    for (InputModel input : vertex.inputs()) {
      code.add("case $L -> $L;\n", input.index(), body.apply(input));
    }
    code.add("default -> throw new $T($S + input);\n", IllegalArgumentException.class,
        vertex.element().getSimpleName() + " has no input ");
    code.add("$<};\n");
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns)
        .addParameter(int.class, "input")
        .addParameter(Object.class, "record")
        .addCode(code.build())
        .build();
  }

  /** Reads the key of a record of {@code input}; typed as the key member is declared. */
  private static CodeBlock read(VertexModel vertex, InputModel input) {
    KeyAccess access = vertex.key().accesses().get(input.index());
    TypeName in = TypeName.get(input.type());
    return switch (access.kind()) {
      case ACCESSOR -> CodeBlock.of("(($T) record).$N()", in, access.member());
      case FIELD -> CodeBlock.of("(($T) record).$N", in, access.member());
      case OPERATOR_METHOD -> CodeBlock.of("operator.$N(($T) record)", access.member(), in);
      case STATIC_OPERATOR_METHOD ->
          CodeBlock.of("$T.$N(($T) record)", ClassName.get(vertex.element()), access.member(), in);
    };
  }

  private static TypeMirror keyType(VertexModel vertex, InputModel input) {
    return vertex.key().accesses().get(input.index()).keyType();
  }

  private MethodSpec keySerializer(VertexModel vertex) {
    TypeMirror keyType = keyType(vertex, vertex.inputs().get(0));
    if (keyType.getKind().isPrimitive()) {
      keyType = types.boxedClass((PrimitiveType) keyType).asType();
    }
    CodeBlock serializer = serializers.serializerFor(
        keyType, vertex.element(), GeneratedNames.keySelector(vertex.element()).packageName());
    return MethodSpec.methodBuilder("keySerializer")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(RuntimeNames.TYPE_SERIALIZER, WildcardTypeName.subtypeOf(Object.class)))
        .addStatement("return $L", serializer)
        .build();
  }
}
