package io.weir.api;

/**
 * Folds values of type {@code IN} into an accumulator of type {@code ACC} and reads a result of
 * type {@code OUT} from it; used by {@code AggregatingState<IN, OUT>}. Weir generates a serializer
 * for {@code ACC}, so the accumulator is saved and restored with the rest of the state. Must have a
 * public no-argument constructor and keep no state of its own.
 */
public interface AggregateFunction<IN, ACC, OUT> {
  /** A fresh accumulator for a key that has none yet. */
  ACC createAccumulator();

  /** Folds {@code value} into {@code accumulator}; may update it in place and return it. */
  ACC add(IN value, ACC accumulator);

  /** The result an accumulator stands for. */
  OUT getResult(ACC accumulator);

  /**
   * Combines two accumulators, e.g. when merging windows later. Optional: the default throws,
   * since only merging uses it.
   */
  default ACC merge(ACC a, ACC b) {
    throw new UnsupportedOperationException(getClass().getName() + " does not implement merge");
  }
}
