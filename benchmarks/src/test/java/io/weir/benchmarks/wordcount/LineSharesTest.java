package io.weir.benchmarks.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.JobParameters;
import io.weir.api.SourceContext;
import io.weir.state.ListState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sources' share of lines: fresh shares cover the range once, a restored share resumes exactly. */
class LineSharesTest {
  private static final long SEED = 42;

  @Test
  void freshSharesCoverEveryLineOnceAtAnyParallelism() {
    long total = 1001;
    List<String> expected = linesOf(0, total);
    for (int parallelism = 1; parallelism <= 4; parallelism++) {
      List<String> all = new ArrayList<>();
      for (int i = 0; i < parallelism; i++) {
        LineShares share = LineShares.open(context(i, parallelism), new Positions<>(), new Positions<>(), total);
        while (!share.exhausted()) {
          share.emit(all::add, 64);
        }
      }
      assertEquals(expected, all, "p=" + parallelism);
    }
  }

  @Test
  void aRestoredShareEmitsExactlyTheLinesItsStateHadLeft() {
    Positions<LineRange> positions = new Positions<>();
    Positions<Long> started = new Positions<>();
    LineShares first = LineShares.open(context(1, 2), positions, started, 1000); // lines [500, 1000)
    List<String> before = new ArrayList<>();
    assertEquals(100, first.emit(before::add, 100));

    // the state as a snapshot after that poll saw it, handed to a new instance at another parallelism
    Positions<LineRange> restoredPositions = new Positions<>(positions.values);
    Positions<Long> restoredStarted = new Positions<>(started.values);
    LineShares resumed = LineShares.open(context(0, 3), restoredPositions, restoredStarted, 1000);
    List<String> after = new ArrayList<>();
    while (!resumed.exhausted()) {
      resumed.emit(after::add, 64);
    }
    assertEquals(linesOf(500, 600), before);
    assertEquals(linesOf(600, 1000), after);
    assertEquals(400, resumed.lines());
    assertTrue(restoredPositions.values.isEmpty(), "an exhausted share leaves no ranges");
  }

  @Test
  void anInstanceHandedNoRangesOnRestoreStaysIdle() {
    LineShares idle = LineShares.open(context(2, 3), new Positions<>(), new Positions<>(List.of(1L)), 1000);
    assertTrue(idle.exhausted());
    assertEquals(0, idle.emit(line -> { throw new AssertionError("emitted " + line); }, 10));
  }

  @Test
  void hugeUnboundedRangesSplitWithoutOverflow() {
    long total = 1L << 40;
    Positions<LineRange> positions = new Positions<>();
    LineShares last = LineShares.open(context(2, 3), positions, new Positions<>(), total);
    assertFalse(last.exhausted());
    assertEquals(new LineRange(total * 2 / 3, total), positions.values.get(0));
  }

  private static List<String> linesOf(long from, long to) {
    List<String> lines = new ArrayList<>();
    for (long i = from; i < to; i++) {
      lines.add(ZipfLines.line(SEED, i));
    }
    return lines;
  }

  private static SourceContext context(int subtask, int parallelism) {
    return new SourceContext() {
      @Override public String jobName() { return "test"; }
      @Override public String operatorName() { return "lines"; }
      @Override public int subtaskIndex() { return subtask; }
      @Override public int parallelism() { return parallelism; }
      @Override public JobParameters parameters() { return JobParameters.of("--seed", Long.toString(SEED)); }
    };
  }

  /** Operator list state as the runtime keeps it between snapshots: a plain list. */
  private static final class Positions<T> implements ListState<T> {
    final List<T> values = new ArrayList<>();

    Positions() {}

    Positions(List<T> initial) {
      values.addAll(initial);
    }

    @Override public void add(T value) { values.add(value); }
    @Override public void addAll(List<T> more) { values.addAll(more); }
    @Override public Iterable<T> get() { return List.copyOf(values); }
    @Override public void update(List<T> replacement) { values.clear(); values.addAll(replacement); }
    @Override public void clear() { values.clear(); }
  }
}
