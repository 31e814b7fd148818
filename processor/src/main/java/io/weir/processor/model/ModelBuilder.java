package io.weir.processor.model;

import io.weir.api.Job;
import io.weir.api.StateBackendKind;
import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Builds the {@link ProcessingModel} from the names of the annotated classes. Classes are looked up
 * by name each time, because element objects from an earlier round may be stale.
 */
public final class ModelBuilder {
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final AnnotationReader annotations;
  private final VertexReader vertexReader;

  public ModelBuilder(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.elements = env.getElementUtils();
    this.diagnostics = diagnostics;
    this.annotations = new AnnotationReader(elements);
    this.vertexReader = new VertexReader(env);
  }

  public ProcessingModel build(Collection<String> classNames) {
    Map<String, TypeElement> classes = new TreeMap<>();
    for (String name : classNames) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        classes.put(type.getQualifiedName().toString(), type);
      }
    }
    Map<String, VertexModel> vertices = new TreeMap<>();
    List<TypeElement> conflicts = new ArrayList<>();
    List<JobSettings> settings = new ArrayList<>();
    for (TypeElement type : classes.values()) {
      List<Role> roles = new ArrayList<>();
      for (Role role : Role.values()) {
        if (AnnotationReader.find(type, role.annotationName()) != null) {
          roles.add(role);
        }
      }
      if (roles.size() == 1) {
        Role role = roles.get(0);
        try {
          vertices.put(type.getQualifiedName().toString(),
              vertexReader.read(type, role, AnnotationReader.find(type, role.annotationName())));
        } catch (RuntimeException e) {
          diagnostics.error(Tag.INTERNAL, type, "Weir's processor failed to read " + type.getSimpleName() + ": " + e,
              "report this as a bug of Weir, with this class.");
        }
      } else if (roles.size() > 1) {
        conflicts.add(type);
      }
      settings.addAll(jobSettings(type));
    }
    return new ProcessingModel(List.copyOf(classes.values()), vertices, conflicts, settings);
  }

  /** The {@code @Job} annotations of {@code type}, whether written once or repeated. */
  private List<JobSettings> jobSettings(TypeElement type) {
    List<JobSettings> result = new ArrayList<>();
    AnnotationMirror single = AnnotationReader.find(type, Job.class.getCanonicalName());
    if (single != null) {
      result.add(settings(type, single));
    }
    AnnotationMirror container = AnnotationReader.find(type, Job.List.class.getCanonicalName());
    if (container != null) {
      for (AnnotationValue value : annotations.list(container, "value")) {
        if (value.getValue() instanceof AnnotationMirror job) {
          result.add(settings(type, job));
        }
      }
    }
    return result;
  }

  private JobSettings settings(TypeElement type, AnnotationMirror job) {
    return new JobSettings(
        annotations.string(job, "name", ""),
        annotations.integer(job, "parallelism", JobSettings.DEFAULT_PARALLELISM),
        annotations.integer(job, "maxParallelism", JobSettings.DEFAULT_MAX_PARALLELISM),
        StateBackendKind.valueOf(annotations.enumName(job, "stateBackend", StateBackendKind.HEAP.name())).runtimeName(),
        type,
        job);
  }
}
