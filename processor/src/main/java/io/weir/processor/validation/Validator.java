package io.weir.processor.validation;

import io.weir.api.EventTime;
import io.weir.api.Keyed;
import io.weir.api.OnTimer;
import io.weir.api.State;
import io.weir.api.Window;
import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.AnnotationReader;
import io.weir.processor.model.Cycles;
import io.weir.processor.model.JobGraph;
import io.weir.processor.model.JobSettings;
import io.weir.processor.model.Role;
import io.weir.processor.model.VertexModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Runs every check over a compilation's {@link JobGraph} and decides which jobs may be generated:
 * those with no error on the job itself nor on any of its vertices. Vertices that mention types
 * javac could not resolve are skipped (javac reports those) and block their jobs.
 */
public final class Validator {
  private final Diagnostics diagnostics;
  private final ClassShapeCheck classShape;
  private final SourceShapeCheck sourceShape;
  private final ProcessMethodCheck processMethods;
  private final KeyCheck keys;
  private final StateCheck states;
  private final GraphCheck graphCheck;
  private final ParallelismCheck parallelism;
  private final JobCheck jobs;
  private final TimeCheck time;
  private final WindowCheck windows;
  private final SideOutputCheck sideOutputs;
  private final TransactionalSinkCheck transactionalSinks;

  public Validator(ProcessingEnvironment env, Diagnostics diagnostics) {
    Elements elements = env.getElementUtils();
    Types types = env.getTypeUtils();
    this.diagnostics = diagnostics;
    this.classShape = new ClassShapeCheck(diagnostics);
    this.sourceShape = new SourceShapeCheck(diagnostics);
    this.processMethods = new ProcessMethodCheck(diagnostics, elements, types);
    this.keys = new KeyCheck(diagnostics, elements, types);
    this.states = new StateCheck(diagnostics, elements, types);
    this.graphCheck = new GraphCheck(diagnostics, types);
    this.parallelism = new ParallelismCheck(diagnostics);
    this.jobs = new JobCheck(diagnostics, elements, parallelism);
    this.time = new TimeCheck(diagnostics, elements, types);
    this.windows = new WindowCheck(diagnostics, elements, types);
    this.sideOutputs = new SideOutputCheck(diagnostics);
    this.transactionalSinks = new TransactionalSinkCheck(diagnostics);
  }

  /** The outcome: which jobs are valid, with their {@code @Job} settings (absent when defaulted). */
  public record Result(List<String> validJobs, Map<String, JobSettings> settings) {}

  public Result validate(JobGraph graph) {
    Set<String> badVertices = new HashSet<>();
    for (TypeElement conflict : graph.model().roleConflicts()) {
      reportRoleConflict(conflict);
    }
    for (TypeElement type : graph.model().annotatedClasses()) {
      checkStrayAnnotations(graph, type);
    }
    for (VertexModel vertex : graph.model().vertices().values()) {
      if (vertex.unresolved()) {
        badVertices.add(vertex.qualifiedName());
        continue;
      }
      int before = diagnostics.errorCount();
      try {
        checkVertex(graph, vertex);
      } catch (RuntimeException e) {
        diagnostics.error(Tag.INTERNAL, vertex.element(),
            "Weir's processor failed to check " + vertex.describe() + ": " + e,
            "report this as a bug of Weir, with this class.");
      }
      if (diagnostics.errorCount() > before) {
        badVertices.add(vertex.qualifiedName());
      }
    }
    for (List<VertexModel> cycle : Cycles.of(graph)) {
      graphCheck.reportCycle(cycle);
      cycle.forEach(v -> badVertices.add(v.qualifiedName()));
    }
    Set<String> badJobs = new TreeSet<>();
    Map<String, JobSettings> settings = jobs.checkNames(graph, badJobs);
    for (VertexModel vertex : graph.model().vertices().values()) {
      Set<String> jobNames = graph.jobsOf(vertex);
      if (jobNames.size() > 1) {
        badJobs.addAll(jobNames);
        diagnostics.error(Tag.JOB_SHAPE, vertex.element(),
            vertex.describe() + " is reachable from the sources of several jobs " + jobNames
                + "; a vertex belongs to one job.",
            "give each job its own copy of the vertex (e.g. a subclass per job), or merge the jobs.");
      }
    }
    boolean sinkMayBeCutOff = graph.model().vertices().values().stream()
        .anyMatch(v -> v.unresolved() || (v.role() == Role.SINK && graph.jobsOf(v).isEmpty()));
    List<String> valid = new ArrayList<>();
    for (String job : graph.jobNames()) {
      JobSettings jobSettings = settings.get(job);
      int maxParallelism = jobSettings == null ? JobSettings.DEFAULT_MAX_PARALLELISM : jobSettings.maxParallelism();
      boolean ok = jobs.checkJob(graph, job, maxParallelism, sinkMayBeCutOff);
      if (ok && !badJobs.contains(job) && graph.members(job).stream().noneMatch(badVertices::contains)) {
        valid.add(job);
      }
    }
    return new Result(valid, settings);
  }

