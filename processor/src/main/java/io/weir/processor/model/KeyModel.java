package io.weir.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * The {@code @Keyed} declaration of a vertex.
 *
 * @param name the member named in {@code @Keyed}
 * @param annotation the annotation, for diagnostics
 * @param value its {@code value} attribute, for diagnostics
 * @param accesses how each input (by index) yields the key; an entry is null when nothing matched
 */
public record KeyModel(String name, AnnotationMirror annotation, AnnotationValue value, List<KeyAccess> accesses) {}
