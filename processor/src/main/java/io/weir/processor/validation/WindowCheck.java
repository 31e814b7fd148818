package io.weir.processor.validation;

import io.weir.api.Emitter;
import io.weir.api.TimeWindow;
import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.AnnotationReader;
import io.weir.processor.model.KeyAccess;
import io.weir.processor.model.Members;
import io.weir.processor.model.MethodShapes;
import io.weir.processor.model.Role;
import io.weir.processor.model.VertexModel;
import io.weir.processor.model.WindowModel;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @Window} operator: keyed, a valid shape (sizes, slide, gap), one aggregation
 * that generated code can instantiate (with {@code merge} for sessions), a timestamp member of
 * type {@code long}, and a window method (and optional late method) of the right shape and types.
 */
final class WindowCheck {
  private final Diagnostics diagnostics;
  private final Types types;
  private final Members members;

  WindowCheck(Diagnostics diagnostics, Elements elements, Types types) {
    this.diagnostics = diagnostics;
    this.types = types;
    this.members = new Members(elements);
  }

  void check(VertexModel vertex) {
    WindowModel window = vertex.window();
    String what = "@Window " + vertex.element().getSimpleName();
    if (vertex.role() != Role.OPERATOR) {
      error(vertex, window, null, "@Window on " + vertex.describe() + "; only operators window their input.",
          "move @Window to a @Keyed @Operator.");
      return;
    }
    if (!vertex.keyed()) {
      error(vertex, window, null, what + " is not @Keyed; windows are kept per key.",
          "add @Keyed(...) naming the key of its input.");
    }
    checkShape(vertex, window, what);
    checkAggregation(vertex, window, what);
    for (ExecutableElement method : members.methods(vertex.element())) {
      String name = method.getSimpleName().toString();
      if (name.equals("process") || name.equals("filter")) {
        diagnostics.error(Tag.WINDOW, method, what + " declares " + name + "; a window operator's records go into"
            + " its windows, and its window method emits.", "remove " + name + ", or drop @Window.");
      }
    }
    if (!vertex.onTimers().isEmpty() || vertex.inputsTakeTimers()) {
      error(vertex, window, null, what + " declares its own timers; the window's triggers use the timers.",
          "remove @OnTimer and TimerService parameters, or drop @Window and handle time yourself.");
    }
    checkWindowMethod(vertex, window, what);
    if (window.input() != null) {
      checkTimestamp(vertex, window, what);
      checkLateMethod(vertex, window, what);
    }
  }

  private void checkShape(VertexModel vertex, WindowModel w, String what) {
    if (w.sizeMillis() < 0 || w.slideMillis() < 0 || w.sessionGapMillis() < 0 || w.allowedLatenessMillis() < 0
        || w.earlyFiringMillis() < 0 || w.countTrigger() < 0) {
      error(vertex, w, null, what + " has a negative size, slide, gap, lateness, early-firing interval or count.",
          "use positive values (0 leaves an optional setting off).");
      return;
    }
    if ((w.sizeMillis() > 0) == (w.sessionGapMillis() > 0)) {
      error(vertex, w, null, what + " sets " + (w.sizeMillis() > 0 ? "both sizeMillis and sessionGapMillis"
              : "neither sizeMillis nor sessionGapMillis") + ".",
          "set sizeMillis (tumbling, or sliding with slideMillis) or sessionGapMillis (sessions), not both.");
    } else if (w.slideMillis() > 0 && (w.session() || w.slideMillis() > w.sizeMillis())) {
      error(vertex, w, AnnotationReader.explicitValue(w.annotation(), "slideMillis"), what + " slides by "
              + w.slideMillis() + " ms" + (w.session() ? " but is a session window" : ", more than its size "
              + w.sizeMillis() + " ms, so records between windows would belong to none") + ".",
          "use 0 < slideMillis <= sizeMillis with sizeMillis, or drop slideMillis.");
    }
    if (!w.eventTime() && w.allowedLatenessMillis() > 0) {
      error(vertex, w, AnnotationReader.explicitValue(w.annotation(), "allowedLatenessMillis"), what
              + " allows lateness but has no timestamp: processing-time windows have no late records.",
          "name the input's event-time member with timestamp = \"...\", or drop allowedLatenessMillis.");
    }
  }

