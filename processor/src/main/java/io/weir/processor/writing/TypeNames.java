package io.weir.processor.writing;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Renders types as the runtime names them: erased, with binary names as {@code Class.getName()} gives. */
final class TypeNames {
  private final Elements elements;
  private final Types types;

  TypeNames(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** {@code com.example.Word}, {@code com.example.Outer$Inner}, {@code java.util.List}, {@code byte[]}. */
  String runtimeName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    if (erased.getKind() == TypeKind.DECLARED) {
      return elements.getBinaryName((TypeElement) ((DeclaredType) erased).asElement()).toString();
    }
    if (erased.getKind() == TypeKind.ARRAY) {
      return runtimeName(((ArrayType) erased).getComponentType()) + "[]";
    }
    return erased.toString();
  }
}
