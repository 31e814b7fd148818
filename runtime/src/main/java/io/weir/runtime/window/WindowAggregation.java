package io.weir.runtime.window;

import io.weir.api.AggregateFunction;
import io.weir.api.ReduceFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * How a window folds its records: into an {@link AggregateFunction}'s accumulator, by a
 * {@link ReduceFunction}, or into the list of all its records (for a function over the whole
 * window). {@code add} may change the accumulator in place; {@link WindowRunner} copies an
 * accumulator a snapshot may still be writing before it is changed.
 */
public interface WindowAggregation<IN, ACC, R> {
  ACC first(IN record) throws Exception;

  ACC add(IN record, ACC accumulator) throws Exception;

  /** Combines the accumulators of two session windows being merged. */
  ACC merge(ACC a, ACC b) throws Exception;

  R result(ACC accumulator) throws Exception;

  static <IN, ACC, R> WindowAggregation<IN, ACC, R> of(AggregateFunction<IN, ACC, R> function) {
    return new WindowAggregation<>() {
      @Override
      public ACC first(IN record) {
        return function.add(record, function.createAccumulator());
      }

      @Override
      public ACC add(IN record, ACC accumulator) {
        return function.add(record, accumulator);
      }

      @Override
      public ACC merge(ACC a, ACC b) {
        return function.merge(a, b);
      }

      @Override
      public R result(ACC accumulator) {
        return function.getResult(accumulator);
      }
    };
  }

  static <T> WindowAggregation<T, T, T> reducing(ReduceFunction<T> function) {
    return new WindowAggregation<>() {
      @Override
      public T first(T record) {
        return record;
      }

      @Override
      public T add(T record, T accumulator) throws Exception {
        return function.reduce(accumulator, record);
      }

      @Override
      public T merge(T a, T b) throws Exception {
        return function.reduce(a, b);
      }

      @Override
      public T result(T accumulator) {
        return accumulator;
      }
    };
  }

  /** Keeps every record for a window function over all of them (in arrival order, except for merged sessions). */
  static <T> WindowAggregation<T, List<T>, List<T>> collecting() {
    return new WindowAggregation<>() {
      @Override
      public List<T> first(T record) {
        List<T> all = new ArrayList<>();
        all.add(record);
        return all;
      }

      @Override
      public List<T> add(T record, List<T> accumulator) {
        List<T> all = growable(accumulator);
        all.add(record);
        return all;
      }

      @Override
      public List<T> merge(List<T> a, List<T> b) {
        List<T> all = growable(a);
        all.addAll(b);
        return all;
      }

      /** A restored list may come back unmodifiable, depending on its serializer. */
      private List<T> growable(List<T> list) {
        return list instanceof ArrayList<T> ? list : new ArrayList<>(list);
      }

      @Override
      public List<T> result(List<T> accumulator) {
        return List.copyOf(accumulator);
      }
    };
  }
}
