package io.weir.processor.validation;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Which types may be keys: those whose hash the generated key selector can compute the same way in
 * every JVM. Primitives, their boxes, {@code String}, enums (hashed by name), and records made of
 * those (hashed component by component).
 */
final class KeyTypes {
  private static final Set<String> BOXES = Set.of(
      "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Character",
      "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.String");

  private KeyTypes() {}

  /** Null when {@code type} is a supported key type; otherwise the offending (part of the) type. */
  static TypeMirror unsupportedPart(TypeMirror type) {
    return unsupportedPart(type, new HashSet<>());
  }

  private static TypeMirror unsupportedPart(TypeMirror type, Set<String> recordsInProgress) {
    if (type.getKind().isPrimitive()) {
      return null;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return type;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String name = element.getQualifiedName().toString();
    if (BOXES.contains(name) || element.getKind() == ElementKind.ENUM) {
      return null;
    }
    if (element.getKind() != ElementKind.RECORD || !element.getTypeParameters().isEmpty()
        || !recordsInProgress.add(name)) {
      return type;
    }
    for (RecordComponentElement component : element.getRecordComponents()) {
      TypeMirror bad = unsupportedPart(component.asType(), recordsInProgress);
      if (bad != null) {
        return bad;
      }
    }
    recordsInProgress.remove(name);
    return null;
  }
}
