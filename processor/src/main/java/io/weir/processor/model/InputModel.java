package io.weir.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One input of an operator or sink: the distinct type it accepts and the user method that consumes
 * it.
 *
 * @param index the input's number in the plan (position among the class's input methods)
 * @param type the accepted type; primitives are boxed, since records travel as objects
 * @param method the user method
 * @param shape how the method consumes and emits
 * @param output the type the method emits (boxed), or null for {@link Shape#WRITE}
 * @param timers whether the method also takes a {@code TimerService} (flatMap shape only)
 */
public record InputModel(
    int index, TypeMirror type, ExecutableElement method, Shape shape, TypeMirror output, boolean timers) {}
