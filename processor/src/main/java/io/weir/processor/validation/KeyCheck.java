package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.InputModel;
import io.weir.processor.model.KeyAccess;
import io.weir.processor.model.KeyModel;
import io.weir.processor.model.VertexModel;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a keyed vertex's {@code @Keyed}: it names a member every input has, of a type with a
 * stable hash, and the same key type for every input.
 */
final class KeyCheck {
  private final Diagnostics diagnostics;
  private final Elements elements;
  private final Types types;

  KeyCheck(Diagnostics diagnostics, Elements elements, Types types) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.types = types;
  }

  void check(VertexModel vertex) {
    KeyModel key = vertex.key();
    String keyed = "@Keyed(\"" + key.name() + "\") of " + vertex.element().getSimpleName();
    if (key.name().isEmpty()) {
      error(Tag.KEY_MISSING, vertex, keyed + " names no key member.",
          "name the member that holds the key, as in @Keyed(\"userId\").");
      return;
    }
    TypeMirror firstType = null;
    InputModel firstInput = null;
    for (InputModel input : vertex.inputs()) {
      KeyAccess access = key.accesses().get(input.index());
      if (access == null) {
        error(Tag.KEY_MISSING, vertex,
            keyed + ": input " + TypeText.of(input.type()) + " has no key member '" + key.name()
                + "' (a record component, a public field, or a public " + key.name() + "() or "
                + getter(key.name()) + "() method), and " + vertex.element().getSimpleName() + " has no method "
                + key.name() + "(" + TypeText.of(input.type()) + ").",
            "name an existing member, or add one of those.");
        continue;
      }
      if (access.element() instanceof ExecutableElement method && throwsChecked(method)) {
        error(Tag.KEY_MISSING, vertex,
            keyed + ": " + TypeText.of(method) + " declares checked exceptions, which key extraction cannot throw.",
            "remove the throws clause.");
        continue;
      }
      TypeMirror bad = KeyTypes.unsupportedPart(access.keyType());
      if (bad != null) {
        error(Tag.KEY_TYPE, vertex,
            keyed + ": the key of input " + TypeText.of(input.type()) + " has type " + TypeText.of(access.keyType())
                + (types.isSameType(bad, access.keyType()) ? "" : ", which contains " + TypeText.of(bad))
                + ", whose hash is not stable across JVMs (keys are primitives, boxes, String, enums, or records"
                + " of those).",
            "key by a member of a supported type, e.g. a String or long.");
        continue;
      }
      TypeMirror boxed = box(access.keyType());
      if (firstType == null) {
        firstType = boxed;
        firstInput = input;
      } else if (!types.isSameType(firstType, boxed)) {
        error(Tag.KEY_TYPE, vertex,
            keyed + ": the key is " + TypeText.of(firstType) + " for input " + TypeText.of(firstInput.type())
                + " but " + TypeText.of(boxed) + " for input " + TypeText.of(input.type())
                + "; all inputs of a keyed vertex share one key type.",
            "make the key members of all inputs the same type.");
      }
    }
  }

  private void error(Tag tag, VertexModel vertex, String problem, String fix) {
    KeyModel key = vertex.key();
    diagnostics.error(tag, vertex.element(), key.annotation(), key.value(), problem, fix);
  }

  private boolean throwsChecked(ExecutableElement method) {
    TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!types.isSubtype(thrown, runtime) && !types.isSubtype(thrown, error)) {
        return true;
      }
    }
    return false;
  }

  private TypeMirror box(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }

  private static String getter(String name) {
    return "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
