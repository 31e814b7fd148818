package io.weir.processor.serialization;

import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether every value a generated serializer handles is deeply immutable, so that the
 * runtime may hand the object itself to a consumer in the same process instead of copying it
 * through bytes ({@code TypeSerializer.immutableValues()}).
 *
 * <p>Only what the type system guarantees counts: records (final, final components) whose
 * components are all immutable, strings, boxes, primitives, the fixed JDK value types (all final),
 * enums (a read returns the shared constant anyway) and {@code Optional} of an immutable value.
 * Collections, arrays, maps, POJOs and Kryo types are mutable or may hide a mutable subclass, so
 * they make the whole type mutable. A recursive record is immutable when nothing else in it is.
 */
final class DeepImmutability {
  private final PlanRegistry registry;

  DeepImmutability(PlanRegistry registry) {
    this.registry = registry;
  }

  boolean of(ClassPlan plan) {
    return plan(plan, new HashSet<>());
  }

  private boolean plan(ClassPlan plan, Set<String> visiting) {
    if (!visiting.add(plan.key)) {
      return true; // already being checked further up: the answer is decided by its other members
    }
    switch (plan.kind) {
      case ENUM:
        return true;
      case RECORD:
        for (ClassPlan.Member m : plan.members) {
          if (!shape(m.shape(), visiting)) {
            return false;
          }
        }
        return true;
      case WRAPPER:
        return plan.wrapped != null && shape(plan.wrapped, visiting);
      case POJO:
      case KRYO:
        return false;
      default:
        throw new AssertionError(plan.kind);
    }
  }

  private boolean shape(TypeShape shape, Set<String> visiting) {
    switch (shape.kind()) {
      case PRIMITIVE:
      case BOXED:
      case STRING:
      case JDK_VALUE:
        return true;
      case ENUM:
      case RECORD: {
        ClassPlan nested = registry.find(shape.key());
        return nested != null && !nested.failed && plan(nested, visiting);
      }
      case OPTIONAL:
        return shape(shape.element(), visiting);
      case POJO:
      case KRYO:
      case PRIMITIVE_ARRAY:
      case OBJECT_ARRAY:
      case LIST:
      case SET:
      case MAP:
        return false;
      default:
        throw new AssertionError(shape.kind());
    }
  }
}
