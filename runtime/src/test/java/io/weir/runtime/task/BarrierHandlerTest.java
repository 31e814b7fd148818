package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.network.CancelCheckpointMarker;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.network.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The barrier handler alone, fed buffers of fake channels the way the gate hands them over: what
 * the task processes, in which order, when it snapshots, and what it records as in-flight data.
 */
class BarrierHandlerTest {
  static final CheckpointOptions ALIGNED = options(CheckpointingMode.EXACTLY_ONCE, false, 0);
  static final CheckpointOptions AT_LEAST_ONCE = options(CheckpointingMode.AT_LEAST_ONCE, false, 0);
  static final CheckpointOptions UNALIGNED = options(CheckpointingMode.EXACTLY_ONCE, true, 0);

  static CheckpointOptions options(CheckpointingMode mode, boolean unaligned, long timeoutMillis) {
    return new CheckpointOptions(CheckpointType.CHECKPOINT, mode, unaligned, timeoutMillis, "");
  }

  /** What the handler asked of its task, in order, as readable strings. */
  static final class Recorder implements BarrierHandler.Actions {
    final List<String> calls = new ArrayList<>();
    final List<CheckpointBarrier> forwarded = new ArrayList<>();
    final List<CompletableFuture<List<InFlightBuffer>>> inFlight = new ArrayList<>();

    @Override
    public void snapshot(CheckpointBarrier barrier, long alignmentNanos,
        CompletableFuture<List<InFlightBuffer>> recorded) {
      calls.add("snapshot " + barrier.checkpointId() + (recorded == null ? " aligned" : " unaligned"));
      forwarded.add(barrier);
      if (recorded != null) {
        inFlight.add(recorded);
      }
    }

    @Override
    public void giveUp(long checkpointId, String reason) {
      calls.add("give up " + checkpointId + (reason == null ? "" : " declined"));
    }
  }

  final Recorder actions = new Recorder();
  long now;
  final BarrierHandler handler = new BarrierHandler(3, actions, () -> now);
  /** Payload (first byte) of every data buffer the task processed, in order. */
  final List<Integer> processed = new ArrayList<>();

  static NetworkBuffer data(int channel, int payload) {
    NetworkBuffer b = new NetworkBuffer(buffer -> {}, 8);
    b.prepareReceive(channel, 1, 1)[0] = (byte) payload;
    return b;
  }

  static NetworkBuffer barrier(int channel, long id, CheckpointOptions options, int overtaken) {
    return NetworkBuffer.event(new CheckpointBarrier(id, 0, options, overtaken), channel);
  }

  /** Feeds {@code buffer} and then everything released, as the task loop does; records processed data. */
  void feed(NetworkBuffer buffer) {
    NetworkBuffer next = buffer;
    while (next != null) {
      NetworkBuffer accepted = handler.accept(next);
      if (accepted != null && !accepted.isEvent()) {
        processed.add((int) accepted.data()[0]);
      }
      next = handler.nextReleased();
    }
  }

  @Test
  void alignedBlocksChannelsAfterTheirBarrierAndProcessesHeldBuffersAfterTheSnapshot() {
    feed(data(0, 1));
    feed(barrier(0, 1, ALIGNED, 0));
    feed(data(0, 2)); // after the cut: held
    feed(data(1, 3));
    feed(barrier(1, 1, ALIGNED, 0));
    feed(data(1, 4));
    feed(data(2, 5));
    assertEquals(List.of(1, 3, 5), processed);
    assertTrue(actions.calls.isEmpty());
    feed(barrier(2, 1, ALIGNED, 0));
    assertEquals(List.of("snapshot 1 aligned"), actions.calls);
    assertEquals(List.of(1, 3, 5, 2, 4), processed); // held buffers right after the snapshot, channel order kept
    assertFalse(actions.forwarded.get(0).isPriority());
    assertTrue(handler.isIdle());
  }

