package io.weir.processor.serialization;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides the {@link TypeShape} of a type, planning generated classes for records, POJOs, enums and
 * Kryo-fallback types on first sight, and reports why a type falls back to Kryo (warning) or cannot
 * be serialized at all (error).
 *
 * <p>Collections are read back as: {@code List}, {@code Collection}, {@code ArrayList} -> ArrayList;
 * {@code LinkedList} -> LinkedList; {@code Set}, {@code LinkedHashSet} -> LinkedHashSet (keeps the
 * written order); {@code HashSet} -> HashSet; {@code SortedSet}, {@code NavigableSet}, {@code
 * TreeSet} -> TreeSet in natural order; {@code Map}, {@code LinkedHashMap} -> LinkedHashMap; {@code
 * HashMap} -> HashMap; {@code SortedMap}, {@code NavigableMap}, {@code TreeMap} -> TreeMap in
 * natural order (writing a sorted collection with a comparator fails). Immutable collections come
 * back mutable. Other collection classes fall back to Kryo.
 */
final class TypeClassifier {

  /**
   * Where a type is used: the element diagnostics point at, a description of the member
   * ({@code field 'x' of com.x.Foo}) or null at the top level, the member's whole type key, and the
   * package for classes of types that cannot have one in their own package.
   */
  record Site(Element element, String member, String memberTypeKey, String fallbackPackage) {}

  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final ClassName LINKED_LIST = ClassName.get("java.util", "LinkedList");
  private static final ClassName HASH_SET = ClassName.get("java.util", "HashSet");
  private static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
  private static final ClassName TREE_SET = ClassName.get("java.util", "TreeSet");
  private static final ClassName HASH_MAP = ClassName.get("java.util", "HashMap");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  private static final ClassName TREE_MAP = ClassName.get("java.util", "TreeMap");

  /** Declared collection type -> the class instantiated when reading. */
  private static final Map<String, ClassName> COLLECTIONS = Map.ofEntries(
      Map.entry("java.util.List", ARRAY_LIST),
      Map.entry("java.util.Collection", ARRAY_LIST),
      Map.entry("java.util.ArrayList", ARRAY_LIST),
      Map.entry("java.util.LinkedList", LINKED_LIST),
      Map.entry("java.util.Set", LINKED_HASH_SET),
      Map.entry("java.util.LinkedHashSet", LINKED_HASH_SET),
      Map.entry("java.util.HashSet", HASH_SET),
      Map.entry("java.util.SortedSet", TREE_SET),
      Map.entry("java.util.NavigableSet", TREE_SET),
      Map.entry("java.util.TreeSet", TREE_SET),
      Map.entry("java.util.Map", LINKED_HASH_MAP),
      Map.entry("java.util.LinkedHashMap", LINKED_HASH_MAP),
      Map.entry("java.util.HashMap", HASH_MAP),
      Map.entry("java.util.SortedMap", TREE_MAP),
      Map.entry("java.util.NavigableMap", TREE_MAP),
      Map.entry("java.util.TreeMap", TREE_MAP));

  private static final Map<String, TypeKind> BOXES = Map.of(
      "java.lang.Boolean", TypeKind.BOOLEAN,
      "java.lang.Byte", TypeKind.BYTE,
      "java.lang.Short", TypeKind.SHORT,
      "java.lang.Character", TypeKind.CHAR,
      "java.lang.Integer", TypeKind.INT,
      "java.lang.Long", TypeKind.LONG,
      "java.lang.Float", TypeKind.FLOAT,
      "java.lang.Double", TypeKind.DOUBLE);

  /** JDK value types written with a fixed layout by {@code JdkValues} instead of Kryo. */
  private static final Set<String> JDK_VALUES = Set.of(
      "java.time.Instant", "java.time.Duration", "java.time.LocalDate", "java.time.LocalTime",
      "java.time.LocalDateTime", "java.util.UUID");

  private final Types types;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final PlanRegistry registry;
  private final PojoAnalyzer pojos;
  private final KryoClosure kryo;

  TypeClassifier(Types types, Elements elements, Diagnostics diagnostics, PlanRegistry registry) {
    this.types = types;
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.registry = registry;
    this.pojos = new PojoAnalyzer(types, elements);
    this.kryo = new KryoClosure(types, elements);
  }

  /** The shape of {@code type} used at {@code site}, or null after reporting an error. */
  TypeShape classify(TypeMirror type, Site site) {
    String unresolved = unresolvedPart(type);
    if (unresolved != null) {
      String problem = site.member() == null
          ? "cannot generate a serializer for " + type + ": it " + unresolved + "; a serializer needs a concrete type."
          : site.member() + " has type " + type + ", which " + unresolved + "; a serializer needs a concrete type.";
      diagnostics.error(Tag.SERIALIZER, site.element(), problem,
          "Use a concrete type with every type argument given, e.g. List<String> rather than List<?>, List or List<T>.");
      return null;
    }
    return shapeOf(type, site);
  }

