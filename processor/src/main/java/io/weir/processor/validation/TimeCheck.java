package io.weir.processor.validation;

import io.weir.api.Emitter;
import io.weir.api.TimeDomain;
import io.weir.api.TimerService;
import io.weir.api.WatermarkGenerator;
import io.weir.processor.Diagnostics;
import io.weir.processor.Tag;
import io.weir.processor.model.AnnotationReader;
import io.weir.processor.model.EventTimeModel;
import io.weir.processor.model.InputModel;
import io.weir.processor.model.MethodShapes;
import io.weir.processor.model.Role;
import io.weir.processor.model.VertexModel;
import java.util.List;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks event time and timers: a source's {@code @EventTime} method and watermark settings, and a
 * keyed operator's {@code @OnTimer} method and its input methods that take a {@code TimerService}.
 */
final class TimeCheck {
  static final String ON_TIMER_SHAPE =
      "`@OnTimer public void onTimer(long timestamp, TimeDomain domain, TimerService timers, Emitter<%s> out)`";

  private final Diagnostics diagnostics;
  private final Types types;
  private final TypeElement generatorInterface;

  TimeCheck(Diagnostics diagnostics, Elements elements, Types types) {
    this.diagnostics = diagnostics;
    this.types = types;
    this.generatorInterface = elements.getTypeElement(WatermarkGenerator.class.getCanonicalName());
  }

  void check(VertexModel vertex) {
    if (vertex.role() == Role.SOURCE) {
      checkEventTime(vertex);
      for (ExecutableElement onTimer : vertex.onTimers()) {
        diagnostics.error(Tag.TIMER, onTimer, "@OnTimer method " + onTimer.getSimpleName() + " of "
                + vertex.describe() + ": sources have no timers; only keyed operators do.",
            "move the method to a @Keyed @Operator downstream of the source.");
      }
      return;
    }
    for (EventTimeModel eventTime : vertex.eventTimes()) {
      diagnostics.error(Tag.EVENT_TIME, eventTime.method(), "@EventTime method " + eventTime.method().getSimpleName()
              + " of " + vertex.describe() + ": only sources read event time; downstream it travels as watermarks.",
          "move the method to the @Source that emits the records.");
    }
    checkTimers(vertex);
  }

  private void checkEventTime(VertexModel source) {
    List<EventTimeModel> declared = source.eventTimes();
    for (int i = 1; i < declared.size(); i++) {
      diagnostics.error(Tag.EVENT_TIME, declared.get(i).method(), source.describe() + " declares several @EventTime"
          + " methods (" + declared.get(0).method().getSimpleName() + " first); a record has one timestamp.",
          "keep one @EventTime method.");
    }
    if (declared.isEmpty() || source.sourceOutput() == null) {
      return;
    }
    EventTimeModel eventTime = declared.get(0);
    checkTimestampMethod(source, eventTime.method());
    checkWatermarks(source, eventTime);
  }

