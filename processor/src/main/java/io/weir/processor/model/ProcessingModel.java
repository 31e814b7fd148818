package io.weir.processor.model;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Everything the processor read in one compilation: the classes bearing Weir annotations, the
 * vertices among them and the {@code @Job} settings.
 *
 * @param annotatedClasses every class with a Weir annotation (or a {@code @State} field), by qualified name
 * @param vertices the classes with exactly one role, by qualified name
 * @param roleConflicts classes with more than one role; they are not vertices
 * @param jobSettings every {@code @Job}, ordered by class then position
 */
public record ProcessingModel(
    List<TypeElement> annotatedClasses,
    Map<String, VertexModel> vertices,
    List<TypeElement> roleConflicts,
    List<JobSettings> jobSettings) {

  /** Whether some vertex mentions a type javac has not resolved yet. */
  public boolean unresolved() {
    return vertices.values().stream().anyMatch(VertexModel::unresolved);
  }

  public VertexModel vertex(String qualifiedName) {
    return qualifiedName == null ? null : vertices.get(qualifiedName);
  }
}
