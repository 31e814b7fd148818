package io.weir.api;

/** Folds two values of one type into one; used by {@code ReducingState}. Must be associative. */
@FunctionalInterface
public interface ReduceFunction<T> {
  T reduce(T accumulated, T value) throws Exception;
}
