package io.weir.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A source, operator or sink class as declared. Holds facts only; the validator judges them.
 *
 * @param element the user class
 * @param role its role
 * @param annotation its role annotation
 * @param name the vertex name (declared, or the simple name)
 * @param parallelism declared parallelism; 0 means the job's default
 * @param exchange the {@code Exchange} constant name ({@code AUTO} for sources)
 * @param jobName the job a source names; null for operators and sinks
 * @param upstreams the {@code from} literals in order; empty for sources
 * @param sourceOutput a source's record type, or null when it has none (or is not a source)
 * @param inputs the well-formed input methods, in declaration order (operators and sinks)
 * @param hasOpen whether the class declares {@code public void open(OperatorContext)}
 * @param hasClose whether it declares {@code public void close()}
 * @param key its {@code @Keyed} declaration, or null
 * @param states its {@code @State} fields in declaration order
 * @param eventTimes its {@code @EventTime} methods (a valid source has at most one)
 * @param onTimers its {@code @OnTimer} methods (a valid keyed operator has at most one)
 * @param window its {@code @Window} declaration, or null
 * @param sideOutputs its {@code @SideOutput} fields in declaration order
 * @param readsOutput the upstreams' side output it reads ({@code output = ...}); empty for their main output
 * @param unresolved whether any type it mentions is not (yet) known to javac
 * @param transactional whether the class implements {@code io.weir.api.TwoPhaseCommitSink}
 */
public record VertexModel(
    TypeElement element,
    Role role,
    AnnotationMirror annotation,
    String name,
    int parallelism,
    String exchange,
    String jobName,
    List<UpstreamRef> upstreams,
    TypeMirror sourceOutput,
    List<InputModel> inputs,
    boolean hasOpen,
    boolean hasClose,
    KeyModel key,
    List<StateFieldModel> states,
    List<EventTimeModel> eventTimes,
    List<ExecutableElement> onTimers,
    WindowModel window,
    List<SideOutputModel> sideOutputs,
    String readsOutput,
    boolean unresolved,
    boolean transactional) {

  public String qualifiedName() {
    return element.getQualifiedName().toString();
  }

  public boolean keyed() {
    return key != null;
  }

  /** The source's {@code @EventTime} declaration when it has exactly one, else null. */
  public EventTimeModel eventTime() {
    return eventTimes.size() == 1 ? eventTimes.get(0) : null;
  }

  /** The operator's {@code @OnTimer} method when it has exactly one, else null. */
  public ExecutableElement onTimer() {
    return onTimers.size() == 1 ? onTimers.get(0) : null;
  }

  /** Whether some input method takes a {@code TimerService}. */
  public boolean inputsTakeTimers() {
    return inputs.stream().anyMatch(InputModel::timers);
  }

  /**
   * Whether its {@code @State} fields are operator state (belonging to the instance, not to a key):
   * true for sources and for sinks that are not keyed. Operators that are not keyed have no state.
   */
  public boolean operatorStateScope() {
    return key == null && role != Role.OPERATOR;
  }

  /** Whether it declares operator state, which generated code binds through {@code OperatorStateBinding}. */
  public boolean hasOperatorState() {
    return operatorStateScope() && !states.isEmpty();
  }

  /** The attribute {@code attribute} of the role annotation as written, or null; for diagnostics. */
  public AnnotationValue attribute(String attribute) {
    return AnnotationReader.explicitValue(annotation, attribute);
  }

  /**
   * The type of records this vertex emits: a source's reader type, an operator's first input
   * method's output (the validator checks the others agree), null for sinks and malformed classes.
   */
  public TypeMirror output() {
    return switch (role) {
      case SOURCE -> sourceOutput;
      case OPERATOR -> inputs.isEmpty() ? null : inputs.get(0).output();
      case SINK -> null;
    };
  }

  /** The type of output {@code name}: the main output for "", else the side output's; null when there is none. */
  public TypeMirror outputNamed(String name) {
    if (name.isEmpty()) {
      return output();
    }
    return sideOutputs.stream().filter(o -> o.name().equals(name)).map(SideOutputModel::type).findFirst().orElse(null);
  }

  /** How the role is shown in messages, e.g. {@code @Operator Count}. */
  public String describe() {
    return role.display() + " " + element.getSimpleName();
  }
}
