package io.weir.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Writes stable hash expressions for key values, from Java's specified hash functions only:
 * {@code String.hashCode}, {@code Long.hashCode(long)} and the other boxes' static
 * {@code hashCode}s (which take primitives, so primitive keys are not boxed), an enum's
 * {@code name().hashCode()}, and for a record {@code h = 31 * h + hash(component)} over its
 * components in declaration order, starting at {@code h = 1}, with 0 for a null component.
 * Record hashes go into private static helper methods, collected by {@link #helpers()}.
 */
final class KeyHashes {
  private static final Map<String, ClassName> PRIMITIVE_HASHERS = Map.of(
      "boolean", ClassName.get(Boolean.class), "byte", ClassName.get(Byte.class),
      "short", ClassName.get(Short.class), "char", ClassName.get(Character.class),
      "int", ClassName.get(Integer.class), "long", ClassName.get(Long.class),
      "float", ClassName.get(Float.class), "double", ClassName.get(Double.class));
  private static final Map<String, String> BOX_TO_PRIMITIVE = Map.of(
      "java.lang.Boolean", "boolean", "java.lang.Byte", "byte", "java.lang.Short", "short",
      "java.lang.Character", "char", "java.lang.Integer", "int", "java.lang.Long", "long",
      "java.lang.Float", "float", "java.lang.Double", "double");

  private final Map<String, MethodSpec> helpers = new LinkedHashMap<>();
  private final Map<String, String> helperNames = new LinkedHashMap<>();
  private final Set<String> usedNames = new HashSet<>();

  /** An int expression hashing {@code value}, a non-null expression of type {@code type}. */
  CodeBlock hash(TypeMirror type, CodeBlock value) {
    if (type.getKind().isPrimitive()) {
      ClassName hasher = PRIMITIVE_HASHERS.get(type.getKind().name().toLowerCase(Locale.ROOT));
      return CodeBlock.of("$T.hashCode($L)", hasher, value);
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String name = element.getQualifiedName().toString();
    if (BOX_TO_PRIMITIVE.containsKey(name)) {
      return CodeBlock.of("$T.hashCode($L)", PRIMITIVE_HASHERS.get(BOX_TO_PRIMITIVE.get(name)), value);
    }
    if (name.equals("java.lang.String")) {
      return CodeBlock.of("$L.hashCode()", value);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return CodeBlock.of("$L.name().hashCode()", value);
    }
    if (element.getKind() == ElementKind.RECORD) {
      return CodeBlock.of("$N($L)", helperFor(element), value);
    }
    throw new IllegalArgumentException("not a key type: " + type);
  }

  /** The helper methods the expressions so far call, in first-use order. */
  List<MethodSpec> helpers() {
    return new ArrayList<>(helpers.values());
  }

  private String helperFor(TypeElement record) {
    String qualified = record.getQualifiedName().toString();
    String existing = helperNames.get(qualified);
    if (existing != null) {
      return existing;
    }
    String base = "hash" + record.getSimpleName();
    String name = base;
    for (int i = 2; !usedNames.add(name); i++) {
      name = base + i;
    }
    helperNames.put(qualified, name);
    MethodSpec.Builder helper = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(int.class)
        .addParameter(ClassName.get(record), "key")
        .addStatement("int h = 1");
    for (RecordComponentElement component : record.getRecordComponents()) {
      TypeMirror componentType = component.asType();
      String accessor = component.getSimpleName().toString();
      if (componentType.getKind().isPrimitive()) {
        helper.addStatement("h = 31 * h + $L", hash(componentType, CodeBlock.of("key.$N()", accessor)));
      } else {
        String local = accessor + "Value";
        helper.addStatement("$T $N = key.$N()", TypeName.get(componentType), local, accessor);
        helper.addStatement("h = 31 * h + ($N == null ? 0 : $L)", local,
            hash(componentType, CodeBlock.of("$N", local)));
      }
    }
    helpers.put(qualified, helper.addStatement("return h").build());
    return name;
  }
}
