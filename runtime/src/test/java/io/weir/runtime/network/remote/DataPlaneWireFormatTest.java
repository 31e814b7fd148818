package io.weir.runtime.network.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.Watermark;
import io.weir.runtime.network.WatermarkStatus;
import io.weir.runtime.rpc.ProtocolException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frame encoding and the checks that turn malformed frames into protocol errors. */
@Timeout(10)
class DataPlaneWireFormatTest {
  private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

  @Test
  void anAnnouncementRoundTrips() {
    ChannelId id = new ChannelId("jöb-ü", 3, "Count -> Sink", 7, 11);
    ByteBuf frame = WireFormat.announce(ALLOC, 42, id);
    try {
      assertEquals(WireFormat.ANNOUNCE, WireFormat.readByte(frame, "type"));
      assertEquals(42, WireFormat.readNonNegative(frame, "stream"));
      assertEquals(id, WireFormat.readChannelId(frame));
      WireFormat.expectEnd(frame, "ANNOUNCE");
    } finally {
      frame.release();
    }
  }

  @Test
  void truncatedNegativeAndOverlongFramesAreProtocolErrors() {
    ByteBuf truncated = Unpooled.wrappedBuffer(new byte[] {0, 0, 1});
    ProtocolException e = assertThrows(ProtocolException.class, () -> WireFormat.readInt(truncated, "stream"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());

    ByteBuf negative = Unpooled.buffer().writeInt(-5);
    assertThrows(ProtocolException.class, () -> WireFormat.readNonNegative(negative, "credits"));

    ByteBuf badString = Unpooled.buffer().writeShort(500).writeBytes(new byte[10]);
    assertThrows(ProtocolException.class, () -> WireFormat.readString(badString, "job id"));

    ByteBuf trailing = WireFormat.credit(ALLOC, 1, 2).writeByte(0);
    trailing.skipBytes(9);
    assertThrows(ProtocolException.class, () -> WireFormat.expectEnd(trailing, "CREDIT"));
    trailing.release();
  }

  @Test
  void eventsHaveACodeAndUnknownCodesAreRejected() {
    assertEquals(EventCodec.END_OF_INPUT, EventCodec.code(EndOfInput.INSTANCE));
    assertSame(EndOfInput.INSTANCE, EventCodec.decode(EventCodec.END_OF_INPUT, new byte[0]));
    assertThrows(ProtocolException.class, () -> EventCodec.decode((byte) 77, new byte[0]));
    assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.END_OF_INPUT, new byte[] {1}));
  }

  @Test
  void watermarksAndIdlenessRoundTripAndMalformedPayloadsAreRejected() {
    for (long timestamp : new long[] {Long.MIN_VALUE, -1, 0, 1_700_000_000_123L, Long.MAX_VALUE}) {
      Watermark watermark = new Watermark(timestamp);
      assertEquals(watermark, EventCodec.decode(EventCodec.code(watermark), EventCodec.payload(watermark)));
    }
    for (WatermarkStatus status : WatermarkStatus.values()) {
      assertSame(status, EventCodec.decode(EventCodec.code(status), EventCodec.payload(status)));
    }
    assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.WATERMARK, new byte[7]));
    assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.WATERMARK_STATUS, new byte[] {2}));
    assertThrows(ProtocolException.class, () -> EventCodec.decode(EventCodec.WATERMARK_STATUS, new byte[0]));
  }

  @Test
  void optionsRejectWhatCannotWork() {
    assertThrows(IllegalArgumentException.class, () -> DataPlaneOptions.DEFAULT.withBuffers(0, 8, 32 * 1024));
    assertThrows(IllegalArgumentException.class, () -> DataPlaneOptions.DEFAULT.withMaxFrameBytes(1024));
    assertThrows(IllegalArgumentException.class, () -> DataPlaneOptions.DEFAULT.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new PeerAddress("tm", "localhost", 0));
    assertThrows(IllegalArgumentException.class, () -> new ChannelId("job", 0, "sink", -1, 0));
  }
}
