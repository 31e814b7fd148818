package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.AnnotationReader;
import io.weir.processor.model.JobGraph;
import io.weir.processor.model.Role;
import io.weir.processor.model.SideOutputModel;
import io.weir.processor.model.TypeScan;
import io.weir.processor.model.UpstreamRef;
import io.weir.processor.model.VertexModel;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Checks side outputs: each {@code @SideOutput} field is a bindable {@code Emitter<T>} of a
 * concrete type, on an operator, with a unique name; and a downstream's {@code output = "name"}
 * names a side output every one of its upstreams declares.
 */
final class SideOutputCheck {
  private final Diagnostics diagnostics;

  SideOutputCheck(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void checkDeclarations(VertexModel vertex) {
    Set<String> names = new HashSet<>();
    for (SideOutputModel output : vertex.sideOutputs()) {
      String what = "@SideOutput field " + output.field().getSimpleName() + " of " + vertex.describe();
      if (vertex.role() != Role.OPERATOR) {
        report(output, what + ": only operators have side outputs.", "move it to an @Operator.");
      } else if (output.name().isEmpty()) {
        report(output, what + " has an empty name.", "name it, as in @SideOutput(\"late\").");
      } else if (!names.add(output.name())) {
        report(output, what + " reuses the name '" + output.name() + "'.", "give each side output its own name.");
      } else if (output.type() == null || !TypeScan.isConcrete(output.type())) {
        report(output, what + " is not an Emitter<T> of a concrete type.",
            "declare it as `@SideOutput(\"" + output.name() + "\") Emitter<MyRecord> " + output.field().getSimpleName()
                + ";`.");
      } else if (output.field().getModifiers().contains(Modifier.PRIVATE)
          || output.field().getModifiers().contains(Modifier.FINAL)
          || output.field().getModifiers().contains(Modifier.STATIC)) {
        report(output, what + " is private, final or static, but generated code assigns it per instance.",
            "make it a plain instance field that is not private.");
      }
    }
  }

  void checkReads(JobGraph graph, VertexModel vertex) {
    if (vertex.readsOutput().isEmpty()) {
      return;
    }
    for (UpstreamRef ref : vertex.upstreams()) {
      VertexModel upstream = graph.model().vertex(ref.qualifiedName());
      if (upstream == null || upstream.unresolved()) {
        continue;
      }
      boolean declared = upstream.sideOutputs().stream().anyMatch(o -> o.name().equals(vertex.readsOutput()));
      if (!declared) {
        diagnostics.error(Tag.SIDE_OUTPUT, vertex.element(), vertex.annotation(), vertex.attribute("output"),
            vertex.describe() + " reads side output '" + vertex.readsOutput() + "' of "
                + upstream.element().getSimpleName() + ", which declares no such output (its side outputs: "
                + upstream.sideOutputs().stream().map(SideOutputModel::name).toList() + ").",
            "declare `@SideOutput(\"" + vertex.readsOutput() + "\") Emitter<T> ...` in "
                + upstream.element().getSimpleName() + ", or name one of its side outputs.");
      }
    }
  }

  private void report(SideOutputModel output, String problem, String fix) {
    diagnostics.error(Tag.SIDE_OUTPUT, output.field(), output.annotation(),
        AnnotationReader.explicitValue(output.annotation(), "value"), problem, fix);
  }
}
