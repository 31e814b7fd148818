package io.weir.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.fixtures.WordCount;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.task.OperatorException;
import io.weir.state.ListState;
import io.weir.state.ReducingState;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorHarnessTest {

  @Test
  void drivesAKeyedOperatorFoundOnTheClasspathAndReadsItsState() throws Exception {
    try (OperatorHarness<WordCount> count = OperatorHarness.of(WordCountJob.Count.class)) {
      count.process("a").process("b").process("a");

      assertEquals(List.of(new WordCount("a", 1), new WordCount("b", 1), new WordCount("a", 2)), count.output());
      assertEquals(2L, count.<Long>valueState("count", "a"));
      assertEquals(1L, count.<Long>valueState("count", "b"));
      assertNull(count.valueState("count", "never seen"));

      count.clearOutput();
      count.process("b");
      assertEquals(List.of(new WordCount("b", 2)), count.output());
      IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> count.valueState("total", "a"));
      assertTrue(unknown.getMessage().contains("[count]"), unknown.getMessage());
    }
  }

  @Test
  void drivesAFlatMapWithoutState() throws Exception {
    try (OperatorHarness<String> tokenize = OperatorHarness.of(WordCountJob.Tokenize.class)) {
      tokenize.process("to be or not");
      assertEquals(List.of("to", "be", "or", "not"), tokenize.output());
      assertThrows(IllegalStateException.class, () -> tokenize.valueState("count", "to"));
    }
  }

  /** A keyed operator with list and reducing state, written by hand as the processor would generate it. */
  private static JobPlan statefulPlan(List<String> contexts, Lifecycle lifecycle) {
    return JobPlan.builder("stateful")
        .source("s", "Words", "t.Words", 1, Sources.range("s", 1, new Lifecycle()), TestSerializers.STRING)
        .operator("o", "Remember", "t.Remember", 1, LambdaInvoker.of((instance, input, record, out) -> {
          contexts.add(instance.context.operatorName() + " " + instance.context.subtaskIndex() + "/" + instance.context.parallelism()
              + " " + instance.context.parameters().get("mode", "?"));
          ListState<String> seen = instance.state.listState(StateDescriptor.list("seen", TestSerializers.STRING));
          ReducingState<Long> total = instance.state.reducingState(StateDescriptor.reducing("length", TestSerializers.LONG, Long::sum));
          String word = (String) record;
          seen.add(word + input);
          total.add((long) word.length());
          out.emit(word.toUpperCase());
        }, lifecycle), TestSerializers.STRING, List.of("java.lang.String", "java.lang.String"), new WordCountJob.WordKeys())
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), List.of("java.lang.String"), null)
        .edge("s", "o", 0, Partitioning.FORWARD)
        .edge("o", "k", 0, Partitioning.FORWARD)
        .build();
  }

  @Test
  void readsListAndReducingStatePassesContextAndCloses() throws Exception {
    List<String> contexts = new ArrayList<>();
    Lifecycle lifecycle = new Lifecycle();
    OperatorHarness<String> harness = OperatorHarness.<String>of(statefulPlan(contexts, lifecycle), "Remember")
        .withParameters("--mode", "fast").subtask(2, 3);
    harness.process("hi").process(1, "hi").process("there");

    assertEquals(List.of("HI", "HI", "THERE"), harness.output());
    assertEquals(List.of("hi0", "hi1"), harness.listState("seen", "hi"));
    assertEquals(4L, harness.<Long>reducingState("length", "hi"));
    assertEquals(5L, harness.<Long>reducingState("length", "there"));
    assertEquals(List.of(), harness.listState("seen", "nobody"));
    assertEquals("Remember 2/3 fast", contexts.get(0));
    assertThrows(IllegalStateException.class, () -> harness.subtask(0, 1), "configuration after open is refused");
    harness.close();
    assertEquals(1, lifecycle.opened.get());
    assertEquals(1, lifecycle.closed.get());
  }

  @Test
  void roundTripsOutputThroughTheSerializerAndCatchesBrokenOnes() throws Exception {
    TypeSerializer<String> truncating = new TypeSerializer<>() {
      @Override
      public void serialize(String value, BinaryOutput out) {
        out.writeString(value);
      }

      @Override
      public String deserialize(BinaryInput in) {
        String s = in.readString();
        return s.length() > 3 ? s.substring(0, 3) : s; // a bug: drops characters
      }
    };
    JobPlan plan = JobPlan.builder("broken")
        .source("s", "Words", "t.Words", 1, Sources.range("s", 1, new Lifecycle()), TestSerializers.STRING)
        .operator("o", "Echo", "t.Echo", 1, LambdaInvoker.of((i, in, r, out) -> out.emit(r)), truncating, List.of("java.lang.String"), null)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), List.of("java.lang.String"), null)
        .edge("s", "o", 0, Partitioning.FORWARD)
        .edge("o", "k", 0, Partitioning.FORWARD)
        .build();

    try (OperatorHarness<String> checked = OperatorHarness.of(plan, "Echo")) {
      checked.process("abc");
      assertEquals(List.of("abc"), checked.output());
      AssertionError e = assertThrows(AssertionError.class, () -> checked.process("abcdef"));
      assertTrue(e.getMessage().contains("does not round-trip abcdef"), e.getMessage());
    }
    try (OperatorHarness<String> unchecked = OperatorHarness.<String>of(plan, "Echo").checkSerialization(false)) {
      unchecked.process("abcdef");
      assertEquals(List.of("abcdef"), unchecked.output());
    }
  }

  @Test
  void userExceptionsAndNullEmissionsSurface() throws Exception {
    JobPlan plan = JobPlan.builder("throws")
        .source("s", "Words", "t.Words", 1, Sources.range("s", 1, new Lifecycle()), TestSerializers.STRING)
        .operator("o", "Grumpy", "t.Grumpy", 1, LambdaInvoker.of((i, in, r, out) -> {
          if (r.equals("null")) {
            out.emit(null);
          }
          throw new java.io.IOException("no " + r);
        }), TestSerializers.STRING, List.of("java.lang.String"), null)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> out.emit(r)), List.of("java.lang.String"), null)
        .edge("s", "o", 0, Partitioning.FORWARD)
        .edge("o", "k", 0, Partitioning.FORWARD)
        .build();
    try (OperatorHarness<String> grumpy = OperatorHarness.of(plan, "Grumpy")) {
      assertEquals("no x", assertThrows(java.io.IOException.class, () -> grumpy.process("x")).getMessage());
      OperatorException e = assertThrows(OperatorException.class, () -> grumpy.process("null"));
      assertTrue(e.getMessage().contains("Operator 'Grumpy'") && e.getMessage().contains("emitted null"), e.getMessage());
    }
    try (OperatorHarness<Void> sink = OperatorHarness.of(plan, "Sink")) {
      OperatorException e = assertThrows(OperatorException.class, () -> sink.process("x"));
      assertTrue(e.getMessage().contains("a sink cannot emit"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> OperatorHarness.of(plan, "Words"));
    assertThrows(IllegalArgumentException.class, () -> OperatorHarness.of(String.class));
  }
}