  private void checkVertex(JobGraph graph, VertexModel vertex) {
    String what = vertex.describe();
    classShape.check(vertex.element(), what);
    sideOutputs.checkDeclarations(vertex);
    parallelism.checkVertex(vertex);
    transactionalSinks.check(vertex);
    if (vertex.window() != null) {
      windows.check(vertex);
      if (vertex.role() != Role.OPERATOR) {
        return;
      }
    } else {
      time.check(vertex);
    }
    if (vertex.role() == Role.SOURCE) {
      sourceShape.check(vertex);
      states.check(vertex);
      return;
    }
    if (vertex.window() == null) {
      processMethods.check(vertex);
    } else if (vertex.inputs().isEmpty()) {
      return; // the window check said why; edges cannot be checked without an input type
    }
    if (vertex.keyed() && !vertex.inputs().isEmpty()) {
      keys.check(vertex);
    }
    states.check(vertex);
    boolean upstreamsValid = graphCheck.checkUpstreams(graph, vertex);
    sideOutputs.checkReads(graph, vertex);
    graphCheck.checkEdgeTypes(graph, vertex, upstreamsValid);
  }

  private void reportRoleConflict(TypeElement type) {
    List<String> roles = new ArrayList<>();
    for (Role role : Role.values()) {
      if (AnnotationReader.find(type, role.annotationName()) != null) {
        roles.add(role.display());
      }
    }
    diagnostics.error(Tag.ROLE_CONFLICT, type,
        type.getSimpleName() + " is annotated with " + String.join(" and ", roles) + "; a class plays one role.",
        "keep one of the annotations, and split the class if it does both jobs.");
  }

  /** {@code @Keyed} and {@code @State} on classes that are not operators or sinks. */
  private void checkStrayAnnotations(JobGraph graph, TypeElement type) {
    VertexModel vertex = graph.model().vertex(type.getQualifiedName().toString());
    if (vertex != null && vertex.role() != Role.SOURCE) {
      return; // checked with the vertex
    }
    String role = vertex != null ? "@Source" : "class";
    boolean stateChecked = vertex != null; // a source's @State fields are its operator state
    AnnotationMirror keyed = AnnotationReader.find(type, Keyed.class.getCanonicalName());
    if (keyed != null && !graph.model().roleConflicts().contains(type)) {
      diagnostics.error(Tag.KEY_MISSING, type, keyed, null,
          "@Keyed on " + role + " " + type.getSimpleName() + ", which is not an @Operator or @Sink; only those"
              + " consume records by key.",
          "move @Keyed to the @Operator or @Sink that should receive records by key.");
    }
    if (vertex == null && AnnotationReader.find(type, Window.class.getCanonicalName()) != null) {
      diagnostics.error(Tag.WINDOW, type, type.getSimpleName() + " has @Window but is not an @Operator; only"
          + " operators window their input.", "add @Operator(from = ...) and @Keyed(...), or remove @Window.");
    }
    if (vertex == null) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (AnnotationReader.find(method, EventTime.class.getCanonicalName()) != null) {
          diagnostics.error(Tag.EVENT_TIME, method, "@EventTime method " + method.getSimpleName() + " of "
              + type.getSimpleName() + ", which is not a @Source; only sources read event time.",
              "move the method to the @Source that emits the records.");
        }
        if (AnnotationReader.find(method, OnTimer.class.getCanonicalName()) != null) {
          diagnostics.error(Tag.TIMER, method, "@OnTimer method " + method.getSimpleName() + " of "
              + type.getSimpleName() + ", which is not an @Operator; only keyed operators have timers.",
              "move the method to a @Keyed @Operator.");
        }
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (!stateChecked && AnnotationReader.find(field, State.class.getCanonicalName()) != null) {
        states.checkStray(type, field, role);
      }
    }
  }
}
