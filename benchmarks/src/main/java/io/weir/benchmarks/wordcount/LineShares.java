package io.weir.benchmarks.wordcount;

import io.weir.api.Emitter;
import io.weir.api.SourceContext;
import io.weir.state.ListState;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the line index range one source instance generates, kept in the source's operator
 * state. A fresh instance takes the contiguous share {@code [total*i/n, total*(i+1)/n)} (as the
 * anchor's sequence source splits), so the words are the same at every parallelism; a restored
 * instance takes the ranges its checkpoint handed it. The state is updated before each
 * {@link #emit} returns, so a snapshot between two polls sees exactly what was emitted.
 *
 * <p>Sources hold the state fields themselves (generated code binds fields of the annotated class)
 * and pass them in: {@code positions} redistributed by even split, {@code started} by union, which
 * is non-empty once the job ever ran, so an instance handed no ranges on restore stays idle instead
 * of generating its fresh share a second time.
 */
public final class LineShares {
  private final ListState<LineRange> positions;
  private final List<LineRange> ranges = new ArrayList<>();
  private final long seed;
  private final long lines;
  private long next;
  private long end;

  private LineShares(ListState<LineRange> positions, long seed) {
    this.positions = positions;
    this.seed = seed;
    for (LineRange r : positions.get()) {
      if (r.next() < r.end()) {
        ranges.add(r);
      }
    }
    long total = 0;
    for (LineRange r : ranges) {
      total += r.end() - r.next();
    }
    this.lines = total;
    advance();
  }

  /**
   * This instance's share of lines {@code [0, totalLines)} with {@code --seed} from the job's
   * parameters: the restored ranges if the job ran before, else the fresh contiguous share.
   */
  public static LineShares open(SourceContext context, ListState<LineRange> positions, ListState<Long> started,
      long totalLines) {
    boolean restored = started.get().iterator().hasNext();
    if (!restored) {
      int share = context.subtaskIndex();
      int shares = context.parallelism();
      long from = splitPoint(totalLines, share, shares);
      long to = splitPoint(totalLines, share + 1, shares);
      positions.update(List.of(new LineRange(from, to)));
      started.update(List.of(1L));
    }
    return new LineShares(positions, context.parameters().getLong("seed", ZipfLines.DEFAULT_SEED));
  }

  /** Exactly {@code total * share / shares}, without overflow for any total (unbounded sources use a huge one). */
  private static long splitPoint(long total, int share, int shares) {
    return total / shares * share + total % shares * share / shares;
  }

  /** Lines this instance had to generate when it opened. */
  public long lines() {
    return lines;
  }

  /** Whether every line of this share has been emitted. */
  public boolean exhausted() {
    return next >= end && ranges.isEmpty();
  }

  /** Emits up to {@code max} lines and records the position in the state; returns how many. */
  public int emit(Emitter<String> out, int max) {
    int emitted = 0;
    while (emitted < max && !exhausted()) {
      long stop = Math.min(end, next + (max - emitted));
      for (long i = next; i < stop; i++) {
        out.emit(ZipfLines.line(seed, i));
      }
      emitted += (int) (stop - next);
      next = stop;
      if (next >= end) {
        advance();
      }
    }
    save();
    return emitted;
  }

  /** Moves to the next non-empty range, if any. */
  private void advance() {
    if (!ranges.isEmpty()) {
      LineRange r = ranges.remove(0);
      next = r.next();
      end = r.end();
    } else {
      next = end;
    }
  }

  private void save() {
    if (exhausted()) {
      positions.clear();
    } else if (ranges.isEmpty()) {
      positions.update(List.of(new LineRange(next, end)));
    } else {
      List<LineRange> all = new ArrayList<>(ranges.size() + 1);
      all.add(new LineRange(next, end));
      all.addAll(ranges);
      positions.update(all);
    }
  }
}