  private void checkTimestampMethod(VertexModel source, ExecutableElement method) {
    String wanted = "`@EventTime public long " + method.getSimpleName() + "(" + TypeText.of(source.sourceOutput())
        + " record)`";
    String problem = null;
    if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)) {
      problem = "is not a public instance method";
    } else if (method.getReturnType().getKind() != TypeKind.LONG) {
      problem = "returns " + TypeText.of(method.getReturnType()) + " instead of long (milliseconds)";
    } else if (method.getParameters().size() != 1 || !method.getTypeParameters().isEmpty()) {
      problem = "does not take exactly one parameter, the record";
    } else if (!types.isAssignable(source.sourceOutput(), method.getParameters().get(0).asType())) {
      problem = "takes " + TypeText.of(method.getParameters().get(0).asType()) + ", but the source emits "
          + TypeText.of(source.sourceOutput());
    }
    if (problem != null) {
      diagnostics.error(Tag.EVENT_TIME, method, "@EventTime method " + method.getSimpleName() + " of "
          + source.describe() + " " + problem + ".", "declare it as " + wanted + ".");
    }
  }

  private void checkWatermarks(VertexModel source, EventTimeModel eventTime) {
    ExecutableElement method = eventTime.method();
    String where = "@EventTime of " + source.describe();
    AnnotationValue bound = AnnotationReader.explicitValue(eventTime.annotation(), "maxOutOfOrdernessMillis");
    AnnotationValue idle = AnnotationReader.explicitValue(eventTime.annotation(), "idleTimeoutMillis");
    AnnotationValue generator = AnnotationReader.explicitValue(eventTime.annotation(), "generator");
    if (eventTime.maxOutOfOrdernessMillis() < 0) {
      error(method, eventTime, bound, where + " has maxOutOfOrdernessMillis = " + eventTime.maxOutOfOrdernessMillis()
          + "; a bound cannot be negative.", "use 0 or more milliseconds.");
    }
    if (eventTime.idleTimeoutMillis() < 0) {
      error(method, eventTime, idle, where + " has idleTimeoutMillis = " + eventTime.idleTimeoutMillis()
          + ", which is negative.", "use a positive timeout, or 0 to never mark the source idle.");
    }
    boolean custom = eventTime.strategy().equals("CUSTOM");
    if (!eventTime.strategy().equals("BOUNDED_OUT_OF_ORDERNESS") && bound != null) {
      error(method, eventTime, bound, where + " sets maxOutOfOrdernessMillis, which only "
          + "BOUNDED_OUT_OF_ORDERNESS uses, with watermarks = " + eventTime.strategy() + ".",
          "remove maxOutOfOrdernessMillis, or use watermarks = WatermarkStrategy.BOUNDED_OUT_OF_ORDERNESS.");
    }
    if (custom && eventTime.generator() == null) {
      error(method, eventTime, null, where + " uses watermarks = CUSTOM but names no generator.",
          "add generator = MyWatermarks.class, with MyWatermarks implementing WatermarkGenerator<"
              + TypeText.of(source.sourceOutput()) + ">.");
    } else if (!custom && eventTime.generator() != null) {
      error(method, eventTime, generator, where + " names a generator, which only watermarks = CUSTOM uses.",
          "add watermarks = WatermarkStrategy.CUSTOM, or remove the generator.");
    } else if (custom) {
      checkGenerator(source, eventTime, generator);
    }
  }

  private void checkGenerator(VertexModel source, EventTimeModel eventTime, AnnotationValue value) {
    TypeMirror generator = eventTime.generator();
    String where = "@EventTime of " + source.describe();
    TypeMirror wanted = types.getDeclaredType(generatorInterface, source.sourceOutput());
    if (!types.isAssignable(generator, wanted)) {
      error(eventTime.method(), eventTime, value, where + ": generator " + TypeText.of(generator)
              + " is not a WatermarkGenerator<" + TypeText.of(source.sourceOutput()) + ">.",
          "implement WatermarkGenerator<" + TypeText.of(source.sourceOutput()) + "> (or of a supertype).");
      return;
    }
    TypeElement element = (TypeElement) ((DeclaredType) generator).asElement();
    boolean instantiable = !element.getModifiers().contains(Modifier.ABSTRACT)
        && element.getModifiers().contains(Modifier.PUBLIC)
        && element.getTypeParameters().isEmpty()
        && (element.getNestingKind() == NestingKind.TOP_LEVEL || element.getModifiers().contains(Modifier.STATIC))
        && ClassShapeCheck.hasPublicNoArgConstructor(element);
    if (!instantiable) {
      error(eventTime.method(), eventTime, value, where + ": generator " + TypeText.of(generator)
              + " cannot be instantiated by the generated plan.",
          "make it a concrete, non-generic, public top-level or static nested class with a public no-argument"
              + " constructor.");
    }
  }

  private void error(ExecutableElement method, EventTimeModel eventTime, AnnotationValue value, String problem,
      String fix) {
    diagnostics.error(Tag.EVENT_TIME, method, eventTime.annotation(), value, problem, fix);
  }

  private void checkTimers(VertexModel vertex) {
    List<ExecutableElement> onTimers = vertex.onTimers();
    String output = vertex.output() == null ? "Out" : TypeText.of(vertex.output());
    String shape = ON_TIMER_SHAPE.formatted(output);
    for (int i = 1; i < onTimers.size(); i++) {
      diagnostics.error(Tag.TIMER, onTimers.get(i), vertex.describe() + " declares several @OnTimer methods ("
          + onTimers.get(0).getSimpleName() + " first); one method receives every timer.",
          "keep one, and tell timers apart by timestamp and domain.");
    }
    if (vertex.role() == Role.SINK) {
      for (ExecutableElement onTimer : onTimers) {
        diagnostics.error(Tag.TIMER, onTimer, "@OnTimer method " + onTimer.getSimpleName() + " of "
            + vertex.describe() + ": sinks have no timers.", "use a @Keyed @Operator with timers before the sink.");
      }
      return;
    }
    for (InputModel input : vertex.inputs()) {
      if (input.timers() && !vertex.keyed()) {
        diagnostics.error(Tag.TIMER, input.method(), vertex.describe() + " takes a TimerService in "
            + input.method().getSimpleName() + ", but is not @Keyed; timers belong to a key.",
            "add @Keyed(...) to the class, or drop the TimerService parameter.");
      } else if (input.timers() && onTimers.isEmpty()) {
        diagnostics.error(Tag.TIMER, input.method(), vertex.describe() + " takes a TimerService in "
            + input.method().getSimpleName() + " but has no @OnTimer method for its timers to call.",
            "declare " + shape + ".");
      }
    }
    if (onTimers.isEmpty()) {
      return;
    }
    ExecutableElement onTimer = onTimers.get(0);
    if (!vertex.keyed()) {
      diagnostics.error(Tag.TIMER, onTimer, "@OnTimer method " + onTimer.getSimpleName() + " of "
          + vertex.describe() + ", which is not @Keyed; timers belong to a key.", "add @Keyed(...) to the class.");
      return;
    }
    String problem = onTimerProblem(onTimer, vertex.output());
    if (problem != null) {
      diagnostics.error(Tag.TIMER, onTimer, "@OnTimer method " + onTimer.getSimpleName() + " of "
          + vertex.describe() + " " + problem + ".", "declare it as " + shape + ".");
    }
  }

  private String onTimerProblem(ExecutableElement method, TypeMirror output) {
    if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)) {
      return "is not a public instance method";
    }
    List<? extends VariableElement> params = method.getParameters();
    if (method.getReturnType().getKind() != TypeKind.VOID || params.size() != 4
        || params.get(0).asType().getKind() != TypeKind.LONG
        || !MethodShapes.isNamed(params.get(1).asType(), TimeDomain.class)
        || !MethodShapes.isNamed(params.get(2).asType(), TimerService.class)
        || !MethodShapes.isNamed(params.get(3).asType(), Emitter.class)) {
      return "does not have the timer shape";
    }
    List<? extends TypeMirror> emitted = ((DeclaredType) params.get(3).asType()).getTypeArguments();
    if (output != null && (emitted.size() != 1 || !types.isSameType(emitted.get(0), output))) {
      return "emits " + (emitted.size() == 1 ? TypeText.of(emitted.get(0)) : "a raw type") + ", but its input methods emit "
          + TypeText.of(output);
    }
    return null;
  }
}
