package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.AnnotationReader;
import io.weir.processor.model.InputMatcher;
import io.weir.processor.model.InputModel;
import io.weir.processor.model.JobGraph;
import io.weir.processor.model.Role;
import io.weir.processor.model.TypeScan;
import io.weir.processor.model.UpstreamRef;
import io.weir.processor.model.VertexModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks the edges one vertex's {@code from} declares: each names a source or operator of this
 * compilation, once, whose output one of the vertex's inputs accepts ({@link InputMatcher}).
 */
final class GraphCheck {
  private final Diagnostics diagnostics;
  private final InputMatcher matcher;

  GraphCheck(Diagnostics diagnostics, Types types) {
    this.diagnostics = diagnostics;
    this.matcher = new InputMatcher(types);
  }

  /** Checks every {@code from} literal of {@code vertex}; returns whether all name valid upstreams. */
  boolean checkUpstreams(JobGraph graph, VertexModel vertex) {
    if (vertex.upstreams().isEmpty()) {
      diagnostics.error(Tag.JOB_SHAPE, vertex.element(), vertex.annotation(), vertex.attribute("from"),
          vertex.describe() + " has no upstream (from is empty), so no @Source reaches it.",
          "name at least one @Source or @Operator in from.");
      return false;
    }
    boolean valid = true;
    Set<String> seen = new HashSet<>();
    for (UpstreamRef ref : vertex.upstreams()) {
      TypeElement named = ref.element();
      if (named == null) {
        valid = false; // javac reports the unresolved class itself
        continue;
      }
      String what = vertex.describe() + " reads from " + named.getSimpleName();
      VertexModel upstream = graph.model().vertex(ref.qualifiedName());
      if (!seen.add(ref.qualifiedName())) {
        error(Tag.EDGE_UPSTREAM, vertex, ref, what + " twice.", "name each upstream once in from.");
        valid = false;
      } else if (upstream != null && upstream.role() == Role.SINK) {
        error(Tag.SINK_UPSTREAM, vertex, ref, what + ", which is a @Sink; sinks end a job and emit nothing.",
            "read from " + named.getSimpleName() + "'s upstreams instead, or make it an @Operator.");
        valid = false;
      } else if (upstream == null && graph.model().roleConflicts().contains(named)) {
        valid = false; // reported on the class itself
      } else if (upstream == null && hasRole(named)) {
        error(Tag.EDGE_UPSTREAM, vertex, ref,
            what + ", which is compiled separately; all classes of a job are compiled together.",
            "compile " + named.getSimpleName() + " in the same module as " + vertex.element().getSimpleName() + ".");
        valid = false;
      } else if (upstream == null) {
        error(Tag.EDGE_UPSTREAM, vertex, ref, what + ", which is not a @Source or @Operator.",
            "annotate " + named.getSimpleName() + " with @Source or @Operator, or name another upstream.");
        valid = false;
      }
    }
    return valid;
  }

  /** Checks that each upstream's output feeds one input; warns about inputs nothing feeds. */
  void checkEdgeTypes(JobGraph graph, VertexModel vertex, boolean upstreamsValid) {
    if (vertex.inputs().isEmpty()) {
      return; // reported as a missing process method
    }
    Set<Integer> fed = new HashSet<>();
    boolean allKnown = upstreamsValid;
    for (UpstreamRef ref : vertex.upstreams()) {
      VertexModel upstream = graph.model().vertex(ref.qualifiedName());
      TypeMirror emitted = upstream == null ? null : upstream.outputNamed(vertex.readsOutput());
      if (upstream == null || upstream.role() == Role.SINK || upstream.unresolved() || emitted == null
          || !TypeScan.isConcrete(emitted)) {
        allKnown = false;
        continue; // an unknown side output is reported by the side-output check
      }
      int input = matcher.match(emitted, vertex.inputs());
      String what = vertex.describe() + " reads from " + upstream.element().getSimpleName() + ", which emits "
          + TypeText.of(emitted) + (vertex.readsOutput().isEmpty() ? "" : " on side output '" + vertex.readsOutput() + "'");
      if (input == InputMatcher.NONE) {
        error(Tag.EDGE_TYPE, vertex, ref,
            what + ", but " + vertex.element().getSimpleName() + " has no input method for it (its inputs: "
                + inputList(vertex.inputs()) + ").",
            "add " + shapeFor(vertex, emitted) + ", or read from an upstream that emits one of its input types.");
      } else if (input == InputMatcher.AMBIGUOUS) {
        error(Tag.EDGE_TYPE, vertex, ref,
            what + ", which several input methods accept (" + inputList(vertex.inputs())
                + ") and none exactly.",
            "add an input method for exactly " + TypeText.of(emitted) + ".");
      } else {
        fed.add(input);
      }
    }
    if (allKnown) {
      for (InputModel input : vertex.inputs()) {
        if (!fed.contains(input.index())) {
          diagnostics.warning(Tag.EDGE_TYPE, input.method(),
              vertex.describe() + ": " + TypeText.of(input.method()) + " is fed by none of its upstreams.",
              "remove it, or add an upstream that emits " + TypeText.of(input.type()) + ".");
        }
      }
    }
  }

  /** Reports a cycle on its first vertex's {@code from} literal that names the cycle's last vertex. */
  void reportCycle(List<VertexModel> cycle) {
    VertexModel first = cycle.get(0);
    VertexModel last = cycle.get(cycle.size() - 1);
    StringJoiner path = new StringJoiner(" -> ");
    cycle.forEach(v -> path.add(v.element().getSimpleName()));
    path.add(first.element().getSimpleName());
    UpstreamRef closing = first.upstreams().stream()
        .filter(r -> last.qualifiedName().equals(r.qualifiedName())).findFirst().orElse(null);
    diagnostics.error(Tag.CYCLE, first.element(), first.annotation(), closing == null ? null : closing.value(),
        first.describe() + " is part of a cycle: " + path + ". A job's records flow one way, from sources to"
            + " sinks.",
        "remove one of the from entries that close the cycle.");
  }

  private void error(Tag tag, VertexModel vertex, UpstreamRef ref, String problem, String fix) {
    diagnostics.error(tag, vertex.element(), vertex.annotation(), ref.value(), problem, fix);
  }

  private static boolean hasRole(TypeElement type) {
    for (Role role : Role.values()) {
      if (AnnotationReader.find(type, role.annotationName()) != null) {
        return true;
      }
    }
    return false;
  }

  private static String inputList(List<InputModel> inputs) {
    StringJoiner list = new StringJoiner(", ");
    inputs.forEach(i -> list.add(TypeText.of(i.type())));
    return list.toString();
  }

  private static String shapeFor(VertexModel vertex, TypeMirror emitted) {
    String in = TypeText.of(emitted);
    return vertex.role() == Role.SINK
        ? "`public void write(" + in + " in)`"
        : "`public void process(" + in + " in, Emitter<" + TypeText.of(vertex.output()) + "> out)`";
  }
}
