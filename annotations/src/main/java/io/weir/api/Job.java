package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional job-wide settings, placed on any class of the job (commonly a source). A job without
 * this annotation runs with parallelism 1, max parallelism 128 and its state on the heap.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Job.List.class)
public @interface Job {
  /** The job's name, as given in {@link Source#job()}. */
  String name();

  /** Parallelism of every vertex that does not set its own. */
  int parallelism() default 1;

  /**
   * Number of key groups: the upper bound of any keyed operator's parallelism, and the unit in
   * which keyed state is redistributed when parallelism changes. Fixed for the life of the job.
   */
  int maxParallelism() default 128;

  /**
   * Where the job's keyed state lives. A run can override it ({@code RunOptions.stateBackend},
   * {@code --state-backend}, {@code -Dweir.stateBackend}).
   */
  StateBackendKind stateBackend() default StateBackendKind.HEAP;

  /** Container of repeated {@link Job} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    Job[] value();
  }
}
