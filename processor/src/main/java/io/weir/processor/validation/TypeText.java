package io.weir.processor.validation;

import java.util.StringJoiner;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Short, readable renderings of types and methods for messages: simple names, type arguments kept. */
final class TypeText {
  private TypeText() {}

  static String of(TypeMirror type) {
    if (type == null) {
      return "?";
    }
    return switch (type.getKind()) {
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        String name = declared.asElement().getSimpleName().toString();
        if (declared.getTypeArguments().isEmpty()) {
          yield name;
        }
        StringJoiner args = new StringJoiner(", ", name + "<", ">");
        declared.getTypeArguments().forEach(a -> args.add(of(a)));
        yield args.toString();
      }
      case ARRAY -> of(((ArrayType) type).getComponentType()) + "[]";
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          yield "? extends " + of(wildcard.getExtendsBound());
        }
        yield wildcard.getSuperBound() != null ? "? super " + of(wildcard.getSuperBound()) : "?";
      }
      default -> type.toString();
    };
  }

  /** {@code process(Word, Emitter<WordCount>)}. */
  static String of(ExecutableElement method) {
    StringJoiner params = new StringJoiner(", ", method.getSimpleName() + "(", ")");
    for (VariableElement param : method.getParameters()) {
      params.add(of(param.asType()));
    }
    return params.toString();
  }
}
