package io.weir.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The methods a class offers, in a stable order: its own in declaration order, then those it
 * inherits from superclasses (not overridden), nearest superclass first. {@code java.lang.Object}'s
 * methods are left out. Declaration order makes input numbers follow the source.
 */
public final class Members {
  private final Elements elements;

  public Members(Elements elements) {
    this.elements = elements;
  }

  public List<ExecutableElement> methods(TypeElement type) {
    List<ExecutableElement> result = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclassOf(t)) {
      if (t.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (t == type || !overridden(method, result, type)) {
          result.add(method);
        }
      }
    }
    return result;
  }

  /** The methods named {@code name}. */
  public List<ExecutableElement> methodsNamed(TypeElement type, String name) {
    return methods(type).stream().filter(m -> m.getSimpleName().contentEquals(name)).toList();
  }

  private boolean overridden(ExecutableElement method, List<ExecutableElement> nearer, TypeElement type) {
    for (ExecutableElement candidate : nearer) {
      if (candidate.getSimpleName().equals(method.getSimpleName()) && elements.overrides(candidate, method, type)) {
        return true;
      }
    }
    return false;
  }

  /** The superclass element, or null at the top or when the superclass is unresolved. */
  public static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  public static boolean isPublicInstance(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC) && !method.getModifiers().contains(Modifier.STATIC);
  }
}
