package io.weir.processor.validation;

import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.InputModel;
import io.weir.processor.model.Members;
import io.weir.processor.model.MethodShapes;
import io.weir.processor.model.Role;
import io.weir.processor.model.VertexModel;
import io.weir.processor.model.VertexReader;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the input methods of operators and sinks: at least one, each well formed, one per input
 * type, all emitting the same type; and lifecycle methods Weir would silently skip.
 */
final class ProcessMethodCheck {
  static final String OPERATOR_SHAPES = "declare `public void process(In in, Emitter<Out> out)`,"
      + " `public Out process(In in)` or `public boolean filter(In in)`.";
  static final String SINK_SHAPE = "declare `public void write(In in)`.";

  private final Diagnostics diagnostics;
  private final Types types;
  private final Members members;
  private final MethodShapes shapes;

  ProcessMethodCheck(Diagnostics diagnostics, Elements elements, Types types) {
    this.diagnostics = diagnostics;
    this.types = types;
    this.members = new Members(elements);
    this.shapes = new MethodShapes(types);
  }

  void check(VertexModel vertex) {
    String fix = vertex.role() == Role.SINK ? SINK_SHAPE : OPERATOR_SHAPES;
    DeclaredType owner = (DeclaredType) vertex.element().asType();
    for (ExecutableElement method : members.methods(vertex.element())) {
      if (MethodShapes.isInputMethodName(vertex.role(), method.getSimpleName())) {
        MethodShapes.Classified c = shapes.classify(owner, method);
        if (!c.ok()) {
          diagnostics.error(Tag.PROCESS_METHOD, blame(vertex, method),
              vertex.describe() + ": " + TypeText.of(method) + " " + c.problem() + ", so Weir cannot call it.", fix);
        }
      }
      checkLifecycle(vertex, method);
    }
    if (vertex.inputs().isEmpty()) {
      diagnostics.error(Tag.PROCESS_METHOD, vertex.element(),
          vertex.describe() + " has no " + (vertex.role() == Role.SINK ? "write" : "input")
              + " method, so it cannot consume records.", fix);
      return;
    }
    for (InputModel input : vertex.inputs()) {
      for (InputModel earlier : vertex.inputs().subList(0, input.index())) {
        if (types.isSameType(earlier.type(), input.type())) {
          diagnostics.error(Tag.PROCESS_METHOD, blame(vertex, input.method()),
              vertex.describe() + " has two input methods for " + TypeText.of(input.type()) + ": "
                  + TypeText.of(earlier.method()) + " and " + TypeText.of(input.method())
                  + ", so Weir cannot tell which one to call.",
              "keep one method per input type.");
          break;
        }
      }
    }
    InputModel first = vertex.inputs().get(0);
    for (InputModel input : vertex.inputs()) {
      if (input.output() != null && !types.isSameType(first.output(), input.output())) {
        diagnostics.error(Tag.PROCESS_METHOD, blame(vertex, input.method()),
            vertex.describe() + ": " + TypeText.of(input.method()) + " emits " + TypeText.of(input.output())
                + " but " + TypeText.of(first.method()) + " emits " + TypeText.of(first.output())
                + "; all input methods of an operator emit one type.",
            "make every input method emit " + TypeText.of(first.output()) + ".");
      }
    }
  }

  /** An open(OperatorContext) or close() that is not public or is static would never be called. */
  private void checkLifecycle(VertexModel vertex, ExecutableElement method) {
    String name = method.getSimpleName().toString();
    boolean looksLikeLifecycle = (name.equals("open") && VertexReader.takesOnlyContext(method))
        || (name.equals("close") && method.getParameters().isEmpty());
    if (looksLikeLifecycle && !VertexReader.isLifecycle(method, name)) {
      diagnostics.error(Tag.PROCESS_METHOD, blame(vertex, method),
          vertex.describe() + ": " + TypeText.of(method)
              + " is not a public, non-static void method, so Weir would never call it.",
          "declare it `public void " + TypeText.of(method) + "`.");
    }
  }

  /** The method when the class declares it; the class for inherited methods (no source position there). */
  private static Element blame(VertexModel vertex, ExecutableElement method) {
    return method.getEnclosingElement().equals(vertex.element()) ? method : vertex.element();
  }
}
