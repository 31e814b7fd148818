package io.weir.processor.serialization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
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
 * Decides whether a class is a POJO that generated code can copy field by field. The generated
 * serializer lives in the class's own package, so package-private members are usable too.
 *
 * <p>A POJO is a concrete, static (if nested) class with a non-private no-arg constructor whose
 * superclasses up to {@code Object} are not JDK classes. Its state is every non-static,
 * non-transient field of it and its superclasses, superclass fields first, each in declaration
 * order. Every such field must be non-final and either accessible directly (public, or
 * non-private and declared in the same package) or through an accessible getter ({@code getX()},
 * or {@code isX()} for a {@code boolean}) and setter ({@code setX(T)}) of exactly its type. A class
 * that breaks a rule is not a POJO; the reason goes into the Kryo-fallback warning.
 */
final class PojoAnalyzer {

  /** A field and how to reach it: a null getter or setter means direct field access. */
  record Field(String name, VariableElement element, TypeMirror type, String getter, String setter) {}

  /** Either the fields of a POJO or why the class is not one. */
  record Result(List<Field> fields, String rejection) {
    boolean isPojo() {
      return rejection == null;
    }
  }

  private final Types types;
  private final Elements elements;

  PojoAnalyzer(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  Result analyze(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      return reject("it is abstract");
    }
    if (element.getNestingKind() == NestingKind.MEMBER && !element.getModifiers().contains(Modifier.STATIC)) {
      return reject("it is an inner (non-static) class");
    }
    ExecutableElement noArg = null;
    for (ExecutableElement c : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (c.getParameters().isEmpty()) {
        noArg = c;
      }
    }
    if (noArg == null) {
      return reject("it has no no-arg constructor");
    }
    if (noArg.getModifiers().contains(Modifier.PRIVATE)) {
      return reject("its no-arg constructor is private");
    }
    String pkg = packageOf(element);
    List<Field> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (TypeElement declaring : hierarchy(element)) {
      if (declaring == null) {
        return reject("it extends a JDK class other than Object");
      }
      for (VariableElement f : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
        Set<Modifier> mods = f.getModifiers();
        if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT)) {
          continue;
        }
        String name = f.getSimpleName().toString();
        if (mods.contains(Modifier.FINAL)) {
          return reject("its field '" + name + "' is final");
        }
        if (!names.add(name)) {
          return reject("its field '" + name + "' hides a field of a superclass");
        }
        TypeMirror fieldType = types.asMemberOf(type, f);
        if (accessible(f.getModifiers(), declaring, pkg)) {
          fields.add(new Field(name, f, fieldType, null, null));
          continue;
        }
        String getter = findGetter(element, name, fieldType, type, pkg);
        String setter = findSetter(element, name, fieldType, type, pkg);
        if (getter == null || setter == null) {
          return reject("its field '" + name + "' is private and has no accessible " + getterName(name, fieldType)
              + "() and " + setterName(name) + "(" + fieldType + ")");
        }
        fields.add(new Field(name, f, fieldType, getter, setter));
      }
    }
    return new Result(List.copyOf(fields), null);
  }

  private static Result reject(String why) {
    return new Result(List.of(), why);
  }

  /** The class and its superclasses, topmost first; a null entry marks a JDK superclass. */
  private List<TypeElement> hierarchy(TypeElement element) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    TypeElement current = element;
    while (true) {
      chain.addFirst(current);
      TypeMirror superclass = current.getSuperclass();
      if (superclass.getKind() != TypeKind.DECLARED) {
        break;
      }
      TypeElement next = (TypeElement) ((DeclaredType) superclass).asElement();
      if (next.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      if (SerializerNames.isJdkPackage(packageOf(next))) {
        chain.addFirst(null);
        break;
      }
      current = next;
    }
    return new ArrayList<>(chain);
  }

  private String findGetter(TypeElement owner, String field, TypeMirror fieldType, DeclaredType site, String pkg) {
    String name = getterName(field, fieldType);
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(owner))) {
      if (m.getSimpleName().contentEquals(name) && m.getParameters().isEmpty()
          && !m.getModifiers().contains(Modifier.STATIC)
          && accessible(m.getModifiers(), (TypeElement) m.getEnclosingElement(), pkg)
          && types.isSameType(((ExecutableType) types.asMemberOf(site, m)).getReturnType(), fieldType)) {
        return name;
      }
    }
    return null;
  }

  private String findSetter(TypeElement owner, String field, TypeMirror fieldType, DeclaredType site, String pkg) {
    String name = setterName(field);
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(owner))) {
      if (m.getSimpleName().contentEquals(name) && m.getParameters().size() == 1
          && !m.getModifiers().contains(Modifier.STATIC)
          && accessible(m.getModifiers(), (TypeElement) m.getEnclosingElement(), pkg)) {
        ExecutableType member = (ExecutableType) types.asMemberOf(site, m);
        if (types.isSameType(member.getParameterTypes().get(0), fieldType)) {
          return name;
        }
      }
    }
    return null;
  }

  private static String getterName(String field, TypeMirror type) {
    return (type.getKind() == TypeKind.BOOLEAN ? "is" : "get") + capitalize(field);
  }

  private static String setterName(String field) {
    return "set" + capitalize(field);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Usable from generated code in {@code pkg}: public in a public class, or non-private in {@code pkg}. */
  private boolean accessible(Set<Modifier> modifiers, TypeElement declaring, String pkg) {
    if (modifiers.contains(Modifier.PRIVATE)) {
      return false;
    }
    if (packageOf(declaring).equals(pkg)) {
      return true;
    }
    return modifiers.contains(Modifier.PUBLIC) && declaring.getModifiers().contains(Modifier.PUBLIC);
  }

  private String packageOf(TypeElement element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }

  /** Whether {@code kind} is a kind of class this analyzer can look at. */
  static boolean isCandidate(ElementKind kind) {
    return kind == ElementKind.CLASS;
  }
}
