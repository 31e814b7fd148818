package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a sink fed by the classes named in {@link #from()}. The sink declares
 * {@code public void write(In record)} and may declare {@code public void open(OperatorContext)}
 * and {@code public void close()}. A sink cannot feed anything.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Sink {
  /** Upstream sources or operators, each annotated with {@link Source} or {@link Operator}. */
  Class<?>[] from();

  /** Vertex name shown in progress and errors; defaults to the class's simple name. */
  String name() default "";

  /** Parallel instances of this sink; {@code 0} means the job's default parallelism. */
  int parallelism() default 0;

  /** How non-keyed inputs are distributed over this vertex's instances; keyed inputs always go by key. */
  Exchange exchange() default Exchange.AUTO;

  /**
   * The side output of the upstreams in {@link #from()} to read (declared there with
   * {@code @SideOutput}); empty for their main output.
   */
  String output() default "";
}
