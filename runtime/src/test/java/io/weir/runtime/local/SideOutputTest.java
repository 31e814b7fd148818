package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Received;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Tagged;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.SideOutputBinding;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.state.backend.KeyedStateBackend;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An operator emits to its main output and a side output; each downstream reads the one it names. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SideOutputTest {
  private static final long N = 3_000;

  /** Even values to the main output (as Tagged), odd ones to side output "odd" (as Long). */
  static final class Split implements OperatorInvoker<Object>, SideOutputBinding {
    private Emitter<Object> odd;

    @Override
    public void bindSideOutput(String name, Emitter<Object> emitter) {
      if (!name.equals("odd")) {
        throw new IllegalArgumentException(name);
      }
      odd = emitter;
    }

    @Override
    public void open(OperatorContext context, KeyedStateBackend state) {}

    @Override
    public void process(int input, Object record, Emitter<Object> out) {
      Tagged t = (Tagged) record;
      if (t.value() % 2 == 0) {
        out.emit(t);
      } else {
        odd.emit(t.value());
      }
    }

    @Override
    public void close() {}
  }

  private static JobPlan plan(Queue<Received> evens, Queue<Received> odds, int oddParallelism) {
    return JobPlan.builder("split").defaultParallelism(2)
        .source("s", "Numbers", "t.Numbers", 0, Sources.range("s", N, new Lifecycle()), TestSerializers.TAGGED)
        .operator("p", "Split", "t.Split", 0, Split::new, TestSerializers.TAGGED, List.of(Tagged.class.getName()), null)
        .sideOutput("p", "odd", TestSerializers.LONG)
        .sink("e", "Evens", "t.Evens", 0, LambdaInvoker.collect(evens), List.of(Tagged.class.getName()), null)
        .sink("o", "Odds", "t.Odds", oddParallelism, LambdaInvoker.collect(odds), List.of(Long.class.getName()), null)
        .edge("s", "p", 0, Partitioning.FORWARD)
        .edge("p", "e", 0, Partitioning.FORWARD)
        .edge("p", "o", 0, Partitioning.FORWARD, "odd")
        .build();
  }

  @Test
  void eachDownstreamGetsTheOutputItNamesChainedOrOverTheNetwork() {
    for (int oddParallelism : new int[] {2, 3}) { // 2: chained like the main output; 3: over the network
      Queue<Received> evens = new ConcurrentLinkedQueue<>();
      Queue<Received> odds = new ConcurrentLinkedQueue<>();
      new LocalCluster().run(plan(evens, odds, oddParallelism), RunOptions.defaults()).orThrow();

      assertEquals(LongStream.range(0, N).filter(v -> v % 2 == 0).boxed().toList(),
          evens.stream().map(r -> ((Tagged) r.record()).value()).sorted().toList());
      assertEquals(LongStream.range(0, N).filter(v -> v % 2 == 1).boxed().toList(),
          odds.stream().map(r -> (Long) r.record()).sorted().toList());
    }
  }

  @Test
  void anEdgeFromAnUndeclaredSideOutputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> JobPlan.builder("bad")
        .source("s", "Numbers", "t.Numbers", 0, Sources.range("s", N, new Lifecycle()), TestSerializers.TAGGED)
        .sink("o", "Odds", "t.Odds", 0, LambdaInvoker.collect(new ConcurrentLinkedQueue<>()), List.of("x"), null)
        .edge("s", "o", 0, Partitioning.FORWARD, "odd")
        .build());
  }
}
