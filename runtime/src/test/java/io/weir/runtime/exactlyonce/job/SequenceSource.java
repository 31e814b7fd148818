package io.weir.runtime.exactlyonce.job;

import io.weir.api.Emitter;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.state.ListState;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A replayable source: keys {@code k0 .. k<keys-1>} (parameter {@code --keys}, default 200), each
 * the values 1 .. {@code --per-key} (default 300), emitted round-robin over the keys this instance
 * owns. Its read positions live in operator state, so a restored instance resumes exactly where its
 * checkpoint says; a fresh one takes the keys i with i % parallelism == subtask.
 *
 * <p>Pacing: {@code --rate N} emits at most N records per second per instance (0: as fast as it
 * can). {@code --stall-subtask S --stall-every P --stall-ms M} makes instance S sleep M ms every P
 * polls, which delays its checkpoint barriers behind the other instances' records: the skew that
 * makes at-least-once checkpoints count records twice after a failure.
 */
public final class SequenceSource implements SourceReader<Event> {
  /** Where key {@code k<keyIndex>} is: the next value to emit. */
  public record Position(int keyIndex, long next) {}

  /** Serializer of {@link Position}, as the processor would generate it. */
  public static final class PositionSerializer implements TypeSerializer<Position> {
    public static final PositionSerializer INSTANCE = new PositionSerializer();

    @Override
    public void serialize(Position value, BinaryOutput out) {
      out.writeVarInt(value.keyIndex());
      out.writeLong(value.next());
    }

    @Override
    public Position deserialize(BinaryInput in) {
      return new Position(in.readVarInt(), in.readLong());
    }
  }

  private static final int BATCH = 64;

  /** @State(name = "positions") ListState<Position>, split evenly on rescaling. */
  ListState<Position> positions;
  /** @State(name = "opened", redistribution = UNION): non-empty once any instance ever opened (fresh vs restored). */
  ListState<Long> opened;

  private final List<Position> owned = new ArrayList<>();
  private long perKey;
  private long rate;
  private long startNanos;
  private long emittedSinceOpen;
  private int turn;
  private boolean stalls;
  private int stallEvery;
  private long stallMillis;
  private long polls;

  @Override
  public void open(SourceContext context) {
    int keys = context.parameters().getInt("keys", 200);
    perKey = context.parameters().getLong("per-key", 300);
    rate = context.parameters().getLong("rate", 0);
    stalls = context.parameters().getInt("stall-subtask", -1) == context.subtaskIndex();
    stallEvery = context.parameters().getInt("stall-every", 0);
    stallMillis = context.parameters().getLong("stall-ms", 0);
    positions.get().forEach(owned::add);
    if (owned.isEmpty() && !opened.get().iterator().hasNext()) {
      for (int k = context.subtaskIndex(); k < keys; k += context.parallelism()) {
        owned.add(new Position(k, 1));
      }
      positions.update(owned);
    }
    opened.add((long) context.subtaskIndex());
    startNanos = System.nanoTime();
  }

  @Override
  public Status poll(Emitter<Event> out) throws InterruptedException {
    polls++;
    if (stalls && stallEvery > 0 && polls % stallEvery == 0) {
      Thread.sleep(stallMillis);
    }
    owned.removeIf(p -> p.next() > perKey);
    if (owned.isEmpty()) {
      positions.update(owned);
      return Status.END_OF_INPUT;
    }
    long allowed = BATCH;
    if (rate > 0) {
      long due = rate * (System.nanoTime() - startNanos) / TimeUnit.SECONDS.toNanos(1);
      allowed = Math.min(BATCH, due - emittedSinceOpen);
    }
    int emitted = 0;
    for (; emitted < allowed && !owned.isEmpty(); emitted++) {
      turn %= owned.size();
      Position p = owned.get(turn);
      out.emit(new Event("k" + p.keyIndex(), p.next()));
      if (p.next() == perKey) {
        owned.remove(turn); // exhausted: the next key takes its turn
      } else {
        owned.set(turn++, new Position(p.keyIndex(), p.next() + 1));
      }
    }
    emittedSinceOpen += emitted;
    positions.update(owned); // a snapshot between two polls sees exactly what was emitted
    if (owned.isEmpty()) {
      return Status.END_OF_INPUT;
    }
    return emitted == 0 ? Status.NOTHING_AVAILABLE : Status.MORE;
  }
}
