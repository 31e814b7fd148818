package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.Emitter;
import io.weir.api.JobParameters;
import io.weir.api.OperatorContext;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.TaskCancelledException;
import io.weir.runtime.operator.KeySelector;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A linear chain of operators built tail first, as {@code OperatorChain} does: positions count
 * from the end, the emitter into each position is its own class (wrapping every eight), and
 * records, keys and failures behave as they did with the single shared {@code push}.
 */
class ChainedEmittersTest {
  private static final int LENGTH = 11; // positions 0..10: classes At0..At7, then At0..At2 again

  /** Adds one to a Long; the keyed ones also count records per key (value mod 3). */
  private static final class AddOne implements OperatorInvoker<Object> {
    final boolean keyed;
    final long failOn;
    ValueState<Long> seen;

    AddOne(boolean keyed, long failOn) {
      this.keyed = keyed;
      this.failOn = failOn;
    }

    @Override
    public void open(OperatorContext context, KeyedStateBackend state) {
      if (keyed) {
        seen = state.valueState(StateDescriptor.value("seen", LongSerializer.INSTANCE));
      }
    }

    @Override
    public void process(int input, Object record, Emitter<Object> out) {
      long value = (Long) record;
      if (value == failOn) {
        throw new IllegalStateException("cannot add to " + value);
      }
      if (value == -100) {
        throw new TaskCancelledException("cancelled in the chain");
      }
      if (keyed) {
        Long previous = seen.value();
        seen.update(previous == null ? 1L : previous + 1);
      }
      out.emit(value == -1 ? null : value + 1);
    }

    @Override
    public void close() {}
  }

  private static final KeySelector MOD_THREE = new KeySelector() {
    @Override
    public Object key(int input, Object record) {
      return (Long) record % 3;
    }

    @Override
    public int keyHash(int input, Object record) {
      return Long.hashCode((Long) record % 3);
    }

    @Override
    public TypeSerializer<?> keySerializer() {
      return LongSerializer.INSTANCE;
    }
  };

  private static TaskOperatorContext context(String name) {
    return new TaskOperatorContext("chain", name, 0, 1, JobParameters.empty());
  }

  /** Operators by position (index 0 is the sink), their invokers, the records the sink got. */
  private record Chain(List<ChainedOperator> operators, List<AddOne> invokers, List<Object> received) {
    ChainedOperator head() {
      return operators.get(operators.size() - 1);
    }
  }

  /** Builds the chain; operators at the positions in {@code keyed} are keyed, the one at {@code failing} fails on 7. */
  private static Chain chain(List<Integer> keyed, int failing) {
    List<Object> received = new ArrayList<>();
    List<ChainedOperator> operators = new ArrayList<>();
    List<AddOne> invokers = new ArrayList<>();
    OperatorInvoker<Object> sink = new OperatorInvoker<>() {
      @Override
      public void open(OperatorContext context, KeyedStateBackend state) {}

      @Override
      public void process(int input, Object record, Emitter<Object> out) {
        received.add(record);
      }

      @Override
      public void close() {}
    };
    ChainedOperator next = new ChainedOperator("v0", context("Sink"), sink, Outputs.forSink(context("Sink")), 0, null, 128);
    operators.add(next);
    invokers.add(null);
    for (int position = 1; position < LENGTH; position++) {
      String name = "Op" + position;
      Emitter<Object> output = Outputs.create(context(name), new RecordCounter(), List.of(next), List.of());
      AddOne invoker = new AddOne(keyed.contains(position), position == failing ? 7 : Long.MIN_VALUE);
      next = new ChainedOperator("v" + position, context(name), invoker, output, 0,
          keyed.contains(position) ? MOD_THREE : null, 128);
      operators.add(next);
      invokers.add(invoker);
    }
    for (ChainedOperator op : operators) {
      op.open(new HeapStateBackend());
    }
    return new Chain(operators, invokers, received);
  }

  @Test
  void positionsCountFromTheTailAndEachPositionGetsItsOwnEmitterClassModuloEight() {
    Chain chain = chain(List.of(), -1);
    for (int position = 0; position < LENGTH; position++) {
      assertEquals(position, chain.operators().get(position).position);
    }
    Map<Integer, Class<?>> classOfPosition = new TreeMap<>();
    for (int position = 1; position < LENGTH; position++) {
      // the emitter of the operator at `position` feeds position - 1
      classOfPosition.put(position - 1, chain.operators().get(position).output.getClass());
    }
    for (int p = 0; p < 8; p++) {
      for (int q = p + 1; q < 8; q++) {
        assertNotSame(classOfPosition.get(p), classOfPosition.get(q), "positions " + p + " and " + q);
      }
    }
    assertSame(classOfPosition.get(0), classOfPosition.get(8));
    assertSame(classOfPosition.get(1), classOfPosition.get(9));
  }

  @Test
  void recordsPassEveryPositionAndKeyedOperatorsSeeTheirOwnKeys() {
    Chain chain = chain(List.of(2, 9), -1);
    for (long v = 0; v < 30; v++) {
      chain.head().push(v);
    }
    List<Object> expected = new ArrayList<>();
    for (long v = 0; v < 30; v++) {
      expected.add(v + LENGTH - 1);
    }
    assertEquals(expected, chain.received());
    // position 9 gets v + 1 and position 2 gets v + 8: both see ten records per key mod 3
    for (int position : List.of(2, 9)) {
      ChainedOperator op = chain.operators().get(position);
      assertEquals(3, op.backend.keyCount("seen"), "position " + position);
      for (long key = 0; key < 3; key++) {
        op.backend.setCurrentKey(key, io.weir.state.KeyGroups.keyGroupFor(Long.hashCode(key), 128));
        assertEquals(10L, chain.invokers().get(position).seen.value(), "position " + position + ", key " + key);
      }
    }
  }

  @Test
  void aFailureDeepInTheChainNamesThatOperatorOnce() {
    Chain chain = chain(List.of(), 3);
    // position 3 receives head value + 7 (positions 10..4 add one each), so pushing 0 reaches it as 7
    OperatorException e = assertThrows(OperatorException.class, () -> chain.head().push(0L));
    assertEquals("Op3", e.operatorName());
    assertTrue(e.getCause().getMessage().contains("cannot add to 7"), e.getMessage());
  }

  @Test
  void nullFromAnOperatorNamesItAndCancellationPassesThrough() {
    Chain chain = chain(List.of(), -1);
    // the head emits null for -1
    OperatorException e = assertThrows(OperatorException.class, () -> chain.head().push(-1L));
    assertEquals("Op10", e.operatorName());
    assertTrue(e.getMessage().contains("emitted null"), e.getMessage());
    assertThrows(TaskCancelledException.class, () -> chain.head().push(-107L)); // -100 at position 3
  }
}