  @Test
  void heldEventsKeepTheirPlaceInTheirChannel() {
    feed(barrier(0, 1, ALIGNED, 0));
    NetworkBuffer watermark = NetworkBuffer.event(new Watermark(7), 0);
    assertNull(handler.accept(watermark)); // held like data
    feed(barrier(1, 1, ALIGNED, 0));
    assertNull(handler.nextReleased());
    handler.accept(barrier(2, 1, ALIGNED, 0));
    assertSame(watermark, handler.nextReleased());
  }

  @Test
  void atLeastOnceNeverBlocksAndSnapshotsAtTheLastBarrier() {
    feed(barrier(0, 1, AT_LEAST_ONCE, 0));
    feed(data(0, 1));
    feed(barrier(1, 1, AT_LEAST_ONCE, 0));
    feed(data(1, 2));
    assertEquals(List.of(1, 2), processed);
    assertTrue(actions.calls.isEmpty());
    feed(barrier(2, 1, AT_LEAST_ONCE, 0));
    assertEquals(List.of("snapshot 1 aligned"), actions.calls);
  }

  @Test
  void unalignedSnapshotsAtTheFirstBarrierAndRecordsDataBeforeEachChannelsCut() {
    feed(barrier(0, 1, UNALIGNED, 2)); // overtook two buffers of channel 0
    assertEquals(List.of("snapshot 1 unaligned"), actions.calls);
    assertTrue(actions.forwarded.get(0).isPriority());
    assertEquals(0, actions.forwarded.get(0).overtaken()); // a new hop starts from nothing overtaken
    feed(data(1, 10)); // channel 1 before its barrier: recorded
    feed(data(0, 1)); // the two overtaken ones of channel 0: recorded
    feed(data(0, 2));
    feed(data(0, 3)); // after channel 0's cut
    feed(barrier(1, 1, UNALIGNED, 1));
    feed(data(2, 20)); // channel 2 has no barrier yet
    feed(data(1, 11)); // overtaken by channel 1's barrier
    feed(data(1, 12));
    CompletableFuture<List<InFlightBuffer>> recorded = actions.inFlight.get(0);
    assertFalse(recorded.isDone());
    feed(barrier(2, 1, UNALIGNED, 0));
    assertEquals(List.of(10, 1, 2, 3, 20, 11, 12), processed); // everything processed, nothing held
    assertEquals(List.of("1:10", "0:1", "0:2", "2:20", "1:11"), describe(recorded.join()));
    assertEquals(List.of("snapshot 1 unaligned"), actions.calls);
  }

  @Test
  void alignmentTimeoutSwitchesToUnalignedRecordingOnlyChannelsWithoutBarrier() {
    CheckpointOptions withTimeout = options(CheckpointingMode.EXACTLY_ONCE, false, 5);
    feed(barrier(0, 1, withTimeout, 0));
    feed(data(0, 1)); // after the cut: held
    feed(data(1, 2)); // before the cut
    assertEquals(5_000_000L, handler.alignmentDeadlineNanos());
    now = 4_999_999;
    handler.checkAlignmentTimeout();
    assertTrue(actions.calls.isEmpty());
    now = 5_000_000;
    handler.checkAlignmentTimeout();
    assertEquals(List.of("snapshot 1 unaligned"), actions.calls);
    assertTrue(actions.forwarded.get(0).isPriority()); // downstream does not align either
    feed(handler.nextReleased()); // the held buffer: processed, not recorded
    feed(data(1, 3)); // channel 1, still before its cut: recorded
    feed(data(2, 4));
    feed(barrier(1, 1, withTimeout, 0));
    feed(data(1, 5));
    feed(barrier(2, 1, withTimeout, 0));
    assertEquals(List.of(2, 1, 3, 4, 5), processed);
    assertEquals(List.of("1:3", "2:4"), describe(actions.inFlight.get(0).join()));
    assertEquals(Long.MAX_VALUE, handler.alignmentDeadlineNanos());
  }

