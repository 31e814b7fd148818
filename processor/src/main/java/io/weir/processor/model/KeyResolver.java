package io.weir.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds, for each input of a keyed vertex, the member {@code @Keyed} names. In order of
 * preference: a method of the operator taking the input ({@code K text(Word w)}); a public
 * no-argument method of the input type named {@code text()} (record components included) or
 * {@code getText()}; a public field {@code text}.
 */
public final class KeyResolver {
  private final Elements elements;
  private final Types types;
  private final Members members;

  public KeyResolver(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.members = new Members(elements);
  }

  /** One access per input, null where nothing matches. */
  public List<KeyAccess> resolve(TypeElement owner, String keyName, List<InputModel> inputs) {
    List<KeyAccess> result = new ArrayList<>();
    for (InputModel input : inputs) {
      if (keyName.isEmpty()) {
        result.add(null);
        continue;
      }
      KeyAccess access = operatorMethod(owner, keyName, input.type());
      result.add(access != null ? access : memberOfInput(keyName, input.type()));
    }
    return result;
  }

  private KeyAccess operatorMethod(TypeElement owner, String keyName, TypeMirror inputType) {
    DeclaredType ownerType = (DeclaredType) owner.asType();
    for (ExecutableElement method : members.methodsNamed(owner, keyName)) {
      if (method.getParameters().size() != 1 || method.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      ExecutableType resolved = (ExecutableType) types.asMemberOf(ownerType, method);
      if (resolved.getReturnType().getKind() == TypeKind.VOID
          || !types.isAssignable(inputType, resolved.getParameterTypes().get(0))) {
        continue;
      }
      KeyAccess.Kind kind = method.getModifiers().contains(Modifier.STATIC)
          ? KeyAccess.Kind.STATIC_OPERATOR_METHOD
          : KeyAccess.Kind.OPERATOR_METHOD;
      return new KeyAccess(kind, keyName, resolved.getReturnType(), method);
    }
    return null;
  }

  private KeyAccess memberOfInput(String keyName, TypeMirror inputType) {
    if (inputType.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) inputType;
    TypeElement type = (TypeElement) declared.asElement();
    KeyAccess accessor = accessor(type, declared, keyName);
    if (accessor == null) {
      accessor = accessor(type, declared, "get" + Character.toUpperCase(keyName.charAt(0)) + keyName.substring(1));
    }
    if (accessor != null) {
      return accessor;
    }
    for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
      if (field.getSimpleName().contentEquals(keyName)
          && field.getModifiers().contains(Modifier.PUBLIC)
          && !field.getModifiers().contains(Modifier.STATIC)) {
        return new KeyAccess(KeyAccess.Kind.FIELD, keyName, types.asMemberOf(declared, field), field);
      }
    }
    return null;
  }

  private KeyAccess accessor(TypeElement type, DeclaredType declared, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getSimpleName().contentEquals(name)
          && !isObjectMethod(method)
          && method.getParameters().isEmpty()
          && Members.isPublicInstance(method)
          && method.getReturnType().getKind() != TypeKind.VOID) {
        TypeMirror keyType = ((ExecutableType) types.asMemberOf(declared, method)).getReturnType();
        return new KeyAccess(KeyAccess.Kind.ACCESSOR, name, keyType, method);
      }
    }
    return null;
  }

  /**
   * Object's methods, and their overrides, never name a key: identity hashes and
   * {@code toString()} are not stable across JVMs.
   */
  private static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    return name.equals("hashCode") || name.equals("toString") || name.equals("getClass")
        || ((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object");
  }
}