  private void checkAggregation(VertexModel vertex, WindowModel w, String what) {
    if (w.aggregator() != null && w.reducer() != null) {
      error(vertex, w, AnnotationReader.explicitValue(w.annotation(), "reducer"), what
          + " names both an aggregator and a reducer.", "keep one of them.");
      return;
    }
    if (w.aggregator() != null) {
      if (w.aggregatorArguments() == null) {
        error(vertex, w, AnnotationReader.explicitValue(w.annotation(), "aggregator"), what + ": aggregator "
            + TypeText.of(w.aggregator()) + " is not an AggregateFunction<IN, ACC, OUT>.",
            "use a class implementing AggregateFunction<IN, ACC, OUT>.");
        return;
      }
      checkInstantiable(vertex, w, w.aggregator(), "aggregator");
      if (w.session() && !declaresMerge((TypeElement) ((DeclaredType) w.aggregator()).asElement())) {
        error(vertex, w, AnnotationReader.explicitValue(w.annotation(), "aggregator"), what + " is a session window,"
                + " whose windows merge, but aggregator " + TypeText.of(w.aggregator()) + " does not implement merge.",
            "implement `public ACC merge(ACC a, ACC b)` in the aggregator.");
      }
    } else if (w.reducer() != null) {
      if (w.reducerType() == null) {
        error(vertex, w, AnnotationReader.explicitValue(w.annotation(), "reducer"), what + ": reducer "
            + TypeText.of(w.reducer()) + " is not a ReduceFunction<T>.", "use a class implementing ReduceFunction<T>.");
        return;
      }
      checkInstantiable(vertex, w, w.reducer(), "reducer");
    }
  }

  private boolean declaresMerge(TypeElement aggregator) {
    for (ExecutableElement method : members.methodsNamed(aggregator, "merge")) {
      if (method.getParameters().size() == 2 && !method.getModifiers().contains(Modifier.DEFAULT)
          && !method.getEnclosingElement().getSimpleName().contentEquals("AggregateFunction")) {
        return true;
      }
    }
    return false;
  }

  private void checkInstantiable(VertexModel vertex, WindowModel w, TypeMirror type, String attribute) {
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    boolean ok = !element.getModifiers().contains(Modifier.ABSTRACT) && element.getModifiers().contains(Modifier.PUBLIC)
        && element.getTypeParameters().isEmpty() && ClassShapeCheck.hasPublicNoArgConstructor(element);
    if (!ok) {
      error(vertex, w, AnnotationReader.explicitValue(w.annotation(), attribute), "@Window "
              + vertex.element().getSimpleName() + ": " + attribute + " " + TypeText.of(type)
              + " cannot be instantiated by generated code.",
          "make it a concrete, non-generic, public class with a public no-argument constructor.");
    }
  }

  private void checkWindowMethod(VertexModel vertex, WindowModel w, String what) {
    String key = vertex.keyed() && !vertex.key().accesses().isEmpty() && vertex.key().accesses().get(0) != null
        ? TypeText.of(vertex.key().accesses().get(0).keyType()) : "K";
    String result = w.result() != null ? TypeText.of(w.result()) : w.aggregator() == null && w.reducer() == null
        ? "List<In>" : "R";
    String shape = "`public void window(" + key + " key, TimeWindow window, " + result + " result, Emitter<Out> out)`";
    if (w.windowMethods().isEmpty()) {
      error(vertex, w, null, what + " has no window method to receive its results.", "declare " + shape + ".");
      return;
    }
    if (w.windowMethods().size() > 1) {
      diagnostics.error(Tag.WINDOW, w.windowMethods().get(1), what + " declares several window methods.",
          "keep one: " + shape + ".");
      return;
    }
    ExecutableElement method = w.windowMethod();
    String problem = windowMethodProblem(vertex, w, method);
    if (problem != null) {
      diagnostics.error(Tag.WINDOW, method, what + ": its window method " + problem + ".", "declare " + shape + ".");
    }
  }

