package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link Keyed} operator that a timer calls when it fires:
 *
 * <pre>{@code
 * @OnTimer
 * public void onTimer(long timestamp, TimeDomain domain, TimerService timers, Emitter<Out> out) { ... }
 * }</pre>
 *
 * The timer's key is the current key while it runs, so the operator's {@link State} fields read
 * and write that key's state; it may emit records and register further timers. At most one per
 * operator; an operator whose input method takes a {@link TimerService} must declare one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnTimer {}
