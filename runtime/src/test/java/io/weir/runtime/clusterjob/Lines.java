package io.weir.runtime.clusterjob;

import io.weir.api.Emitter;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.state.ListState;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.operator.Redistribution;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Line i of a deterministic text (see {@link Text}) for i below {@code --lines} (negative: without
 * end), in {@link #SPLITS} splits: split j holds the lines i with i % SPLITS == j. A fresh subtask
 * reads the splits j with j % parallelism == subtask; a restored one the positions it was handed
 * (operator state, split evenly, so any parallelism resumes every split exactly where the
 * checkpoint left it). {@code --throttle N} emits N lines per poll and then reports nothing
 * available, so the job runs for a while at a modest rate. Written the way the processor
 * generates a source with {@code @State} operator state: the class binds its own state.
 */
public final class Lines implements SourceReader<String>, OperatorStateBinding {
  /** Splits of the input: the highest parallelism at which every subtask reads something. */
  public static final int SPLITS = 8;

  /** Where split {@code split} is: the next line index to read. */
  public record Split(int split, long next) {}

  static final TypeSerializer<Split> SPLIT = new TypeSerializer<>() {
    @Override
    public void serialize(Split value, BinaryOutput out) {
      out.writeVarInt(value.split());
      out.writeLong(value.next());
    }

    @Override
    public Split deserialize(BinaryInput in) {
      return new Split(in.readVarInt(), in.readLong());
    }

    @Override
    public String formatId() {
      return "clusterjob-split";
    }
  };

  /** @State(name = "positions") ListState<Split>: even split. */
  private ListState<Split> positions;
  /** @State(name = "started", redistribution = UNION): non-empty once the job ever started, so restored. */
  private ListState<Long> started;
  private final List<Split> owned = new ArrayList<>();
  private long end;
  private int throttle;
  private int turn;

  @Override
  public void bindOperatorState(OperatorStateStore store) {
    positions = store.listState("positions", SPLIT, Redistribution.EVEN_SPLIT);
    started = store.listState("started", LongSerializer.INSTANCE, Redistribution.UNION);
  }

  @Override
  public void open(SourceContext context) {
    end = context.parameters().getLong("lines", 1000);
    throttle = context.parameters().getInt("throttle", 0);
    positions.get().forEach(owned::add);
    boolean restored = started.get().iterator().hasNext();
    if (!restored) {
      for (int j = context.subtaskIndex(); j < SPLITS; j += context.parallelism()) {
        owned.add(new Split(j, j));
      }
      positions.update(owned);
      started.update(List.of(1L));
    }
  }

  @Override
  public Status poll(Emitter<String> out) {
    int batch = throttle > 0 ? throttle : 256;
    for (int i = 0; i < batch; i++) {
      if (end >= 0) {
        owned.removeIf(s -> s.next() >= end);
      }
      if (owned.isEmpty()) {
        positions.update(owned);
        return Status.END_OF_INPUT;
      }
      turn = turn % owned.size();
      Split split = owned.get(turn);
      out.emit(Text.line(split.next()));
      owned.set(turn, new Split(split.split(), split.next() + SPLITS));
      turn++;
      positions.update(owned); // after every record: a barrier may follow any of them
    }
    return throttle > 0 ? Status.NOTHING_AVAILABLE : Status.MORE;
  }
}
