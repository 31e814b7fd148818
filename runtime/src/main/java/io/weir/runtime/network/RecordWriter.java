package io.weir.runtime.network;

import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/**
 * Serializes one producing subtask's records for one network edge into buffers, one open buffer
 * per channel (downstream subtask), and ships a buffer to the channel's {@link ChannelTarget} when it
 * is full or flushed. Subclasses pick the channel(s) of each record. Single-threaded: only the
 * producing task thread calls it.
 *
 * <p>Records are serialized straight into the pool's arrays. A buffer is shipped as soon as its
 * free space is below the largest record seen so far (capped), so a record rarely overflows; when
 * one does, the buffer is shipped without it and the record moves to a fresh buffer, or travels
 * alone in an oversized array when it is larger than a buffer.
 *
 * <p>With {@link #handOverObjects} on, a channel into a consumer of this process
 * ({@link ChannelTarget#inProcess()}) of an immutable type ({@link TypeSerializer#immutableValues()})
 * skips the bytes: its buffers carry the record objects themselves, up to {@code bufferSize / 8}
 * per buffer. They travel the same way as serialized buffers (same pool, same queue, same order
 * relative to events), so backpressure, ordering and checkpoints are unchanged.
 */
public abstract class RecordWriter {
  private final TypeSerializer<Object> serializer;
  private final BufferPool pool;
  private final Channel[] channels;
  private final String target;
  private final int marginCap;
  private final int objectsPerBuffer;
  private int margin;

  /** One downstream subtask: where its buffers go and the buffer being filled. */
  static final class Channel {
    final ChannelTarget target;
    final int index;
    final BinaryOutput out = new BinaryOutput(16);
    NetworkBuffer buffer;
    /** Records go to the consumer as objects, into {@code batch}, the current buffer's array. */
    boolean handsOverObjects;
    Object[] batch;
    /** With {@code batch}, for keyed writers: each record's key group, so the consumer need not compute it again. */
    int[] batchKeyGroups;

    Channel(ChannelTarget target, int index) {
      this.target = target;
      this.index = index;
    }
  }

  /**
   * @param targets where each channel's buffers go, indexed by channel
   * @param channelIndexes each channel's index at its consuming gate
   * @param target name of the downstream vertex, for messages
   */
  @SuppressWarnings("unchecked")
  protected RecordWriter(TypeSerializer<?> serializer, BufferPool pool, ChannelTarget[] targets, int[] channelIndexes, String target) {
    if (targets.length == 0 || targets.length != channelIndexes.length) {
      throw new IllegalArgumentException("need one channel index per target, got " + targets.length + " targets");
    }
    this.serializer = (TypeSerializer<Object>) serializer;
    this.pool = pool;
    this.target = target;
    this.channels = new Channel[targets.length];
    for (int i = 0; i < targets.length; i++) {
      channels[i] = new Channel(targets[i], channelIndexes[i]);
    }
    this.marginCap = pool.bufferSize() / 8;
    this.objectsPerBuffer = Math.max(1, pool.bufferSize() / 8);
  }

  /**
   * Whether channels into consumers of this process hand over record objects instead of bytes;
   * takes effect only for an immutable type ({@link TypeSerializer#immutableValues()}) and for
   * targets that are {@link ChannelTarget#inProcess() in this process}. Off unless called; call it
   * before the first record.
   *
   * @return this writer
   */
  public final RecordWriter handOverObjects(boolean enabled) {
    for (Channel ch : channels) {
      if (ch.buffer != null) {
        throw new IllegalStateException("the hand-over mode of '" + target + "' must be set before the first record");
      }
      ch.handsOverObjects = enabled && serializer.immutableValues() && ch.target.inProcess();
    }
    return this;
  }

  /** Whether channel {@code channel} hands over record objects (see {@link #handOverObjects}). */
  protected final boolean handsOverObjects(int channel) {
    return channels[channel].handsOverObjects;
  }

  /** Sends {@code record} (never null) to the channel(s) the partitioning picks. */
  public abstract void emit(Object record);

  protected final int channelCount() {
    return channels.length;
  }

  protected final String target() {
    return target;
  }

  /** Serializes {@code record} into channel {@code channel}'s buffer. */
  protected final void write(int channel, Object record) {
    Channel ch = channels[channel];
    if (ch.handsOverObjects) {
      writeObject(ch, record);
      return;
    }
    writeBytes(ch, record);
  }

  /**
   * {@link #write(int, Object)} for a keyed edge: a channel that hands over objects also hands over
   * {@code keyGroup}, the record's key group for the consuming (keyed) vertex.
   */
  protected final void write(int channel, Object record, int keyGroup) {
    Channel ch = channels[channel];
    if (!ch.handsOverObjects) {
      writeBytes(ch, record);
      return;
    }
    NetworkBuffer buffer = ch.buffer;
    if (buffer == null) {
      buffer = startBatch(ch, true);
    }
    ch.batchKeyGroups[buffer.records] = keyGroup;
    writeObject(ch, record);
  }

