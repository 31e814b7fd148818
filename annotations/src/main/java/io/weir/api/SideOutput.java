package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a further, typed output of an {@link Operator}: an {@code Emitter<T>} field (not
 * private, final or static) that Weir assigns before the operator opens. Downstream vertices read
 * it by naming it, {@code @Operator(from = Split.class, output = "late")}; records emitted to it
 * reach only those. Emitting to a side output nobody reads drops the records.
 *
 * <pre>{@code
 * @SideOutput("late") Emitter<Reading> late;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface SideOutput {
  /** The output's name, unique within the operator. */
  String value();
}
