package io.weir.state.heap;

import io.weir.api.AggregateFunction;
import io.weir.state.AggregatingState;
import io.weir.state.ListState;
import io.weir.state.MapState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.IntSerializer;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One state of every kind registered on a backend, with a readable summary of a key's state. */
public final class AllKinds {
  /** Keeps {@code [sum, count]} in a mutable array, updated in place, to prove copy-on-write of accumulators. */
  static final class MeanOfInts implements AggregateFunction<Integer, long[], Double> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Integer value, long[] acc) {
      acc[0] += value;
      acc[1]++;
      return acc;
    }

    @Override
    public Double getResult(long[] acc) {
      return (double) acc[0] / acc[1];
    }
  }

  /** Serializer of the mean's accumulator. */
  static final class PairSerializer implements io.weir.state.serialization.TypeSerializer<long[]> {
    @Override
    public void serialize(long[] value, io.weir.state.serialization.BinaryOutput out) {
      out.writeLong(value[0]);
      out.writeLong(value[1]);
    }

    @Override
    public long[] deserialize(io.weir.state.serialization.BinaryInput in) {
      return new long[] {in.readLong(), in.readLong()};
    }
  }

  public final ValueState<String> value;
  public final ListState<Integer> list;
  public final ReducingState<Long> sum;
  public final AggregatingState<Integer, Double> mean;
  public final MapState<String, Long> map;

  public AllKinds(KeyedStateBackend backend) {
    value = backend.valueState(StateDescriptor.value("value", StringSerializer.INSTANCE));
    list = backend.listState(StateDescriptor.list("list", IntSerializer.INSTANCE));
    sum = backend.reducingState(StateDescriptor.reducing("sum", LongSerializer.INSTANCE, Long::sum));
    mean = backend.aggregatingState(StateDescriptor.aggregating("mean", new PairSerializer(), new MeanOfInts()));
    map = backend.mapState(StateDescriptor.map("map", StringSerializer.INSTANCE, LongSerializer.INSTANCE));
  }

  /** Updates every state of the current key with {@code n}. */
  public void apply(int n) {
    value.update("v" + n);
    list.add(n);
    sum.add((long) n);
    mean.add(n);
    map.put("k" + (n % 3), (long) n);
  }

  /** Everything the current key holds, as text. */
  public String describe() {
    List<Integer> elements = new ArrayList<>();
    list.get().forEach(elements::add);
    Map<String, Long> entries = new TreeMap<>();
    map.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
    return "value=" + value.value() + " list=" + elements + " sum=" + sum.get() + " mean=" + mean.get()
        + " map=" + entries;
  }
}
