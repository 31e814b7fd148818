package io.weir.runtime.local;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.runtime.fixtures.ResumableJob;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.fixtures.WordCount;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.state.ListState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.operator.Redistribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A keyed word count whose source keeps its read positions in operator state and holds back once
 * it has emitted a given number of lines until a test opens its gate, so a test can checkpoint or
 * take a savepoint at a known point and resume elsewhere:
 * Sentences (operator state) -> Tokenize -> Count (keyed, ValueState) -> Latest (highest count per word).
 *
 * <p>Parameters: {@code --partitions P} (default 6), {@code --per-partition N} lines each (line
 * {@code partition + k * P} of {@link WordCountJob#line}), {@code --pause-after M} lines per
 * subtask before waiting for the gate, {@code --run NAME} naming the gate and the result map.
 */
final class GatedWordCountJob {
  private GatedWordCountJob() {}

  static final Map<String, AtomicBoolean> GATES = new ConcurrentHashMap<>();
  static final Map<String, Map<String, Long>> LATEST = new ConcurrentHashMap<>();
  /** Lines emitted per run, over all subtasks. */
  static final Map<String, java.util.concurrent.atomic.AtomicLong> EMITTED = new ConcurrentHashMap<>();

  /** Lines per subtask a run may emit before it waits, raised by tests step by step (beyond --pause-after). */
  static final Map<String, java.util.concurrent.atomic.AtomicLong> LIMITS = new ConcurrentHashMap<>();

  static java.util.concurrent.atomic.AtomicLong limit(String run) {
    return LIMITS.computeIfAbsent(run, r -> new java.util.concurrent.atomic.AtomicLong());
  }

  static AtomicBoolean gate(String run) {
    return GATES.computeIfAbsent(run, r -> new AtomicBoolean());
  }

  static Map<String, Long> latest(String run) {
    return LATEST.computeIfAbsent(run, r -> new ConcurrentHashMap<>());
  }

  static java.util.concurrent.atomic.AtomicLong emitted(String run) {
    return EMITTED.computeIfAbsent(run, r -> new java.util.concurrent.atomic.AtomicLong());
  }

  /** The final counts of the whole input, computed with plain Java. */
  static Map<String, Long> oracle(int partitions, long perPartition) {
    Map<String, Long> counts = new HashMap<>();
    for (long i = 0; i < partitions * perPartition; i++) {
      for (String word : WordCountJob.line(i).split(" ")) {
        counts.merge(word, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The source, with its operator state bound the way the processor generates it. */
  static final class Sentences implements SourceReader<String>, OperatorStateBinding {
    private ListState<ResumableJob.Position> positions;
    /** Which instances ever opened (UNION): non-empty after any restore, even for an instance given no positions. */
    private ListState<Long> opened;
    private final List<ResumableJob.Position> owned = new ArrayList<>();
    private int partitions;
    private long perPartition;
    private long pauseAfter;
    private long emittedHere;
    private AtomicBoolean gate;
    private java.util.concurrent.atomic.AtomicLong limit;
    private java.util.concurrent.atomic.AtomicLong emitted;
    private int turn;

    @Override
    public void bindOperatorState(OperatorStateStore store) {
      positions = store.listState("positions", ResumableJob.POSITION, Redistribution.EVEN_SPLIT);
      opened = store.listState("opened", io.weir.state.serialization.LongSerializer.INSTANCE, Redistribution.UNION);
    }

    @Override
    public void open(SourceContext context) {
      partitions = context.parameters().getInt("partitions", 6);
      perPartition = context.parameters().getLong("per-partition", 2000);
      pauseAfter = context.parameters().getLong("pause-after", Long.MAX_VALUE);
      String run = context.parameters().get("run").orElseThrow();
      gate = gate(run);
      limit = limit(run);
      emitted = emitted(run);
      positions.get().forEach(owned::add);
      boolean restored = opened.get().iterator().hasNext();
      if (owned.isEmpty() && !restored) {
        for (int p = context.subtaskIndex(); p < partitions; p += context.parallelism()) {
          owned.add(new ResumableJob.Position(p, 0));
        }
      }
      positions.update(owned);
      opened.add((long) context.subtaskIndex());
    }

    @Override
    public Status poll(Emitter<String> out) {
      owned.removeIf(p -> p.next() >= perPartition);
      if (owned.isEmpty()) {
        positions.update(owned);
        return Status.END_OF_INPUT;
      }
      for (int i = 0; i < 16 && !owned.isEmpty(); i++) {
        if (emittedHere >= Math.max(pauseAfter, limit.get()) && !gate.get()) {
          positions.update(owned);
          return Status.NOTHING_AVAILABLE;
        }
        turn = turn % owned.size();
        ResumableJob.Position p = owned.get(turn);
        out.emit(WordCountJob.line(p.partition() + p.next() * partitions));
        owned.set(turn, new ResumableJob.Position(p.partition(), p.next() + 1));
        turn++;
        emittedHere++;
        emitted.incrementAndGet();
        owned.removeIf(q -> q.next() >= perPartition);
      }
      positions.update(owned);
      return Status.MORE;
    }
  }

  /** Keeps the highest count seen per word in the run's result map. */
  static final class LatestInvoker implements OperatorInvoker<Void> {
    private Map<String, Long> latest;

    @Override
    public void open(OperatorContext context, KeyedStateBackend state) {
      latest = latest(context.parameters().get("run").orElseThrow());
    }

    @Override
    public void process(int input, Object record, Emitter<Void> out) {
      WordCount count = (WordCount) record;
      latest.merge(count.word(), count.count(), Math::max);
    }

    @Override
    public void close() {}
  }

  /** Sentences -> UpperFiles (exactly-once files into {@code --output}), the sink chained to the source. */
  static JobPlan filesPlan(int parallelism) {
    return JobPlan.builder("gated-files").defaultParallelism(parallelism).maxParallelism(128)
        .source("sentences", "Sentences", Sentences.class.getName(), 0, Sentences::new, TestSerializers.STRING)
        .sink("files", "UpperFiles", io.weir.runtime.fixtures.FileSinkJob.UpperFiles.class.getName(), 0,
            io.weir.runtime.fixtures.FileSinkJob.UpperFiles_WeirInvoker::new, List.of("java.lang.String"), null)
        .edge("sentences", "files", 0, Partitioning.FORWARD)
        .build();
  }

  /** Every line of the input, in no particular order. */
  static List<String> allLines(int partitions, long perPartition) {
    List<String> lines = new ArrayList<>();
    for (long i = 0; i < partitions * perPartition; i++) {
      lines.add(WordCountJob.line(i));
    }
    return lines;
  }

  /**
   * Options running the job at {@code parallelism} with gate and results named {@code run},
   * {@code partitions} of {@code perPartition} lines, and the further parameters {@code more}.
   */
  static RunOptions.Builder options(String run, int partitions, long perPartition, int parallelism, String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "--run";
    args[1] = run;
    args[2] = "--partitions";
    args[3] = Integer.toString(partitions);
    args[4] = "--per-partition";
    args[5] = Long.toString(perPartition);
    System.arraycopy(more, 0, args, 6, more.length);
    return RunOptions.builder().parallelism(parallelism).parameters(args);
  }

  static JobPlan plan(int parallelism) {
    return plan(parallelism, TestSerializers.STRING);
  }

  /** The word count with {@code words} as the serializer of Tokenize's output, the keyed exchange's records. */
  static JobPlan plan(int parallelism, io.weir.state.serialization.TypeSerializer<String> words) {
    return JobPlan.builder("gated-wc").defaultParallelism(parallelism).maxParallelism(128)
        .source("sentences", "Sentences", Sentences.class.getName(), 0, Sentences::new, TestSerializers.STRING)
        .operator("tokenize", "Tokenize", WordCountJob.Tokenize.class.getName(), 0, WordCountJob.TokenizeInvoker::new,
            words, List.of("java.lang.String"), null)
        .operator("count", "Count", WordCountJob.Count.class.getName(), 0, WordCountJob.CountInvoker::new,
            TestSerializers.WORD_COUNT, List.of("java.lang.String"), new WordCountJob.WordKeys())
        .sink("latest", "Latest", LatestInvoker.class.getName(), 0, LatestInvoker::new,
            List.of(WordCount.class.getName()), null)
        .edge("sentences", "tokenize", 0, Partitioning.FORWARD)
        .edge("tokenize", "count", 0, Partitioning.HASH)
        .edge("count", "latest", 0, Partitioning.FORWARD)
        .build();
  }
}
