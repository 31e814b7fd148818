package io.weir.processor.serialization;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One serializer class to generate: which type it handles, how, and under which name. Created
 * when a type is first met (so recursive types find their own class) and completed by analysis.
 */
final class ClassPlan {

  /** What the generated class does. */
  enum Kind {
    /** Components in order, rebuilt with the canonical constructor. */
    RECORD,
    /** Fields in order, rebuilt with the no-arg constructor and field writes or setters. */
    POJO,
    /** Ordinal as a varint. */
    ENUM,
    /** Delegates to a registered Kryo fallback. */
    KRYO,
    /** A top-level container, array or Optional, written inline; lives in the fallback package. */
    WRAPPER
  }

  /**
   * One component or field.
   *
   * @param name the component or field name
   * @param shape its encoding
   * @param getter how to read it from {@code value}: a method name, or null for direct field access
   * @param setter for POJOs, the setter's name, or null for a direct field write; unused for records
   */
  record Member(String name, TypeShape shape, String getter, String setter) {}

  final Kind kind;
  final ClassName name;
  final TypeName valueType;
  final String key;
  final TypeMirror type;
  /** The element warnings about this class point at, and the originating element of its file. */
  final Element origin;

  /** RECORD, POJO, WRAPPER: the members (WRAPPER: none). */
  List<Member> members = List.of();
  /** POJO: when the class is not final, write checks that the value is not a subclass. */
  boolean exactClassCheck;
  /** POJO: the fields found by {@link PojoAnalyzer}, turned into members by analysis. */
  List<PojoAnalyzer.Field> pojoFields = List.of();
  /** ENUM: constant names in ordinal order. */
  List<String> enumConstants = List.of();
  /** KRYO: class literals to register, in id order from {@code KryoFallbackSerializer.FIRST_ID}. */
  List<TypeName> kryoClasses = List.of();
  /** WRAPPER: the inline shape of the top-level value. */
  TypeShape wrapped;
  /** Analysis reported an error: the class is not written. */
  boolean failed;
  /** Already handed to the Filer. */
  boolean written;

  ClassPlan(Kind kind, ClassName name, TypeName valueType, String key, TypeMirror type, Element origin) {
    this.kind = kind;
    this.name = name;
    this.valueType = valueType;
    this.key = key;
    this.type = type;
    this.origin = origin;
  }

  /** The layout of this class alone; nested class-based shapes appear by key. */
  String ownLayout() {
    StringBuilder sb = new StringBuilder(kind.name().toLowerCase()).append(' ').append(key);
    switch (kind) {
      case RECORD:
      case POJO:
        sb.append('(');
        for (Member m : members) {
          sb.append(m.name()).append(':').append(m.shape().layout()).append(';');
        }
        sb.append(')');
        break;
      case ENUM:
        sb.append('{').append(String.join(",", enumConstants)).append('}');
        break;
      case KRYO:
        sb.append('[');
        for (TypeName t : kryoClasses) {
          sb.append(t).append(';');
        }
        sb.append(']');
        break;
      case WRAPPER:
        sb.append('=').append(wrapped.layout());
        break;
      default:
        throw new AssertionError(kind);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return kind + " " + name;
  }
}
