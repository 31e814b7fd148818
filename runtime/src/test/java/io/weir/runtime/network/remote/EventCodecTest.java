package io.weir.runtime.network.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.network.CancelCheckpointMarker;
import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.rpc.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The wire form of checkpoint barriers and cancel markers, and the strict checks on decoding them. */
@Timeout(10)
class EventCodecTest {
  private static final CheckpointOptions ALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, false, 0, "");

  private static ChannelEvent roundTrip(ChannelEvent event) {
    return EventCodec.decode(EventCodec.code(event), EventCodec.payload(event));
  }

  /** A well-formed barrier payload to corrupt: checkpoint 7, savepoint into "/sp/ü". */
  private static byte[] validBarrier() {
    return EventCodec.payload(new CheckpointBarrier(7, 1_700_000_000_000L, CheckpointOptions.savepoint("/sp/ü"), 3));
  }

  private static ProtocolException rejectsBarrier(byte[] payload) {
    return assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.CHECKPOINT_BARRIER, payload));
  }

  @Test
  void barriersOfEveryKindRoundTripWithAllTheirFields() {
    List<CheckpointBarrier> barriers = List.of(
        new CheckpointBarrier(1, 0, ALIGNED),
        new CheckpointBarrier(Long.MAX_VALUE, Long.MIN_VALUE,
            new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, true, 0, ""), Integer.MAX_VALUE),
        new CheckpointBarrier(42, 1_700_000_000_123L,
            new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, false, 30_000, ""), 0),
        new CheckpointBarrier(3, -1,
            new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.AT_LEAST_ONCE, false, Long.MAX_VALUE, ""), 5),
        new CheckpointBarrier(9, 12, CheckpointOptions.savepoint("/data/savepoints/jöb-ñ/日本"), 0),
        new CheckpointBarrier(10, 12, CheckpointOptions.savepoint("x".repeat(EventCodec.MAX_TARGET_LOCATION_BYTES)), 0));
    for (CheckpointBarrier barrier : barriers) {
      assertEquals(EventCodec.CHECKPOINT_BARRIER, EventCodec.code(barrier));
      assertEquals(barrier, roundTrip(barrier));
    }
  }

  @Test
  void theBarrierLayoutIsFixedBytesNotOrdinals() {
    byte[] payload = EventCodec.payload(new CheckpointBarrier(0x0102030405060708L, 0x1112131415161718L,
        new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.AT_LEAST_ONCE, false, 0x2122232425262728L, "ab"), 0x31323334));
    ByteBuffer expected = ByteBuffer.allocate(EventCodec.BARRIER_FIXED_BYTES + 2)
        .putLong(0x0102030405060708L).putLong(0x1112131415161718L)
        .put((byte) 0).put((byte) 1).put((byte) 0)
        .putLong(0x2122232425262728L).putInt(0x31323334).putShort((short) 2).put((byte) 'a').put((byte) 'b');
    assertEquals(Arrays.toString(expected.array()), Arrays.toString(payload));
  }

  @Test
  void cancelMarkersRoundTripAsEightBytes() {
    for (long id : new long[] {1, 2, 1L << 40, Long.MAX_VALUE}) {
      CancelCheckpointMarker marker = new CancelCheckpointMarker(id);
      assertEquals(EventCodec.CANCEL_CHECKPOINT, EventCodec.code(marker));
      assertEquals(8, EventCodec.payload(marker).length);
      assertEquals(marker, roundTrip(marker));
    }
  }

  @Test
  void malformedCancelMarkersAreProtocolErrors() {
    assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.CANCEL_CHECKPOINT, new byte[7]));
    assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.CANCEL_CHECKPOINT, new byte[9]));
    assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.CANCEL_CHECKPOINT, new byte[0]));
    // ids start at 1: zero and negative ids are not checkpoints
    assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.CANCEL_CHECKPOINT, new byte[8]));
    assertThrows(ProtocolException.class,
        () -> EventCodec.decode(EventCodec.CANCEL_CHECKPOINT, ByteBuffer.allocate(8).putLong(-4).array()));
    assertThrows(IllegalArgumentException.class, () -> EventCodec.payload(new CancelCheckpointMarker(0)));
  }

  @Test
  void barriersOfTheWrongLengthAreProtocolErrors() {
    byte[] valid = validBarrier();
    rejectsBarrier(new byte[0]);
    rejectsBarrier(Arrays.copyOf(valid, EventCodec.BARRIER_FIXED_BYTES - 1)); // not even the fixed part
    rejectsBarrier(Arrays.copyOf(valid, valid.length - 1)); // location shorter than its length says
    rejectsBarrier(Arrays.copyOf(valid, valid.length + 1)); // a trailing byte
  }

  @Test
  void unknownEnumBytesAreProtocolErrors() {
    for (int offset : new int[] {16, 17, 18}) { // type, mode, unaligned
      for (byte bad : new byte[] {2, -1, 127}) {
        byte[] payload = validBarrier();
        payload[offset] = bad;
        ProtocolException e = rejectsBarrier(payload);
        assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
      }
    }
  }

  @Test
  void valuesTheBarrierRefusesAreProtocolErrors() {
    byte[] zeroId = validBarrier();
    ByteBuffer.wrap(zeroId).putLong(0, 0);
    rejectsBarrier(zeroId);
    byte[] negativeOvertaken = validBarrier();
    ByteBuffer.wrap(negativeOvertaken).putInt(27, -1);
    rejectsBarrier(negativeOvertaken);
    byte[] negativeTimeout = validBarrier();
    ByteBuffer.wrap(negativeTimeout).putLong(19, -5);
    rejectsBarrier(negativeTimeout);
    byte[] unalignedSavepoint = validBarrier();
    unalignedSavepoint[18] = 1;
    rejectsBarrier(unalignedSavepoint);
    byte[] unalignedAtLeastOnce = EventCodec.payload(new CheckpointBarrier(2, 0,
        new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.AT_LEAST_ONCE, false, 0, "")));
    unalignedAtLeastOnce[18] = 1;
    rejectsBarrier(unalignedAtLeastOnce);
  }

  @Test
  void badOrOverlongTargetLocationsAreProtocolErrors() {
    byte[] valid = validBarrier();
    byte[] badUtf8 = valid.clone();
    badUtf8[valid.length - 1] = (byte) 0xFF; // "ü" is C3 BC; C3 FF is no UTF-8
    ProtocolException e = rejectsBarrier(badUtf8);
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());

    int tooLong = EventCodec.MAX_TARGET_LOCATION_BYTES + 1;
    ByteBuffer overlong = ByteBuffer.allocate(EventCodec.BARRIER_FIXED_BYTES + tooLong)
        .put(valid, 0, EventCodec.BARRIER_FIXED_BYTES - 2).putShort((short) tooLong).put(new byte[tooLong]);
    ProtocolException longer = rejectsBarrier(overlong.array());
    assertTrue(longer.getMessage().contains("target location"), longer.getMessage());

    // and the producer refuses to send what the receiver would refuse
    CheckpointBarrier unsendable = new CheckpointBarrier(1, 0, CheckpointOptions.savepoint("é".repeat(EventCodec.MAX_TARGET_LOCATION_BYTES / 2 + 1)));
    assertThrows(IllegalArgumentException.class, () -> EventCodec.payload(unsendable));
  }
}
