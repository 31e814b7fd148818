package io.weir.runtime.network.remote;

import static io.weir.runtime.network.remote.TwoTaskManagers.JOB;
import static io.weir.runtime.network.remote.TwoTaskManagers.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.CancelCheckpointMarker;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.InputFailedException;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.RecordWriter;
import io.weir.state.serialization.StringSerializer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A malformed barrier or cancel-marker frame from an authenticated peer closes that peer's
 * connection only: the gate it fed fails naming the peer, while tm-a keeps delivering to tm-b,
 * barriers included.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteBarrierFrameTest {
  private static final DataPlaneOptions OPTIONS = DataPlaneOptions.DEFAULT.withBuffers(2, 2, 1024);
  private static final CheckpointOptions UNALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, true, 0, "");

  private TwoTaskManagers tms;

  @BeforeEach
  void start() throws Exception {
    tms = new TwoTaskManagers(OPTIONS);
  }

  @AfterEach
  void stop() {
    tms.close();
  }

  private static byte[] valid() {
    return EventCodec.payload(new CheckpointBarrier(3, 100, CheckpointOptions.savepoint("/sp/ü"), 0));
  }

  private static byte[] with(byte[] payload, int offset, byte value) {
    payload[offset] = value;
    return payload;
  }

  static Stream<Arguments> malformed() {
    byte[] valid = valid();
    int tooLong = EventCodec.MAX_TARGET_LOCATION_BYTES + 1;
    byte[] overlong = ByteBuffer.allocate(EventCodec.BARRIER_FIXED_BYTES + tooLong)
        .put(valid, 0, EventCodec.BARRIER_FIXED_BYTES - 2).putShort((short) tooLong).put(new byte[tooLong]).array();
    return Stream.of(
        Arguments.of("truncated barrier", EventCodec.CHECKPOINT_BARRIER, Arrays.copyOf(valid, 20)),
        Arguments.of("barrier with a trailing byte", EventCodec.CHECKPOINT_BARRIER, Arrays.copyOf(valid, valid.length + 1)),
        Arguments.of("unknown checkpoint type", EventCodec.CHECKPOINT_BARRIER, with(valid(), 16, (byte) 9)),
        Arguments.of("unknown checkpointing mode", EventCodec.CHECKPOINT_BARRIER, with(valid(), 17, (byte) 2)),
        Arguments.of("non-boolean unaligned flag", EventCodec.CHECKPOINT_BARRIER, with(valid(), 18, (byte) 2)),
        Arguments.of("bad UTF-8 location", EventCodec.CHECKPOINT_BARRIER, with(valid(), valid.length - 1, (byte) 0xFF)),
        Arguments.of("over-long location", EventCodec.CHECKPOINT_BARRIER, overlong),
        Arguments.of("checkpoint id 0", EventCodec.CHECKPOINT_BARRIER, with(valid(), 7, (byte) 0)),
        Arguments.of("short cancel marker", EventCodec.CANCEL_CHECKPOINT, new byte[4]),
        Arguments.of("cancel marker for id 0", EventCodec.CANCEL_CHECKPOINT, new byte[8]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aMalformedEventFrameClosesOnlyItsConnection(String what, byte code, byte[] payload) throws Exception {
    try (DataPlane peer = DataPlane.start("tm-0", null, 0, SECRET, OPTIONS)) {
      InputGate gate = new InputGate(1);
      tms.b.registerGate(JOB, 9, "sink", 0, Set.of(0), gate);
      OutboundChannel channel = (OutboundChannel) peer.remoteTarget(tms.peerB(), new ChannelId(JOB, 9, "sink", 0, 0));
      while (channel.credit() == 0) {
        Thread.sleep(5); // announced and bound at tm-b: a well-formed event on this stream would be delivered
      }
      Channel socket = peer.connectionTo("tm-b").nettyChannel();
      socket.writeAndFlush(WireFormat.event(socket.alloc(), channel.stream, code, payload));

      InputFailedException failed = assertThrows(InputFailedException.class, gate::take);
      assertInstanceOf(RemoteChannelException.class, failed.getCause());
      assertTrue(failed.getMessage().contains("tm-0"), failed.getMessage());
      socket.closeFuture().await(10, TimeUnit.SECONDS);
      assertTrue(!socket.isActive(), "tm-b closed the connection to tm-0");
    }
    assertStillDeliversBarriers();
  }

  @Test
  void wellFormedBarriersAndMarkersPassOnTheSameConnections() throws Exception {
    assertStillDeliversBarriers();
    assertStillDeliversBarriers(); // a second attempt over the same connection
  }

  private int attempts;

  /** tm-a still gets records, an unaligned barrier and a cancel marker through to tm-b. */
  private void assertStillDeliversBarriers() {
    int attempt = ++attempts;
    InputGate gate = new InputGate(1);
    tms.b.registerGate(JOB, attempt, "sink", 0, Set.of(0), gate);
    RecordWriter writer = new ForwardRecordWriter(StringSerializer.INSTANCE, new BufferPool(16, 1024),
        tms.a.remoteTarget(tms.peerB(), new ChannelId(JOB, attempt, "sink", 0, 0)), 0, "sink");
    List<String> records = Producer.records("ok", 100);
    records.forEach(writer::emit);
    CheckpointBarrier barrier = new CheckpointBarrier(attempt, 0, UNALIGNED);
    writer.broadcastEvent(barrier);
    writer.broadcastEvent(new CancelCheckpointMarker(attempt));
    writer.broadcastEvent(EndOfInput.INSTANCE);
    GateLog log = new GateLog(1).readToEnd(gate);
    assertEquals(records, log.recordsOf(0));
    List<Object> events = log.channel(0).stream().filter(e -> !(e instanceof List)).toList();
    assertEquals(3, events.size(), events.toString());
    CheckpointBarrier arrived = (CheckpointBarrier) events.get(0);
    assertEquals(barrier.overtook(arrived.overtaken()), arrived);
    assertEquals(List.of(new CancelCheckpointMarker(attempt), EndOfInput.INSTANCE), events.subList(1, 3));
  }
}
