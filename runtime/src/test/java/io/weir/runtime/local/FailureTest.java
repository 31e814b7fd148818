package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.Emitter;
import io.weir.api.SourceReader;
import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.Tagged;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.task.OperatorException;
import io.weir.state.KeyGroups;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failure anywhere fails the job fast, names the operator and subtask, keeps the cause, closes what was opened. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FailureTest {
  private static final List<String> TAGGED = List.of(Tagged.class.getName());
  private static final List<String> STRING = List.of("java.lang.String");

  @Test
  void userExceptionNamesOperatorSubtaskAndKeepsTheCause() {
    String poison = WordCountJob.line(7).split(" ")[0];
    IllegalStateException boom = new IllegalStateException("cannot count " + poison);
    Lifecycle counts = new Lifecycle();
    Lifecycle sinks = new Lifecycle();
    JobPlan plan = JobPlan.builder("wc-fails").defaultParallelism(4)
        .source("lines", "Lines", "t.Lines", 0, WordCountJob.Lines::new, TestSerializers.STRING)
        .operator("tokenize", "Tokenize", "t.Tokenize", 0, WordCountJob.TokenizeInvoker::new, TestSerializers.STRING, STRING, null)
        .operator("count", "Count", "t.Count", 0, LambdaInvoker.of((instance, input, record, out) -> {
          if (record.equals(poison)) {
            throw boom;
          }
          out.emit(record);
        }, counts), TestSerializers.STRING, STRING, new WordCountJob.WordKeys())
        .sink("sink", "Sink", "t.Sink", 0, LambdaInvoker.of((i, in, r, out) -> {}, sinks), STRING, null)
        .edge("lines", "tokenize", 0, Partitioning.FORWARD)
        .edge("tokenize", "count", 0, Partitioning.HASH)
        .edge("count", "sink", 0, Partitioning.FORWARD)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.builder().parameters("--lines", "100000").build());

    assertEquals(JobStatus.FAILED, result.status());
    OperatorException failure = assertInstanceOf(OperatorException.class, result.failure());
    int subtask = KeyGroups.subtaskFor(KeyGroups.keyGroupFor(poison.hashCode(), 128), 128, 4);
    assertEquals("Count", failure.operatorName());
    assertEquals(subtask, failure.subtaskIndex());
    assertTrue(failure.getMessage().contains("Operator 'Count' failed in subtask " + (subtask + 1) + " of 4"), failure.getMessage());
    assertTrue(failure.getMessage().contains("cannot count " + poison), failure.getMessage());
    assertSame(boom, failure.getCause());
    assertEquals(4, counts.opened.get());
    assertEquals(4, counts.closed.get(), "every opened instance is closed, the failed one and the cancelled ones");
    assertEquals(sinks.opened.get(), sinks.closed.get());
    JobFailedException thrown = assertThrows(JobFailedException.class, result::orThrow);
    assertSame(failure, thrown.getCause());
  }

  @Test
  void failureBehindAnUnboundedSourceCancelsItWithoutHanging() {
    Lifecycle sources = new Lifecycle();
    JobPlan plan = JobPlan.builder("endless-fails")
        .source("s", "Endless", "t.Endless", 1, Sources.unbounded(sources), TestSerializers.LONG)
        .sink("k", "Picky", "t.Picky", 2, LambdaInvoker.of((instance, input, record, out) -> {
          if ((Long) record == 100_000) {
            throw new java.io.IOException("disk full");
          }
        }), List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults());

    assertEquals(JobStatus.FAILED, result.status());
    assertTrue(result.failure().getMessage().startsWith("Operator 'Picky' failed in subtask 1 of 2"), result.failure().getMessage());
    assertInstanceOf(java.io.IOException.class, result.failure().getCause());
    assertEquals(1, sources.opened.get());
    assertEquals(1, sources.closed.get(), "the cancelled source was closed");
  }

  @Test
  void sourceFailureNamesTheSource() {
    JobPlan plan = JobPlan.builder("source-fails")
        .source("s", "Broken", "t.Broken", 2, () -> new SourceReader<Long>() {
          @Override
          public Status poll(Emitter<Long> out) {
            throw new UnsupportedOperationException("no input today");
          }
        }, TestSerializers.LONG)
        .sink("k", "Sink", "t.Sink", 2, LambdaInvoker.of((i, in, r, out) -> {}), List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.FORWARD)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults());

    OperatorException failure = assertInstanceOf(OperatorException.class, result.failure());
    assertEquals("Broken", failure.operatorName());
    assertInstanceOf(UnsupportedOperationException.class, failure.getCause());
  }

  @Test
  void openFailureNamesTheOperatorAndClosesTheOthers() {
    Lifecycle sinks = new Lifecycle();
    JobPlan plan = JobPlan.builder("open-fails")
        .source("s", "Numbers", "t.Numbers", 1, Sources.range("s", 10, new Lifecycle()), TestSerializers.TAGGED)
        .operator("o", "Fussy", "t.Fussy", 1, () -> new LambdaInvoker((i, in, r, out) -> {}, new Lifecycle()) {
          @Override
          public void open(io.weir.api.OperatorContext context, io.weir.state.backend.KeyedStateBackend state) {
            throw new IllegalArgumentException("--threshold is required");
          }
        }, TestSerializers.TAGGED, TAGGED, null)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}, sinks), TAGGED, null)
        .edge("s", "o", 0, Partitioning.FORWARD)
        .edge("o", "k", 0, Partitioning.FORWARD)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults());

    assertTrue(result.failure().getMessage().contains("Operator 'Fussy' failed in subtask 1 of 1 (index 0): open failed"),
        result.failure().getMessage());
    assertEquals("--threshold is required", result.failure().getCause().getMessage());
    assertEquals(1, sinks.opened.get(), "downstream operators open first");
    assertEquals(1, sinks.closed.get());
  }

  @Test
  void emittingNullFailsWithAMessageNamingTheOperator() {
    JobPlan plan = JobPlan.builder("null")
        .source("s", "Numbers", "t.Numbers", 1, Sources.range("s", 10, new Lifecycle()), TestSerializers.TAGGED)
        .operator("o", "Sloppy", "t.Sloppy", 1, LambdaInvoker.of((i, in, r, out) -> out.emit(null)), TestSerializers.TAGGED, TAGGED, null)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), TAGGED, null)
        .edge("s", "o", 0, Partitioning.FORWARD)
        .edge("o", "k", 0, Partitioning.FORWARD)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults());

    assertEquals(JobStatus.FAILED, result.status());
    assertTrue(result.failure().getMessage().contains("Operator 'Sloppy'") && result.failure().getMessage().contains("emitted null"),
        result.failure().getMessage());
  }

  @Test
  void serializerFailureNamesTheProducingOperatorAndKeepsTheSerializersException() {
    TypeSerializer<Tagged> picky = new TypeSerializer<>() {
      @Override
      public void serialize(Tagged value, BinaryOutput out) {
        if (value.value() == 3) {
          throw new ArithmeticException("3 is unserializable");
        }
        TestSerializers.TAGGED.serialize(value, out);
      }

      @Override
      public Tagged deserialize(BinaryInput in) {
        return TestSerializers.TAGGED.deserialize(in);
      }
    };
    JobPlan plan = JobPlan.builder("serializer-fails")
        .source("s", "Numbers", "t.Numbers", 1, Sources.range("s", 10, new Lifecycle()), picky)
        .sink("k", "Sink", "t.Sink", 2, LambdaInvoker.of((i, in, r, out) -> {}), TAGGED, null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults());

    OperatorException failure = assertInstanceOf(OperatorException.class, result.failure());
    assertEquals("Numbers", failure.operatorName());
    assertTrue(failure.getMessage().contains("could not serialize a record for 'Sink'"), failure.getMessage());
    assertInstanceOf(ArithmeticException.class, failure.getCause());
  }

  @Test
  void asymmetricSerializerIsCaughtByTheReadingOperator() {
    TypeSerializer<Long> writesMore = new TypeSerializer<>() {
      @Override
      public void serialize(Long value, BinaryOutput out) {
        out.writeLong(value);
        out.writeByte(0);
      }

      @Override
      public Long deserialize(BinaryInput in) {
        return in.readLong();
      }

      @Override
      public String formatId() {
        return "sloppy-long";
      }
    };
    JobPlan plan = JobPlan.builder("asymmetric")
        .source("s", "Numbers", "t.Numbers", 1, Sources.unbounded(new Lifecycle()), writesMore)
        .sink("k", "Reader", "t.Reader", 2, LambdaInvoker.of((i, in, r, out) -> {}), List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults());

    OperatorException failure = assertInstanceOf(OperatorException.class, result.failure());
    assertEquals("Reader", failure.operatorName());
    assertTrue(failure.getMessage().contains("from 'Numbers' with sloppy-long"), failure.getMessage());
  }

  @Test
  void closeFailureAfterANormalRunFailsTheJob() {
    JobPlan plan = JobPlan.builder("close-fails")
        .source("s", "Numbers", "t.Numbers", 1, Sources.range("s", 10, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Leaky", "t.Leaky", 1, () -> new LambdaInvoker((i, in, r, out) -> {}, new Lifecycle()) {
          @Override
          public void close() {
            throw new IllegalStateException("could not flush");
          }
        }, TAGGED, null)
        .edge("s", "k", 0, Partitioning.FORWARD)
        .build();

    JobResult result = new LocalCluster().run(plan, RunOptions.defaults());

    assertEquals(JobStatus.FAILED, result.status());
    assertTrue(result.failure().getMessage().contains("Operator 'Leaky' failed in subtask 1 of 1 (index 0): close failed"),
        result.failure().getMessage());
    assertEquals(10, result.vertex("Leaky").recordsIn(), "the records were all processed before close");
  }

  @Test
  void successHasNoFailure() {
    JobResult result = new LocalCluster().run(JobPlan.builder("ok")
        .source("s", "Numbers", "t.Numbers", 1, Sources.range("s", 10, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), TAGGED, null)
        .edge("s", "k", 0, Partitioning.FORWARD).build());
    assertEquals(JobStatus.FINISHED, result.status());
    assertNull(result.failure());
  }
}