  private String windowMethodProblem(VertexModel vertex, WindowModel w, ExecutableElement method) {
    if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)
        || method.getReturnType().getKind() != TypeKind.VOID) {
      return "is not a public void instance method";
    }
    List<? extends VariableElement> params = method.getParameters();
    if (params.size() != 4 || !MethodShapes.isNamed(params.get(1).asType(), TimeWindow.class)
        || !MethodShapes.isNamed(params.get(3).asType(), Emitter.class)) {
      return "does not have the window shape";
    }
    if (w.result() == null) {
      return w.aggregator() == null && w.reducer() == null
          ? "takes " + TypeText.of(params.get(2).asType()) + " where a window without aggregation passes List<In>"
          : "cannot be matched to the aggregation";
    }
    if (!types.isAssignable(w.result(), params.get(2).asType())) {
      return "takes " + TypeText.of(params.get(2).asType()) + " as its result, but the aggregation produces "
          + TypeText.of(w.result());
    }
    if (vertex.keyed() && !vertex.key().accesses().isEmpty() && vertex.key().accesses().get(0) != null) {
      TypeMirror keyType = vertex.key().accesses().get(0).keyType();
      TypeMirror param = params.get(0).asType();
      if (!types.isSameType(boxed(keyType), boxed(param))) {
        return "takes " + TypeText.of(param) + " as the key, but the key is " + TypeText.of(keyType);
      }
    }
    if (((DeclaredType) params.get(3).asType()).getTypeArguments().size() != 1) {
      return "emits to a raw Emitter";
    }
    return null;
  }

  private void checkTimestamp(VertexModel vertex, WindowModel w, String what) {
    if (!w.eventTime()) {
      return;
    }
    KeyAccess access = w.timestampAccess();
    if (access == null) {
      error(vertex, w, AnnotationReader.explicitValue(w.annotation(), "timestamp"), what + " reads its timestamp from '"
              + w.timestamp() + "', which " + TypeText.of(w.input()) + " does not have.",
          "name a long record component, public field or accessor of " + TypeText.of(w.input())
              + ", or a method of the operator taking it.");
    } else if (access.keyType().getKind() != TypeKind.LONG
        && !types.isSameType(access.keyType(), types.boxedClass(types.getPrimitiveType(TypeKind.LONG)).asType())) {
      error(vertex, w, AnnotationReader.explicitValue(w.annotation(), "timestamp"), what + " reads its timestamp from '"
              + w.timestamp() + "', which is " + TypeText.of(access.keyType()) + ", not long milliseconds.",
          "name a member of type long.");
    }
  }

  private void checkLateMethod(VertexModel vertex, WindowModel w, String what) {
    for (ExecutableElement late : w.lateMethods()) {
      List<? extends VariableElement> params = late.getParameters();
      boolean ok = late.getModifiers().contains(Modifier.PUBLIC) && !late.getModifiers().contains(Modifier.STATIC)
          && late.getReturnType().getKind() == TypeKind.VOID && params.size() == 2
          && types.isAssignable(w.input(), params.get(0).asType())
          && MethodShapes.isNamed(params.get(1).asType(), Emitter.class);
      if (!ok || w.lateMethods().size() > 1) {
        diagnostics.error(Tag.WINDOW, late, what + ": " + TypeText.of(late) + " does not have the shape of the"
                + " late-record method, or is not the only one.",
            "declare one `public void late(" + TypeText.of(w.input()) + " record, Emitter<Out> out)`.");
      }
    }
  }

  private TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType() : type;
  }

  private void error(VertexModel vertex, WindowModel w, javax.lang.model.element.AnnotationValue value, String problem,
      String fix) {
    diagnostics.error(Tag.WINDOW, vertex.element(), w.annotation(), value, problem, fix);
  }
}
