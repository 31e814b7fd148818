package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a keyed state field of a {@link Keyed} operator. The field's type is one of the state
 * interfaces of {@code io.weir.state} ({@code ValueState<T>}, {@code ListState<T>},
 * {@code ReducingState<T>}, {@code AggregatingState<IN, OUT>}, {@code MapState<K, V>}); Weir
 * assigns it before the operator runs and saves and restores it. The field must not be private or
 * final, so the generated code can bind it without reflection.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface State {
  /** State name, stable across versions of the job; defaults to the field's name. */
  String name() default "";

  /** For {@code ReducingState<T>}: the {@link ReduceFunction} over {@code T} that folds added values. */
  Class<? extends ReduceFunction<?>> reducer() default NoReducer.class;

  /**
   * For {@code AggregatingState<IN, OUT>}: the {@link AggregateFunction} from {@code IN} to
   * {@code OUT}; the processor checks the types and generates a serializer for its accumulator.
   */
  Class<? extends AggregateFunction<?, ?, ?>> aggregator() default NoAggregator.class;

  /** Placeholder default of {@link #aggregator()}; never instantiated. */
  final class NoAggregator implements AggregateFunction<Object, Object, Object> {
    private NoAggregator() {}

    @Override
    public Object createAccumulator() {
      throw new UnsupportedOperationException("no aggregator declared");
    }

    @Override
    public Object add(Object value, Object accumulator) {
      throw new UnsupportedOperationException("no aggregator declared");
    }

    @Override
    public Object getResult(Object accumulator) {
      throw new UnsupportedOperationException("no aggregator declared");
    }
  }

  /** Placeholder default of {@link #reducer()}; never instantiated. */
  final class NoReducer implements ReduceFunction<Object> {
    private NoReducer() {}

    @Override
    public Object reduce(Object accumulated, Object value) {
      throw new UnsupportedOperationException("no reducer declared");
    }
  }
}