  private void writeBytes(Channel ch, Object record) {
    NetworkBuffer buffer = ch.buffer;
    if (buffer == null) {
      buffer = acquire(ch);
    }
    BinaryOutput out = ch.out;
    int start = out.position();
    try {
      serializer.serialize(record, out);
    } catch (RuntimeException e) {
      throw new RecordWriteException("could not serialize a record for '" + target + "' with " + serializer.formatId(), e);
    }
    int end = out.position();
    if (out.array() != buffer.data) {
      overflowed(ch, out.array(), start, end);
      return;
    }
    buffer.records++;
    afterRecord(ch, end - start, end);
  }

  /** Adds {@code record} itself to the channel's buffer; ships the buffer once it holds {@code objectsPerBuffer}. */
  private void writeObject(Channel ch, Object record) {
    NetworkBuffer buffer = ch.buffer;
    if (buffer == null) {
      buffer = startBatch(ch, false);
    }
    int n = buffer.records;
    ch.batch[n] = record;
    buffer.records = ++n;
    if (n == objectsPerBuffer) {
      ship(ch);
    }
  }

  /** A buffer from the pool, set up to receive objects (and key groups when {@code keyed}). */
  private NetworkBuffer startBatch(Channel ch, boolean keyed) {
    NetworkBuffer buffer = pool.request();
    ch.buffer = buffer;
    buffer.startObjects(serializer, objectsPerBuffer, keyed);
    ch.batch = buffer.objects;
    ch.batchKeyGroups = buffer.keyGroups;
    return buffer;
  }

  /** Appends an already serialized record, {@code bytes[0, size)}, to channel {@code channel} (a byte channel). */
  protected final void writeSerialized(int channel, byte[] bytes, int size) {
    append(channels[channel], bytes, 0, size);
  }

  private void append(Channel ch, byte[] bytes, int offset, int size) {
    NetworkBuffer buffer = ch.buffer;
    if (buffer != null && buffer.data.length - ch.out.position() < size) {
      ship(ch);
      buffer = null;
    }
    if (buffer == null) {
      buffer = acquire(ch);
    }
    ch.out.writeBytes(bytes, offset, size);
    buffer.records++;
    if (ch.out.array() != buffer.data) {
      shipOversized(ch);
      return;
    }
    afterRecord(ch, size, ch.out.position());
  }

  /** Serializes {@code record} into {@code scratch} (cleared first), for writers that copy one record to many channels. */
  protected final void serialize(Object record, BinaryOutput scratch) {
    scratch.clear();
    try {
      serializer.serialize(record, scratch);
    } catch (RuntimeException e) {
      throw new RecordWriteException("could not serialize a record for '" + target + "' with " + serializer.formatId(), e);
    }
  }

  private void afterRecord(Channel ch, int size, int end) {
    if (size > margin) {
      margin = Math.min(size, marginCap);
    }
    if (ch.buffer.data.length - end < margin) {
      ship(ch);
    }
  }

  /** The record at {@code grown[start, end)} did not fit: ship what precedes it, then place it anew. */
  private void overflowed(Channel ch, byte[] grown, int start, int end) {
    NetworkBuffer full = ch.buffer;
    if (start == 0) {
      full.records++;
      shipOversized(ch);
      return;
    }
    // the original array still holds the earlier records intact; the grown copy is ours alone now
    full.length = start;
    ch.buffer = null;
    send(ch, full);
    append(ch, grown, start, end - start);
  }

  private NetworkBuffer acquire(Channel ch) {
    NetworkBuffer buffer = pool.request();
    ch.buffer = buffer;
    ch.out.reset(buffer.data);
    return buffer;
  }

  private void shipOversized(Channel ch) {
    NetworkBuffer buffer = ch.buffer;
    buffer.data = ch.out.array();
    buffer.length = ch.out.position();
    ch.buffer = null;
    send(ch, buffer);
  }

  private void ship(Channel ch) {
    NetworkBuffer buffer = ch.buffer;
    if (ch.handsOverObjects) {
      ch.batch = null;
      ch.batchKeyGroups = null;
    } else {
      buffer.length = ch.out.position();
    }
    ch.buffer = null;
    send(ch, buffer);
  }

  private static void send(Channel ch, NetworkBuffer buffer) {
    buffer.channel = ch.index;
    ch.target.add(buffer);
  }

  /** Ships every partly filled buffer, so records waiting in them reach the consumers. */
  public final void flush() {
    for (Channel ch : channels) {
      if (ch.buffer != null && ch.buffer.records > 0) {
        ship(ch);
      }
    }
  }

  /**
   * Flushes, then appends {@code event} to every channel, ordered after all records written so far;
   * a priority barrier (unaligned) is handed to {@link ChannelTarget#addPriority} instead, which may
   * let it overtake buffers still queued.
   */
  public final void broadcastEvent(ChannelEvent event) {
    flush();
    boolean priority = event instanceof CheckpointBarrier barrier && barrier.isPriority();
    for (Channel ch : channels) {
      NetworkBuffer buffer = NetworkBuffer.event(event, ch.index);
      if (priority) {
        ch.target.addPriority(buffer);
      } else {
        ch.target.add(buffer);
      }
    }
  }

  /** Returns a buffer still held for filling to the pool (after a failure or cancellation). */
  public final void releaseBuffers() {
    for (Channel ch : channels) {
      if (ch.buffer != null) {
        NetworkBuffer buffer = ch.buffer;
        ch.buffer = null;
        ch.batch = null;
        ch.batchKeyGroups = null;
        buffer.recycle();
      }
    }
  }
}
