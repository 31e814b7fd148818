package io.weir.processor.serialization;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The classes to register with Kryo for a fallback type, found at compile time from declared
 * types: the type itself when concrete, the permitted subclasses of sealed types, the types of the
 * non-static, non-transient fields of non-JDK classes (recursively), type arguments, array classes,
 * and the usual implementations of JDK collection interfaces. Kryo registers primitives, their
 * boxes and String itself. What only shows up at run time (an implementation of a non-sealed
 * interface, the class behind an {@code Object} field) is not found and fails when written.
 */
final class KryoClosure {

  /** The classes in discovery order, and those that generated code cannot name. */
  record Result(List<TypeName> classes, List<String> inaccessible) {}

  /** Concrete classes Kryo most likely meets behind a JDK collection interface. */
  private static final Map<String, List<String>> IMPLEMENTATIONS = Map.of(
      "java.util.Collection", List.of("java.util.ArrayList"),
      "java.util.List", List.of("java.util.ArrayList"),
      "java.util.Set", List.of("java.util.HashSet", "java.util.LinkedHashSet"),
      "java.util.SortedSet", List.of("java.util.TreeSet"),
      "java.util.NavigableSet", List.of("java.util.TreeSet"),
      "java.util.Map", List.of("java.util.HashMap", "java.util.LinkedHashMap"),
      "java.util.SortedMap", List.of("java.util.TreeMap"),
      "java.util.NavigableMap", List.of("java.util.TreeMap"));

  private final Types types;
  private final Elements elements;
  private final Map<String, TypeName> found = new LinkedHashMap<>();
  private final Set<String> visited = new LinkedHashSet<>();
  private final List<String> inaccessible = new ArrayList<>();
  private String targetPackage;

  KryoClosure(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The registrations for {@code root}, for a generated class in {@code targetPackage}. */
  Result compute(TypeMirror root, String targetPackage) {
    found.clear();
    visited.clear();
    inaccessible.clear();
    this.targetPackage = targetPackage;
    visit(root);
    return new Result(List.copyOf(found.values()), List.copyOf(inaccessible));
  }

  private void visit(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      // Kryo registers no array class itself, not even int[]
      TypeMirror erased = types.erasure(type);
      add(SerializerNames.key(erased), TypeName.get(erased), innermost(type));
      visit(((ArrayType) type).getComponentType());
      return;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return; // primitives are built in; type variables and wildcards name nothing to register
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String key = SerializerNames.key(type);
    if (!visited.add(key)) {
      return;
    }
    String qualified = element.getQualifiedName().toString();
    boolean jdk = SerializerNames.isJdkPackage(packageOf(element));
    if (!isBuiltIn(qualified) && isConcrete(element)) {
      add(qualified, ClassName.get(element), element);
    }
    for (String impl : IMPLEMENTATIONS.getOrDefault(qualified, List.of())) {
      TypeElement e = elements.getTypeElement(impl);
      add(impl, ClassName.get(e), e);
    }
    for (TypeMirror arg : declared.getTypeArguments()) {
      visit(arg);
    }
    if (jdk) {
      return; // Kryo serializes JDK classes with its own serializers, not field by field
    }
    for (TypeMirror permitted : element.getPermittedSubclasses()) {
      visit(permitted);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return;
    }
    TypeElement current = element;
    while (current != null && !SerializerNames.isJdkPackage(packageOf(current))) {
      for (VariableElement f : ElementFilter.fieldsIn(current.getEnclosedElements())) {
        if (!f.getModifiers().contains(Modifier.STATIC) && !f.getModifiers().contains(Modifier.TRANSIENT)) {
          visit(types.asMemberOf(declared, f));
        }
      }
      TypeMirror superclass = current.getSuperclass();
      current = superclass.getKind() == TypeKind.DECLARED
          ? (TypeElement) ((DeclaredType) superclass).asElement()
          : null;
    }
  }

  private void add(String key, TypeName literal, Element element) {
    if (found.containsKey(key)) {
      return;
    }
    if (element != null && !nameable(element)) {
      inaccessible.add(key);
      return;
    }
    found.put(key, literal);
  }

  private static Element innermost(TypeMirror type) {
    TypeMirror t = type;
    while (t.getKind() == TypeKind.ARRAY) {
      t = ((ArrayType) t).getComponentType();
    }
    return t.getKind() == TypeKind.DECLARED ? ((DeclaredType) t).asElement() : null;
  }

  private static boolean isBuiltIn(String qualified) {
    switch (qualified) {
      case "java.lang.String":
      case "java.lang.Boolean":
      case "java.lang.Byte":
      case "java.lang.Short":
      case "java.lang.Character":
      case "java.lang.Integer":
      case "java.lang.Long":
      case "java.lang.Float":
      case "java.lang.Double":
        return true;
      default:
        return false;
    }
  }

  private static boolean isConcrete(TypeElement element) {
    ElementKind k = element.getKind();
    if (k == ElementKind.ENUM || k == ElementKind.RECORD) {
      return true;
    }
    return k == ElementKind.CLASS && !element.getModifiers().contains(Modifier.ABSTRACT);
  }

  /** Whether a class literal of {@code element} compiles in the target package. */
  private boolean nameable(Element element) {
    Element e = element;
    while (e != null && SerializerNames.isType(e)) {
      Set<Modifier> mods = e.getModifiers();
      if (mods.contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!mods.contains(Modifier.PUBLIC) && !packageOf((TypeElement) e).equals(targetPackage)) {
        return false;
      }
      e = e.getEnclosingElement();
    }
    return true;
  }

  private String packageOf(TypeElement element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }
}