  @Test
  void aPriorityBarrierDuringAlignmentSwitchesToUnaligned() {
    feed(barrier(0, 1, ALIGNED, 0));
    feed(data(0, 1));
    feed(barrier(1, 1, UNALIGNED, 1)); // its upstream switched already
    assertEquals(List.of("snapshot 1 unaligned"), actions.calls);
    feed(data(1, 2)); // overtaken: recorded
    feed(data(2, 3));
    feed(barrier(2, 1, ALIGNED, 0));
    assertEquals(List.of(1, 2, 3), processed);
    assertEquals(List.of("1:2", "2:3"), describe(actions.inFlight.get(0).join()));
  }

  @Test
  void aCancelMarkerUnblocksDropsAndIsForwardedOnce() {
    feed(barrier(0, 1, ALIGNED, 0));
    feed(data(0, 1));
    feed(NetworkBuffer.event(new CancelCheckpointMarker(1), 1));
    assertEquals(List.of(1), processed); // unblocked
    assertEquals(List.of("give up 1"), actions.calls); // forwarded, not declined: upstream declined it
    feed(barrier(2, 1, ALIGNED, 0)); // a late barrier of the cancelled checkpoint starts nothing
    feed(NetworkBuffer.event(new CancelCheckpointMarker(1), 2));
    assertEquals(List.of("give up 1"), actions.calls);
    assertTrue(handler.isIdle());
  }

  @Test
  void aNewerBarrierGivesUpTheOlderCheckpoint() {
    feed(barrier(0, 1, ALIGNED, 0));
    feed(data(0, 1));
    feed(barrier(1, 2, ALIGNED, 0));
    assertEquals(List.of("give up 1 declined"), actions.calls);
    assertEquals(List.of(1), processed); // channel 0's held buffer was released
    feed(barrier(0, 2, ALIGNED, 0));
    feed(barrier(2, 1, ALIGNED, 0)); // stale
    feed(barrier(2, 2, ALIGNED, 0));
    assertEquals(List.of("give up 1 declined", "snapshot 2 aligned"), actions.calls);
  }

  @Test
  void aNewerBarrierAbortsTheRecordingOfAnUnalignedOne() {
    feed(barrier(0, 1, UNALIGNED, 0));
    feed(barrier(1, 2, UNALIGNED, 0));
    assertTrue(actions.inFlight.get(0).isCompletedExceptionally());
    assertEquals(List.of("snapshot 1 unaligned", "give up 1", "snapshot 2 unaligned"), actions.calls);
  }

  @Test
  void endedChannelsCountAsAligned() {
    feed(NetworkBuffer.event(EndOfInput.INSTANCE, 2));
    feed(barrier(0, 1, ALIGNED, 0));
    assertTrue(actions.calls.isEmpty());
    feed(barrier(1, 1, ALIGNED, 0));
    assertEquals(List.of("snapshot 1 aligned"), actions.calls);
    feed(barrier(0, 2, ALIGNED, 0));
    feed(NetworkBuffer.event(EndOfInput.INSTANCE, 1)); // ends while checkpoint 2 waits for it
    assertEquals(List.of("snapshot 1 aligned", "snapshot 2 aligned"), actions.calls);
  }

  @Test
  void anUnalignedRecordingEndsWithTheChannelsThatEnd() {
    feed(barrier(0, 1, UNALIGNED, 0));
    feed(data(1, 1));
    feed(NetworkBuffer.event(EndOfInput.INSTANCE, 1));
    feed(NetworkBuffer.event(EndOfInput.INSTANCE, 2));
    assertEquals(List.of("1:1"), describe(actions.inFlight.get(0).join()));
  }

  private static List<String> describe(List<InFlightBuffer> buffers) {
    return buffers.stream().map(b -> b.channel() + ":" + b.data()[0]).toList();
  }
}
