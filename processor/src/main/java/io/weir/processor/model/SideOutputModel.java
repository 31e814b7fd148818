package io.weir.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @SideOutput} field as declared.
 *
 * @param field the field
 * @param annotation its {@code @SideOutput}
 * @param name the output's name
 * @param type the {@code T} of its {@code Emitter<T>}, or null when the field is not one
 */
public record SideOutputModel(VariableElement field, AnnotationMirror annotation, String name, TypeMirror type) {}
