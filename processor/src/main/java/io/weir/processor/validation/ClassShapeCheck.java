package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks that generated code can instantiate a user class: a concrete, non-generic, top-level or
 * static nested class, not private, with a no-argument constructor it can call. Generated invokers
 * live in the class's own package, so package-private classes and constructors are enough.
 */
final class ClassShapeCheck {
  private final Diagnostics diagnostics;

  ClassShapeCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks {@code type}, shown in messages as {@code what} (e.g. "@Operator Count"). */
  void check(TypeElement type, String what) {
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
      diagnostics.error(Tag.CLASS_SHAPE, type,
          what + " is " + article(type.getKind()) + ", but Weir instantiates vertex classes.",
          "make it a class.");
      return;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      diagnostics.error(Tag.CLASS_SHAPE, type, what + " is abstract, so Weir cannot instantiate it.",
          "make it concrete, or annotate a concrete subclass instead.");
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(Tag.CLASS_SHAPE, type,
          what + " declares type parameters, whose arguments Weir cannot know.",
          "remove the type parameters, or annotate a concrete subclass instead.");
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      diagnostics.error(Tag.CLASS_SHAPE, type, what + " is a local class, which generated code cannot reach.",
          "move it to a top-level or static nested class.");
      return;
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(Tag.CLASS_SHAPE, type,
          what + " is an inner class of " + type.getEnclosingElement().getSimpleName()
              + ", so it cannot be created without an enclosing instance.",
          "declare it static.");
    }
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(Tag.CLASS_SHAPE, type,
            what + (t == type ? " is private" : " is nested in private class " + t.getSimpleName())
                + ", so generated code cannot use it.",
            "make " + t.getSimpleName() + " package-private or public.");
        break;
      }
    }
    if (!hasCallableNoArgConstructor(type)) {
      diagnostics.error(Tag.CONSTRUCTOR, type,
          what + " has no public no-argument constructor, which Weir needs to create instances.",
          "add `public " + type.getSimpleName() + "() {}`, and take settings from OperatorContext.parameters()"
              + " in open() instead of constructor arguments.");
    }
  }

  /** A no-argument constructor that generated code in the class's package may call. */
  static boolean hasCallableNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /** A public no-argument constructor, needed when generated code elsewhere calls it. */
  static boolean hasPublicNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  private static String article(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
