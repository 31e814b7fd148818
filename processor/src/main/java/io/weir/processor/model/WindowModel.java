package io.weir.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @Window} operator as declared; the validator judges it.
 *
 * @param annotation the {@code @Window} annotation
 * @param sizeMillis declared size (0 when absent)
 * @param slideMillis declared slide (0 when absent)
 * @param sessionGapMillis declared session gap (0 when absent)
 * @param timestamp the timestamp member name; empty for processing time
 * @param timestampAccess how the timestamp is read from the input, or null when unresolved
 * @param aggregator the declared aggregator, or null
 * @param aggregatorArguments its {@code [IN, ACC, OUT]}, or null when it is not an AggregateFunction
 * @param reducer the declared reducer, or null
 * @param reducerType the {@code T} of its {@code ReduceFunction<T>}, or null
 * @param allowedLatenessMillis declared lateness
 * @param earlyFiringMillis declared early-firing interval
 * @param countTrigger declared count trigger
 * @param windowMethods the class's methods named {@code window}
 * @param lateMethods the class's methods named {@code late}
 * @param input the records' type, from the aggregation or the window method; null when unknown
 * @param result what the window method receives: the aggregator's result, the reduced type or {@code List<In>}
 */
public record WindowModel(
    AnnotationMirror annotation,
    long sizeMillis,
    long slideMillis,
    long sessionGapMillis,
    String timestamp,
    KeyAccess timestampAccess,
    TypeMirror aggregator,
    List<TypeMirror> aggregatorArguments,
    TypeMirror reducer,
    TypeMirror reducerType,
    long allowedLatenessMillis,
    long earlyFiringMillis,
    long countTrigger,
    List<ExecutableElement> windowMethods,
    List<ExecutableElement> lateMethods,
    TypeMirror input,
    TypeMirror result) {

  public boolean eventTime() {
    return !timestamp.isEmpty();
  }

  public boolean session() {
    return sessionGapMillis > 0;
  }

  /** The window method when there is exactly one, else null. */
  public ExecutableElement windowMethod() {
    return windowMethods.size() == 1 ? windowMethods.get(0) : null;
  }

  /** The late method when there is exactly one, else null. */
  public ExecutableElement lateMethod() {
    return lateMethods.size() == 1 ? lateMethods.get(0) : null;
  }

  /** The accumulator type: the aggregator's ACC, the reduced type, or {@code List<In>} (same as the result). */
  public TypeMirror accumulator() {
    if (aggregatorArguments != null) {
      return aggregatorArguments.get(1);
    }
    return result;
  }
}
