package io.weir.processor.serialization;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Objects;
import javax.lang.model.type.TypeKind;

/**
 * How one Java type is encoded: the result of classifying a type, and the input of the code
 * emitters. Shapes that own a generated class ({@link Kind#isClassBased()}) are reached through
 * that class's static {@code write}/{@code read}; the others are written inline.
 *
 * @param kind the encoding
 * @param typeName the Java type, as generated code declares it
 * @param key a canonical, annotation-free spelling of the type, for registries and layout hashes
 * @param primitive for {@link Kind#PRIMITIVE} and {@link Kind#BOXED}: the primitive kind
 * @param serializer for class-based kinds: the generated serializer class
 * @param concrete for collections: the class instantiated when reading (e.g. ArrayList for List)
 * @param element element of arrays, collections and Optional; key of maps
 * @param value value of maps
 */
record TypeShape(
    Kind kind,
    TypeName typeName,
    String key,
    TypeKind primitive,
    ClassName serializer,
    ClassName concrete,
    TypeShape element,
    TypeShape value) {

  /** The encodings. Every reference value nested in another carries a presence byte first. */
  enum Kind {
    /** A primitive: fixed width, big-endian. */
    PRIMITIVE,
    /** A box: the primitive's encoding. */
    BOXED,
    /** {@code BinaryOutput.writeString}. */
    STRING,
    /** A JDK value type with a fixed layout in {@code JdkValues} (Instant, LocalDate, UUID, ...). */
    JDK_VALUE,
    /** Varint ordinal, through the enum's generated serializer. */
    ENUM,
    /** Components in declaration order, through the record's generated serializer. */
    RECORD,
    /** Fields, superclass first, through the POJO's generated serializer. */
    POJO,
    /** Varint length and Kryo bytes, through a generated class that holds the registrations. */
    KRYO,
    /** Varint length and the elements in bulk. */
    PRIMITIVE_ARRAY,
    /** Varint length and each element with its presence byte. */
    OBJECT_ARRAY,
    /** Varint size and each element with its presence byte, in iteration order. */
    LIST,
    /** Like LIST. */
    SET,
    /** Varint size and each key then value, each with its presence byte. */
    MAP,
    /** A present byte, then the value when present. */
    OPTIONAL;

    /** Whether values are read and written by calling a generated class. */
    boolean isClassBased() {
      return this == ENUM || this == RECORD || this == POJO || this == KRYO;
    }

    /** Whether reading is a single expression (else it takes statements and a local). */
    boolean isScalar() {
      return this == PRIMITIVE || this == BOXED || this == STRING || this == JDK_VALUE || isClassBased();
    }
  }

  TypeShape {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(key, "key");
  }

  static TypeShape primitive(TypeName typeName, TypeKind primitive) {
    return new TypeShape(Kind.PRIMITIVE, typeName, typeName.toString(), primitive, null, null, null, null);
  }

  static TypeShape boxed(TypeName typeName, TypeKind primitive) {
    return new TypeShape(Kind.BOXED, typeName, typeName.toString(), primitive, null, null, null, null);
  }

  static TypeShape string() {
    return new TypeShape(Kind.STRING, ClassName.get(String.class), "java.lang.String", null, null, null, null, null);
  }

  static TypeShape jdkValue(ClassName type) {
    return new TypeShape(Kind.JDK_VALUE, type, type.canonicalName(), null, null, null, null, null);
  }

  static TypeShape classBased(Kind kind, TypeName typeName, String key, ClassName serializer) {
    if (!kind.isClassBased()) {
      throw new IllegalArgumentException(kind + " is not class-based");
    }
    return new TypeShape(kind, typeName, key, null, Objects.requireNonNull(serializer), null, null, null);
  }

  static TypeShape primitiveArray(TypeName typeName, TypeShape element) {
    return new TypeShape(Kind.PRIMITIVE_ARRAY, typeName, element.key + "[]", element.primitive, null, null, element, null);
  }

  static TypeShape objectArray(TypeName typeName, TypeShape element) {
    return new TypeShape(Kind.OBJECT_ARRAY, typeName, element.key + "[]", null, null, null, element, null);
  }

  static TypeShape collection(Kind kind, TypeName typeName, String key, ClassName concrete, TypeShape element) {
    return new TypeShape(kind, typeName, key, null, null, Objects.requireNonNull(concrete), element, null);
  }

  static TypeShape map(TypeName typeName, String key, ClassName concrete, TypeShape keyShape, TypeShape valueShape) {
    return new TypeShape(Kind.MAP, typeName, key, null, null, Objects.requireNonNull(concrete), keyShape, valueShape);
  }

  static TypeShape optional(TypeName typeName, String key, TypeShape element) {
    return new TypeShape(Kind.OPTIONAL, typeName, key, null, null, null, element, null);
  }

  /** Whether a value of this shape can be null (every reference type can, at any depth). */
  boolean nullable() {
    return kind != Kind.PRIMITIVE;
  }

  /** TreeSet and TreeMap keep their order by a comparator that the bytes do not carry. */
  boolean sorted() {
    return concrete != null && (concrete.simpleName().equals("TreeSet") || concrete.simpleName().equals("TreeMap"));
  }

  /**
   * The layout this shape contributes to a format id: the encoding and the types, with class-based
   * shapes named by key only (their own layout is hashed separately).
   */
  String layout() {
    switch (kind) {
      case PRIMITIVE:
      case BOXED:
      case STRING:
      case JDK_VALUE:
        return key;
      case ENUM:
      case RECORD:
      case POJO:
      case KRYO:
        return kind.name().toLowerCase() + " " + key;
      case PRIMITIVE_ARRAY:
      case OBJECT_ARRAY:
        return "array(" + element.layout() + ")";
      case LIST:
      case SET:
      case OPTIONAL:
        return kind.name().toLowerCase() + (concrete == null ? "" : "<" + concrete.simpleName() + ">")
            + "(" + element.layout() + ")";
      case MAP:
        return "map<" + concrete.simpleName() + ">(" + element.layout() + "," + value.layout() + ")";
      default:
        throw new AssertionError(kind);
    }
  }
}
