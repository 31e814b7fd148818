package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an operator fed by the classes named in {@link #from()}.
 *
 * <p>The operator declares one public method per input type:
 * <ul>
 *   <li>{@code void process(In in, Emitter<Out> out)} emits zero or more records (flatMap);
 *   <li>{@code Out process(In in)} emits exactly one record per input (map);
 *   <li>{@code boolean filter(In in)} forwards the input when it returns true (filter).
 * </ul>
 * Several upstreams of the same type share one method (union); upstreams of different types each
 * need their own method, and all methods emit the same output type. Optional lifecycle methods:
 * {@code public void open(OperatorContext context)} and {@code public void close()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Operator {
  /** Upstream sources or operators, each annotated with {@link Source} or {@link Operator}. */
  Class<?>[] from();

  /** Vertex name shown in progress and errors; defaults to the class's simple name. */
  String name() default "";

  /** Parallel instances of this operator; {@code 0} means the job's default parallelism. */
  int parallelism() default 0;

  /** How non-keyed inputs are distributed over this vertex's instances; keyed inputs always go by key. */
  Exchange exchange() default Exchange.AUTO;

  /**
   * The side output of the upstreams in {@link #from()} to read (declared there with
   * {@code @SideOutput}); empty for their main output.
   */
  String output() default "";
}
