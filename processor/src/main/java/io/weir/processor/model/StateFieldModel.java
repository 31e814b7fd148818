package io.weir.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @State} field as declared; the validator decides whether it is usable.
 *
 * @param field the field
 * @param annotation its {@code @State} annotation
 * @param kind the state interface, or null when the field's type is none of them
 * @param valueType the state's type argument, or null when absent (raw type)
 * @param stateName the declared name, or the field's name
 * @param reducer the declared reducer class, or null when none was given
 */
public record StateFieldModel(
    VariableElement field,
    AnnotationMirror annotation,
    StateKind kind,
    TypeMirror valueType,
    String stateName,
    TypeMirror reducer) {}
