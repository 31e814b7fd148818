package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.AnnotationReader;
import io.weir.processor.model.JobGraph;
import io.weir.processor.model.JobSettings;
import io.weir.processor.model.Role;
import io.weir.processor.model.VertexModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks names and the shape of jobs: well-formed, unique job names; one {@code @Job} per job and
 * only for jobs that exist; within a job, distinct vertex names, at least one sink, and sources the
 * generated plan can reach.
 */
final class JobCheck {
  /** Job names become class names ("click-sessions" -> ClickSessionsJobPlan), so they start with a letter. */
  static final Pattern JOB_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final String NAME_FIX =
      "use lower-case letters, digits and single '-' between them, starting with a letter, e.g. \"word-count\".";

  private final Diagnostics diagnostics;
  private final Elements elements;
  private final ParallelismCheck parallelism;

  JobCheck(Diagnostics diagnostics, Elements elements, ParallelismCheck parallelism) {
    this.diagnostics = diagnostics;
    this.elements = elements;
    this.parallelism = parallelism;
  }

  /**
   * Checks source job names and {@code @Job} annotations. Returns the settings of each job (the
   * first {@code @Job} naming it); adds the names of jobs with errors to {@code badJobs}.
   */
  Map<String, JobSettings> checkNames(JobGraph graph, Set<String> badJobs) {
    for (String job : graph.jobNames()) {
      if (!JOB_NAME.matcher(job).matches()) {
        badJobs.add(job);
        for (VertexModel source : graph.sources(job)) {
          diagnostics.error(Tag.DUPLICATE_NAME, source.element(), source.annotation(), source.attribute("job"),
              source.describe() + " names job \"" + job + "\", which is not a valid job name.", NAME_FIX);
        }
      }
    }
    Map<String, JobSettings> settings = new TreeMap<>();
    for (JobSettings job : graph.model().jobSettings()) {
      JobSettings first = settings.putIfAbsent(job.name(), job);
      if (first != null) {
        badJobs.add(job.name());
        diagnostics.error(Tag.DUPLICATE_NAME, job.element(), job.annotation(), null,
            "@Job(name = \"" + job.name() + "\") is declared twice: on " + first.element().getSimpleName()
                + " and on " + job.element().getSimpleName() + ".",
            "keep one @Job per job.");
      } else if (!graph.jobNames().contains(job.name())) {
        diagnostics.error(Tag.JOB_SHAPE, job.element(), job.annotation(),
            AnnotationReader.explicitValue(job.annotation(), "name"),
            "@Job(name = \"" + job.name() + "\") configures a job that no @Source names.",
            "set @Source(job = \"" + job.name() + "\") on the job's sources, or correct the name.");
      } else if (!parallelism.checkJob(job)) {
        badJobs.add(job.name());
      }
    }
    return settings;
  }

  /**
   * Checks one job's vertices; returns whether the job is valid. A missing sink is not reported
   * while {@code sinkMayBeCutOff}: a sink that no job reaches (because of an upstream error reported
   * elsewhere, or a type javac could not resolve) may be the one this job lacks.
   */
  boolean checkJob(JobGraph graph, String job, int maxParallelism, boolean sinkMayBeCutOff) {
    int before = diagnostics.errorCount();
    Set<String> members = graph.members(job);
    List<VertexModel> vertices = members.stream().map(graph.model()::vertex).toList();
    VertexModel firstSource = graph.sources(job).get(0);
    if (vertices.stream().noneMatch(v -> v.role() == Role.SINK) && !sinkMayBeCutOff) {
      diagnostics.error(Tag.JOB_SHAPE, firstSource.element(), firstSource.annotation(), firstSource.attribute("job"),
          "job '" + job + "' has no @Sink, so its records go nowhere.",
          "add a @Sink whose from names the job's last operator.");
    }
    Map<String, VertexModel> byName = new HashMap<>();
    for (VertexModel vertex : vertices) {
      VertexModel other = byName.putIfAbsent(vertex.name(), vertex);
      if (vertex.name().isBlank()) {
        diagnostics.error(Tag.DUPLICATE_NAME, vertex.element(), vertex.annotation(), vertex.attribute("name"),
            vertex.describe() + " has a blank name.", "leave name unset to use the class's simple name.");
      } else if (other != null) {
        diagnostics.error(Tag.DUPLICATE_NAME, vertex.element(), vertex.annotation(), vertex.attribute("name"),
            "job '" + job + "' has two vertices named '" + vertex.name() + "': " + other.qualifiedName()
                + " and " + vertex.qualifiedName() + ".",
            "give one of them another name, as in " + vertex.role().display() + "(name = \"...\").");
      }
      parallelism.checkAgainstJob(vertex, job, maxParallelism);
    }
    PackageElement planPackage = elements.getPackageOf(firstSource.element());
    for (VertexModel source : graph.sources(job)) {
      if (!elements.getPackageOf(source.element()).equals(planPackage) && !isPublic(source)) {
        diagnostics.error(Tag.CLASS_SHAPE, source.element(),
            source.describe() + " is not public with a public no-argument constructor, but the plan of job '" + job
                + "' is generated in package " + planPackage.getQualifiedName() + " (that of its first source, "
                + firstSource.element().getSimpleName() + ").",
            "make " + source.element().getSimpleName() + " and its no-argument constructor public, or move it to "
                + planPackage.getQualifiedName() + ".");
      }
    }
    boolean closed = vertices.stream().allMatch(
        v -> graph.upstreams(v).stream().allMatch(u -> members.contains(u.qualifiedName())));
    return closed && diagnostics.errorCount() == before;
  }

  private static boolean isPublic(VertexModel source) {
    for (Element e = source.element(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return ClassShapeCheck.hasPublicNoArgConstructor(source.element());
  }
}
