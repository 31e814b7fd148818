package io.weir.api;

/** Receives the records an operator or source emits. Records must not be null. */
@FunctionalInterface
public interface Emitter<T> {
  void emit(T record);
}
