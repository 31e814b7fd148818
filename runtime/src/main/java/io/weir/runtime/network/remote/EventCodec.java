package io.weir.runtime.network.remote;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.network.CancelCheckpointMarker;
import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.Watermark;
import io.weir.runtime.network.WatermarkStatus;
import io.weir.runtime.rpc.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of {@link ChannelEvent}s: a one-byte code and a payload of the rest of the frame,
 * all integers big-endian:
 *
 * <pre>
 * 1 END_OF_INPUT       (empty)
 * 2 WATERMARK          timestamp (8)
 * 3 WATERMARK_STATUS   1 idle | 0 active (1)
 * 4 CHECKPOINT_BARRIER checkpointId (8) | timestampMillis (8) | type (1: 0 checkpoint, 1 savepoint)
 *                      | mode (1: 0 exactly-once, 1 at-least-once) | unaligned (1: 0 or 1)
 *                      | alignmentTimeoutMillis (8) | overtaken (4) | targetLocation (2-byte length, UTF-8)
 * 5 CANCEL_CHECKPOINT  checkpointId (8)
 * </pre>
 *
 * The enum bytes are fixed here rather than taken from ordinals, so reordering an enum cannot change
 * the protocol. Decoding is strict: an unknown code, a payload of the wrong length, an unknown enum
 * byte, a value the event's constructor refuses, malformed UTF-8 or a target location longer than
 * {@link #MAX_TARGET_LOCATION_BYTES} is a {@link ProtocolException}, which closes the connection.
 * Encoding refuses (IllegalArgumentException, in the producer) what decoding would refuse.
 */
final class EventCodec {
  static final byte END_OF_INPUT = 1;
  static final byte WATERMARK = 2;
  static final byte WATERMARK_STATUS = 3;
  static final byte CHECKPOINT_BARRIER = 4;
  static final byte CANCEL_CHECKPOINT = 5;
  /** A savepoint directory path longer than this (in UTF-8 bytes) is not a path but an abuse of the frame. */
  static final int MAX_TARGET_LOCATION_BYTES = 4096;
  /** A barrier's payload without its target location's bytes. */
  static final int BARRIER_FIXED_BYTES = 8 + 8 + 1 + 1 + 1 + 8 + 4 + 2;
  private static final byte[] EMPTY = new byte[0];

  private EventCodec() {}

  static byte code(ChannelEvent event) {
    if (event instanceof EndOfInput) {
      return END_OF_INPUT;
    }
    if (event instanceof Watermark) {
      return WATERMARK;
    }
    if (event instanceof WatermarkStatus) {
      return WATERMARK_STATUS;
    }
    if (event instanceof CheckpointBarrier) {
      return CHECKPOINT_BARRIER;
    }
    if (event instanceof CancelCheckpointMarker) {
      return CANCEL_CHECKPOINT;
    }
    throw new IllegalArgumentException("no wire encoding for event " + event.getClass().getName());
  }

  /** The event's payload bytes (after its code). */
  static byte[] payload(ChannelEvent event) {
    if (event instanceof Watermark watermark) {
      return ByteBuffer.allocate(Long.BYTES).putLong(watermark.timestamp()).array();
    }
    if (event instanceof WatermarkStatus status) {
      return new byte[] {(byte) (status == WatermarkStatus.IDLE ? 1 : 0)};
    }
    if (event instanceof CheckpointBarrier barrier) {
      return barrierPayload(barrier);
    }
    if (event instanceof CancelCheckpointMarker marker) {
      if (marker.checkpointId() < 1) {
        throw new IllegalArgumentException("checkpoint ids start at 1, cannot send a cancel marker for " + marker.checkpointId());
      }
      return ByteBuffer.allocate(Long.BYTES).putLong(marker.checkpointId()).array();
    }
    return EMPTY;
  }

  private static byte[] barrierPayload(CheckpointBarrier barrier) {
    CheckpointOptions options = barrier.options();
    byte[] location = options.targetLocation().getBytes(StandardCharsets.UTF_8);
    if (location.length > MAX_TARGET_LOCATION_BYTES) {
      throw new IllegalArgumentException("the target location of checkpoint " + barrier.checkpointId() + " has "
          + location.length + " UTF-8 bytes, more than the " + MAX_TARGET_LOCATION_BYTES + " a barrier may carry");
    }
    return ByteBuffer.allocate(BARRIER_FIXED_BYTES + location.length)
        .putLong(barrier.checkpointId())
        .putLong(barrier.timestampMillis())
        .put(options.type() == CheckpointType.SAVEPOINT ? (byte) 1 : 0)
        .put(options.mode() == CheckpointingMode.AT_LEAST_ONCE ? (byte) 1 : 0)
        .put(options.unaligned() ? (byte) 1 : 0)
        .putLong(options.alignmentTimeoutMillis())
        .putInt(barrier.overtaken())
        .putShort((short) location.length)
        .put(location)
        .array();
  }

  static ChannelEvent decode(byte code, byte[] payload) {
    return switch (code) {
      case END_OF_INPUT -> {
        if (payload.length != 0) {
          throw new ProtocolException("END_OF_INPUT with a payload of " + payload.length + " bytes");
        }
        yield EndOfInput.INSTANCE;
      }
      case WATERMARK -> {
        if (payload.length != Long.BYTES) {
          throw new ProtocolException("WATERMARK with a payload of " + payload.length + " bytes instead of 8");
        }
        yield new Watermark(ByteBuffer.wrap(payload).getLong());
      }
      case WATERMARK_STATUS -> {
        if (payload.length != 1 || (payload[0] != 0 && payload[0] != 1)) {
          throw new ProtocolException("WATERMARK_STATUS with a malformed payload of " + payload.length + " bytes");
        }
        yield payload[0] == 1 ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE;
      }
      case CHECKPOINT_BARRIER -> decodeBarrier(payload);
      case CANCEL_CHECKPOINT -> {
        if (payload.length != Long.BYTES) {
          throw new ProtocolException("CANCEL_CHECKPOINT with a payload of " + payload.length + " bytes instead of 8");
        }
        long checkpointId = ByteBuffer.wrap(payload).getLong();
        if (checkpointId < 1) {
          throw new ProtocolException("CANCEL_CHECKPOINT for checkpoint id " + checkpointId + " (ids start at 1)");
        }
        yield new CancelCheckpointMarker(checkpointId);
      }
      default -> throw new ProtocolException("unknown event code " + code);
    };
  }

  private static CheckpointBarrier decodeBarrier(byte[] payload) {
    if (payload.length < BARRIER_FIXED_BYTES) {
      throw new ProtocolException("CHECKPOINT_BARRIER with a payload of " + payload.length + " bytes, less than its "
          + BARRIER_FIXED_BYTES + " fixed bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(payload);
    long checkpointId = in.getLong();
    long timestampMillis = in.getLong();
    byte typeByte = in.get();
    byte modeByte = in.get();
    byte unalignedByte = in.get();
    CheckpointType type = switch (typeByte) {
      case 0 -> CheckpointType.CHECKPOINT;
      case 1 -> CheckpointType.SAVEPOINT;
      default -> throw new ProtocolException("CHECKPOINT_BARRIER with unknown checkpoint type " + typeByte);
    };
    CheckpointingMode mode = switch (modeByte) {
      case 0 -> CheckpointingMode.EXACTLY_ONCE;
      case 1 -> CheckpointingMode.AT_LEAST_ONCE;
      default -> throw new ProtocolException("CHECKPOINT_BARRIER with unknown checkpointing mode " + modeByte);
    };
    boolean unaligned = switch (unalignedByte) {
      case 0 -> false;
      case 1 -> true;
      default -> throw new ProtocolException("CHECKPOINT_BARRIER with a non-boolean unaligned flag " + unalignedByte);
    };
    long alignmentTimeoutMillis = in.getLong();
    int overtaken = in.getInt();
    int locationLength = Short.toUnsignedInt(in.getShort());
    if (locationLength > MAX_TARGET_LOCATION_BYTES) {
      throw new ProtocolException("CHECKPOINT_BARRIER with a target location of " + locationLength
          + " bytes, more than " + MAX_TARGET_LOCATION_BYTES);
    }
    if (in.remaining() != locationLength) {
      throw new ProtocolException("CHECKPOINT_BARRIER whose target location says " + locationLength + " bytes but "
          + in.remaining() + " follow");
    }
    String targetLocation;
    try {
      targetLocation = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(in)
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException("CHECKPOINT_BARRIER with a target location that is not valid UTF-8", e);
    }
    try {
      return new CheckpointBarrier(checkpointId, timestampMillis,
          new CheckpointOptions(type, mode, unaligned, alignmentTimeoutMillis, targetLocation), overtaken);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("CHECKPOINT_BARRIER that is not a valid barrier: " + e.getMessage(), e);
    }
  }
}
