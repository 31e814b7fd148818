package io.weir.processor.model;

import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Questions about type mirrors that several parts of the model ask. */
public final class TypeScan {
  private TypeScan() {}

  /**
   * Whether {@code type} is, or mentions, a type javac has not resolved: a class another processor
   * has yet to generate, or a typo javac will report itself.
   */
  public static boolean containsError(TypeMirror type) {
    if (type == null) {
      return false;
    }
    return switch (type.getKind()) {
      case ERROR -> true;
      case DECLARED -> {
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (containsError(argument)) {
            yield true;
          }
        }
        yield containsError(((DeclaredType) type).getEnclosingType());
      }
      case ARRAY -> containsError(((ArrayType) type).getComponentType());
      case WILDCARD -> containsError(((WildcardType) type).getExtendsBound())
          || containsError(((WildcardType) type).getSuperBound());
      default -> false;
    };
  }

  /**
   * Whether records of {@code type} can flow on an edge: a class, interface or array type without
   * type variables or wildcards at the top level (those have no concrete serializer).
   */
  public static boolean isConcrete(TypeMirror type) {
    if (type == null) {
      return false;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return component.getKind().isPrimitive() || isConcrete(component);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
      if (argument.getKind() == TypeKind.TYPEVAR || argument.getKind() == TypeKind.WILDCARD) {
        return false;
      }
      if (argument.getKind() == TypeKind.DECLARED && !isConcrete(argument)) {
        return false;
      }
    }
    return true;
  }
}
