package io.weir.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotation attributes through mirrors. Mirrors never throw for class literals (unlike
 * {@code annotation.from()}), and tolerate attributes javac could not resolve.
 */
public final class AnnotationReader {
  private final Elements elements;

  public AnnotationReader(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of type {@code annotationName} on {@code element}, or null. */
  public static AnnotationMirror find(Element element, String annotationName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationName)) {
        return mirror;
      }
    }
    return null;
  }

  /** The attribute {@code name} as written in source, or null when it takes its default. */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The attribute {@code name}, written or defaulted; null if the annotation has no such attribute. */
  public AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** A string attribute; {@code fallback} when it is missing or unresolved. */
  public String string(AnnotationMirror mirror, String name, String fallback) {
    AnnotationValue value = value(mirror, name);
    return value != null && value.getValue() instanceof String s ? s : fallback;
  }

  /** An int attribute; {@code fallback} when it is missing or not a constant. */
  public int integer(AnnotationMirror mirror, String name, int fallback) {
    AnnotationValue value = value(mirror, name);
    return value != null && value.getValue() instanceof Integer i ? i : fallback;
  }

  /** A long attribute; {@code fallback} when it is missing or not a constant. */
  public long longValue(AnnotationMirror mirror, String name, long fallback) {
    AnnotationValue value = value(mirror, name);
    return value != null && value.getValue() instanceof Long l ? l : fallback;
  }

  /** The constant name of an enum attribute, or {@code fallback}. */
  public String enumName(AnnotationMirror mirror, String name, String fallback) {
    AnnotationValue value = value(mirror, name);
    return value != null && value.getValue() instanceof VariableElement v ? v.getSimpleName().toString() : fallback;
  }

  /** A class attribute; null when unresolved (javac then reports the missing class). */
  public TypeMirror type(AnnotationMirror mirror, String name) {
    AnnotationValue value = value(mirror, name);
    return value != null && value.getValue() instanceof TypeMirror t ? t : null;
  }

  /** The elements of an array attribute; a single value written without braces counts as one. */
  public List<AnnotationValue> list(AnnotationMirror mirror, String name) {
    AnnotationValue value = value(mirror, name);
    List<AnnotationValue> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (value.getValue() instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof AnnotationValue v) {
          result.add(v);
        }
      }
    } else {
      result.add(value);
    }
    return result;
  }
}
