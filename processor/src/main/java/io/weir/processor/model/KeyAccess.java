package io.weir.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * How the key is read from the records of one input.
 *
 * @param kind where the key comes from
 * @param member the member's simple name (accessor, field or operator method)
 * @param keyType the key's type as declared (may be primitive)
 * @param element the member, for diagnostics
 */
public record KeyAccess(Kind kind, String member, TypeMirror keyType, Element element) {

  /** Where the key comes from. */
  public enum Kind {
    /** A no-argument method of the input type (record accessor, {@code text()} or {@code getText()}). */
    ACCESSOR,
    /** A public field of the input type. */
    FIELD,
    /** An instance method of the operator taking the input. */
    OPERATOR_METHOD,
    /** A static method of the operator taking the input. */
    STATIC_OPERATOR_METHOD
  }
}
