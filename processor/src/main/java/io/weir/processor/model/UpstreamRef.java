package io.weir.processor.model;

import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One class literal of a {@code from} attribute.
 *
 * @param type the named type, or null when javac could not resolve the literal (it reports that)
 * @param value the literal inside the annotation, where diagnostics point
 */
public record UpstreamRef(TypeMirror type, AnnotationValue value) {

  /** The named class, or null when the literal is unresolved or not a class. */
  public TypeElement element() {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    return (TypeElement) ((DeclaredType) type).asElement();
  }

  /** Qualified name of the named class, or null. */
  public String qualifiedName() {
    TypeElement element = element();
    return element == null ? null : element.getQualifiedName().toString();
  }
}
