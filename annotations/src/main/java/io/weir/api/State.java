package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a state field that Weir assigns before the instance runs, saves in snapshots and
 * restores. The field must not be private, final or static, so generated code can bind it without
 * reflection. What it holds depends on where it is declared:
 *
 * <ul>
 *   <li><b>Keyed state</b>, in a {@link Keyed} operator or sink: one of the state interfaces of
 *       {@code io.weir.state} ({@code ValueState<T>}, {@code ListState<T>},
 *       {@code ReducingState<T>}, {@code AggregatingState<IN, OUT>}, {@code MapState<K, V>}),
 *       scoped to the key of the record being processed and redistributed by key group.
 *   <li><b>Operator state</b>, in a {@link Source} or in a sink that is not keyed: a
 *       {@code ListState<T>} that belongs to the instance, such as a source's read positions.
 *       On restore, at the same or another parallelism, its elements are handed out as
 *       {@link #redistribution()} says. A single value is a list of at most one element; keep
 *       one element per unit of work (e.g. per input partition) so the work can move between
 *       instances. Operators that are not keyed have no state; map and broadcast operator state
 *       are not offered.
 * </ul>
 *
 * <pre>{@code
 * @Source(job = "orders")
 * public final class Orders implements SourceReader<Order> {
 *   @State(name = "positions") ListState<Position> positions;   // split among instances on restore
 *   public void open(SourceContext ctx) { ... positions.get() holds this instance's share ... }
 * }
 * }</pre>
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

  /**
   * For operator state only: how its elements are handed out on restore (default
   * {@link Redistribution#EVEN_SPLIT}). Keyed state always follows its key, so declaring this on
   * keyed state is an error.
   */
  Redistribution redistribution() default Redistribution.EVEN_SPLIT;

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