  /** Why {@code type} is not concrete (e.g. "is a type variable"), or null if it is. */
  private String unresolvedPart(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return null;
    }
    switch (type.getKind()) {
      case ARRAY: {
        String inner = unresolvedPart(((ArrayType) type).getComponentType());
        return inner != null && inner.startsWith("is ") ? "contains " + inner.substring(3) : inner;
      }
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (!element.getTypeParameters().isEmpty() && declared.getTypeArguments().isEmpty()) {
          return "is the raw type " + element.getQualifiedName();
        }
        for (TypeMirror arg : declared.getTypeArguments()) {
          String inner = unresolvedPart(arg);
          if (inner != null) {
            return inner.startsWith("is ") ? "contains " + inner.substring(3) : inner;
          }
        }
        return null;
      }
      case TYPEVAR:
        return "is the type variable " + type;
      case WILDCARD:
        return "contains the wildcard " + type;
      case ERROR:
        return "cannot be resolved (" + type + ")";
      default:
        return "is not a class, array or primitive type (" + type.getKind() + ")";
    }
  }

  private TypeShape shapeOf(TypeMirror type, Site site) {
    TypeKind kind = type.getKind();
    if (kind.isPrimitive()) {
      return TypeShape.primitive(TypeName.get(type), kind);
    }
    if (kind == TypeKind.ARRAY) {
      TypeShape element = shapeOf(((ArrayType) type).getComponentType(), site);
      if (element == null) {
        return null;
      }
      return element.kind() == TypeShape.Kind.PRIMITIVE
          ? TypeShape.primitiveArray(TypeName.get(type), element)
          : TypeShape.objectArray(TypeName.get(type), element);
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String qualified = element.getQualifiedName().toString();
    String key = SerializerNames.key(type);
    TypeName typeName = TypeName.get(type);
    List<? extends TypeMirror> args = declared.getTypeArguments();
    if (BOXES.containsKey(qualified)) {
      return TypeShape.boxed(typeName, BOXES.get(qualified));
    }
    if (qualified.equals("java.lang.String")) {
      return TypeShape.string();
    }
    if (JDK_VALUES.contains(qualified)) {
      return TypeShape.jdkValue(ClassName.get(element));
    }
    if (qualified.equals("java.util.Optional")) {
      TypeShape inner = shapeOf(args.get(0), site);
      return inner == null ? null : TypeShape.optional(typeName, key, inner);
    }
    ClassName concrete = COLLECTIONS.get(qualified);
    if (concrete != null) {
      if (concrete.simpleName().endsWith("Map")) {
        TypeShape k = shapeOf(args.get(0), site);
        TypeShape v = shapeOf(args.get(1), site);
        return k == null || v == null ? null : TypeShape.map(typeName, key, concrete, k, v);
      }
      TypeShape e = shapeOf(args.get(0), site);
      TypeShape.Kind collectionKind = concrete.simpleName().endsWith("List") ? TypeShape.Kind.LIST : TypeShape.Kind.SET;
      return e == null ? null : TypeShape.collection(collectionKind, typeName, key, concrete, e);
    }
    return classBased(declared, element, key, typeName, site);
  }

  /** Records, POJOs, enums and everything else (Kryo): each gets a generated class. */
  private TypeShape classBased(DeclaredType type, TypeElement element, String key, TypeName typeName, Site site) {
    boolean jdk = SerializerNames.isJdkPackage(packageOf(element));
    if (!jdk) {
      String hidden = unnameable(element);
      if (hidden != null) {
        String subject = site.member() == null ? "cannot generate a serializer for " + key + ": it"
            : site.member() + " has type " + key + ", which";
        diagnostics.error(Tag.SERIALIZER, site.element(), subject + " " + hidden + ", so generated code cannot name it.",
            "Make " + element.getSimpleName() + " a top-level or static nested type that is not private.");
        return null;
      }
    }
    ClassPlan plan = registry.find(key);
    if (plan != null) {
      if (plan.failed) {
        return null; // reported when first planned
      }
      if (plan.kind == ClassPlan.Kind.KRYO) {
        warnKryo(key, kryoReason(type, element, jdk), site, plan);
      }
      return TypeShape.classBased(shapeKind(plan.kind), typeName, key, plan.name);
    }
    String pkg = jdk ? site.fallbackPackage() : packageOf(element);
    String mangled = SerializerNames.mangle(type);
    ElementKind kind = element.getKind();
    if (kind == ElementKind.ENUM) {
      plan = registry.create(ClassPlan.Kind.ENUM, pkg, mangled, typeName, key, type, element);
      return TypeShape.classBased(TypeShape.Kind.ENUM, typeName, key, plan.name);
    }
    if (!jdk && kind == ElementKind.RECORD) {
      plan = registry.create(ClassPlan.Kind.RECORD, pkg, mangled, typeName, key, type, element);
      return TypeShape.classBased(TypeShape.Kind.RECORD, typeName, key, plan.name);
    }
    if (!jdk && PojoAnalyzer.isCandidate(kind)) {
      PojoAnalyzer.Result pojo = pojos.analyze(type);
      if (pojo.isPojo()) {
        plan = registry.create(ClassPlan.Kind.POJO, pkg, mangled, typeName, key, type, element);
        plan.pojoFields = pojo.fields();
        plan.exactClassCheck = !element.getModifiers().contains(Modifier.FINAL);
        return TypeShape.classBased(TypeShape.Kind.POJO, typeName, key, plan.name);
      }
    }
    plan = registry.create(ClassPlan.Kind.KRYO, pkg, mangled, typeName, key, type, site.element());
    KryoClosure.Result closure = kryo.compute(type, pkg);
    plan.kryoClasses = closure.classes();
    if (!closure.inaccessible().isEmpty()) {
      plan.failed = true;
      diagnostics.error(Tag.SERIALIZER, site.element(),
          describe(site, key) + " falls back to Kryo, which must register " + String.join(", ", closure.inaccessible())
              + ", but generated code in package " + pkg + " cannot name " + (closure.inaccessible().size() == 1 ? "it" : "them") + ".",
          "Make those classes package-private or public, or use types Weir generates serializers for.");
      return null;
    }
    warnKryo(key, kryoReason(type, element, jdk), site, plan);
    return TypeShape.classBased(TypeShape.Kind.KRYO, typeName, key, plan.name);
  }

  private static TypeShape.Kind shapeKind(ClassPlan.Kind kind) {
    switch (kind) {
      case RECORD:
        return TypeShape.Kind.RECORD;
      case POJO:
        return TypeShape.Kind.POJO;
      case ENUM:
        return TypeShape.Kind.ENUM;
      case KRYO:
        return TypeShape.Kind.KRYO;
      default:
        throw new AssertionError(kind);
    }
  }

  private String kryoReason(DeclaredType type, TypeElement element, boolean jdk) {
    if (element.getQualifiedName().contentEquals("java.lang.Object")) {
      return "it is Object";
    }
    if (element.getKind().isInterface()) {
      return "it is an interface";
    }
    if (jdk) {
      return "it is a JDK class without built-in support";
    }
    PojoAnalyzer.Result pojo = pojos.analyze(type);
    return pojo.isPojo() ? "it is neither a record, an enum nor a POJO" : "it is not a POJO: " + pojo.rejection();
  }

  private void warnKryo(String key, String reason, Site site, ClassPlan plan) {
    String subject = site.member() == null ? key + " has"
        : site.member() + (key.equals(site.memberTypeKey()) ? " has type " : " contains ") + key + ", which has";
    String registered = plan.kryoClasses.isEmpty()
        ? " Kryo can write only registered classes, and none were found at compile time."
        : abstractOrInterface(plan)
            ? " Kryo can write only the classes registered at compile time (" + plan.kryoClasses.size() + ")."
            : "";
    diagnostics.warning(Tag.KRYO_FALLBACK, site.element(),
        subject + " no generated serializer (" + reason + "); it is serialized with Kryo, slower and larger." + registered,
        "Use a record, an enum, a POJO (non-private no-arg constructor; non-final fields that are non-private or have"
            + " a getter and setter), String, a primitive or box, an array, or a List/Set/Map/Optional of those.");
  }

  private static boolean abstractOrInterface(ClassPlan plan) {
    TypeMirror t = plan.type;
    if (t.getKind() != TypeKind.DECLARED) {
      return false;
    }
    Element e = ((DeclaredType) t).asElement();
    return e.getKind().isInterface() || e.getModifiers().contains(Modifier.ABSTRACT)
        || ((TypeElement) e).getQualifiedName().contentEquals("java.lang.Object");
  }

  private static String describe(Site site, String key) {
    return site.member() == null ? key : site.member() + " (" + key + ")";
  }

  /** Why generated code cannot name {@code element} ("is private", "is a local class"), or null. */
  private static String unnameable(TypeElement element) {
    Element e = element;
    while (e != null && SerializerNames.isType(e)) {
      TypeElement t = (TypeElement) e;
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return t == element ? "is a local class" : "is nested in a local class";
      }
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return t == element ? "is private" : "is nested in the private class " + t.getQualifiedName();
      }
      e = e.getEnclosingElement();
    }
    return null;
  }

  private String packageOf(TypeElement element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }
}
