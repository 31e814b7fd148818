package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Partitions an operator's input by key: all records with equal keys reach the same parallel
 * instance, and {@link State} fields are scoped to the key of the record being processed.
 *
 * <p>{@link #value()} names either a method of the operator that takes the input and returns the
 * key ({@code String keyOf(Click c)}), or a member of every input type: a record component, a
 * public field, or a public no-argument accessor ({@code text()} or {@code getText()}).
 *
 * <p>Keys are primitives, their boxes, {@code String}, enums, or records made of those: types
 * whose hash code is the same in every JVM, so a key lands in the same key group everywhere.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Keyed {
  /** The key member of the input type, or the name of a key-extracting method of the operator. */
  String value();
}
