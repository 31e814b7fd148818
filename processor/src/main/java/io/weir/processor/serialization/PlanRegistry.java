package io.weir.processor.serialization;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * Every serializer class planned in this compilation, by type key, in creation order; plus the
 * queue of plans still to analyze. Names are deterministic: {@code <Mangled>_WeirSerializer}, with
 * a hash of the type key appended only if two types would otherwise share a name in one package.
 */
final class PlanRegistry {
  private final Map<String, ClassPlan> byKey = new LinkedHashMap<>();
  private final Set<String> usedNames = new HashSet<>();
  private final Deque<ClassPlan> pending = new ArrayDeque<>();

  ClassPlan find(String key) {
    return byKey.get(key);
  }

  /** Plans a class named after {@code mangled} in {@code packageName}; it is analyzed when drained. */
  ClassPlan create(ClassPlan.Kind kind, String packageName, String mangled, TypeName valueType, String key,
      TypeMirror type, Element origin) {
    if (byKey.containsKey(key)) {
      throw new IllegalStateException("already planned: " + key);
    }
    String simple = mangled + SerializerNames.SUFFIX;
    if (usedNames.contains(packageName + "." + simple)) {
      simple = mangled + "_" + SerializerNames.hash(key, 8) + SerializerNames.SUFFIX;
    }
    usedNames.add(packageName + "." + simple);
    ClassPlan plan = new ClassPlan(kind, ClassName.get(packageName, simple), valueType, key, type, origin);
    byKey.put(key, plan);
    pending.add(plan);
    return plan;
  }

  /** The next plan to analyze, or null when all are done. */
  ClassPlan nextPending() {
    return pending.poll();
  }

  /** All plans in creation order. */
  List<ClassPlan> all() {
    return new ArrayList<>(byKey.values());
  }

  /**
   * The format id of {@code plan}'s class: its name and a hash over its own layout and that of
   * every class it reaches, so that a change anywhere below shows.
   */
  String formatId(ClassPlan plan) {
    Map<String, String> layouts = new TreeMap<>();
    collect(plan, layouts);
    StringBuilder all = new StringBuilder();
    layouts.values().forEach(l -> all.append(l).append('\n'));
    return plan.name.canonicalName() + "/" + SerializerNames.hash(all.toString(), 16);
  }

  private void collect(ClassPlan plan, Map<String, String> layouts) {
    if (layouts.containsKey(plan.key)) {
      return;
    }
    layouts.put(plan.key, plan.ownLayout());
    List<TypeShape> shapes = new ArrayList<>();
    for (ClassPlan.Member m : plan.members) {
      shapes.add(m.shape());
    }
    if (plan.wrapped != null) {
      shapes.add(plan.wrapped);
    }
    for (TypeShape shape : shapes) {
      collectShape(shape, layouts);
    }
  }

  private void collectShape(TypeShape shape, Map<String, String> layouts) {
    if (shape == null) {
      return;
    }
    if (shape.kind().isClassBased()) {
      ClassPlan nested = byKey.get(shape.key());
      if (nested != null) {
        collect(nested, layouts);
      }
      return;
    }
    collectShape(shape.element(), layouts);
    collectShape(shape.value(), layouts);
  }
}
