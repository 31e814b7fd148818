package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as the source of a job. The class implements {@link SourceReader}; its type argument
 * is the type of the records it emits.
 *
 * <pre>{@code
 * @Source(job = "wordcount")
 * public final class Lines implements SourceReader<String> { ... }
 * }</pre>
 *
 * <p>A job is the set of sources that name it plus every operator and sink reachable from them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Source {
  /** Name of the job this source belongs to: lower-case letters, digits and '-'. */
  String job();

  /** Vertex name shown in progress and errors; defaults to the class's simple name. */
  String name() default "";

  /** Parallel instances of this source; {@code 0} means the job's default parallelism. */
  int parallelism() default 0;
}
