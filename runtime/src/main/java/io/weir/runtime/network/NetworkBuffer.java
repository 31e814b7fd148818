package io.weir.runtime.network;

import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.Arrays;

/**
 * A unit of exchange between a producing and a consuming subtask: either a slice of serialized
 * records (whole records only, {@link #records()} of them), a batch of record objects (in-process
 * channels of immutable types, see {@link #holdsObjects()}) or a {@link ChannelEvent}. Data buffers
 * come from, and go back to, their {@link BufferRecycler}: the producer's {@link BufferPool}, or the
 * data plane's receiving side for buffers that arrived over the network. Events are allocated per
 * use (they are rare) and never count against a pool, so an event can always be sent.
 */
public final class NetworkBuffer {
  private final BufferRecycler recycler;
  private final byte[] home;
  private final ChannelEvent event;
  /** For a priority barrier: the data buffers of its channel it overtook inside the gate, still queued there. */
  private final java.util.List<NetworkBuffer> overtakenInGate;
  byte[] data;
  int length;
  int records;
  int channel;
  /** Record objects {@code [0, records)} when {@link #objectSerializer} is set; kept across reuse. */
  Object[] objects;
  /** Set while the buffer carries objects: the channel's serializer, for whoever needs them as bytes. */
  TypeSerializer<Object> objectSerializer;
  /** Key groups of {@link #objects}, kept across reuse; valid while {@link #keyed}. */
  int[] keyGroups;
  boolean keyed;

  /** A data buffer of {@code size} bytes that goes back to {@code recycler} when consumed. */
  public NetworkBuffer(BufferRecycler recycler, int size) {
    this.recycler = recycler;
    this.home = new byte[size];
    this.data = home;
    this.event = null;
    this.overtakenInGate = java.util.List.of();
  }

  private NetworkBuffer(ChannelEvent event, int channel, java.util.List<NetworkBuffer> overtakenInGate) {
    this.recycler = null;
    this.home = null;
    this.event = event;
    this.channel = channel;
    this.overtakenInGate = overtakenInGate;
  }

  private NetworkBuffer(ChannelEvent event, int channel) {
    this(event, channel, java.util.List.of());
  }

  /**
   * A priority barrier that overtook {@code overtakenInGate} in the consumer's gate: those buffers
   * stay queued there (the consumer processes them after the barrier) and are untouched until it
   * does, so the consumer may copy them as in-flight data as soon as it reads the barrier.
   */
  static NetworkBuffer priorityEvent(CheckpointBarrier barrier, int channel, java.util.List<NetworkBuffer> overtakenInGate) {
    return new NetworkBuffer(barrier, channel, java.util.List.copyOf(overtakenInGate));
  }

  /**
   * For a barrier read from a gate: the overtaken data buffers still queued behind it in the gate,
   * the first {@code size()} of its {@link CheckpointBarrier#overtaken()} (the rest were overtaken
   * before the gate and arrive later). Empty for everything else.
   */
  public java.util.List<NetworkBuffer> overtakenInGate() {
    return overtakenInGate;
  }

  /** An event buffer for channel {@code channel}: not pooled, recycling it is a no-op. */
  public static NetworkBuffer event(ChannelEvent event, int channel) {
    return new NetworkBuffer(event, channel);
  }

  /** The event, or null for a data buffer. */
  public ChannelEvent event() {
    return event;
  }

  public boolean isEvent() {
    return event != null;
  }

  /**
   * The serialized records occupy {@code data()[0, length())}; larger than the pool's size for an
   * oversized record. Not for a buffer that {@link #holdsObjects() holds objects}: use
   * {@link #serializedCopy()} there.
   */
  public byte[] data() {
    if (objectSerializer != null) {
      throw new IllegalStateException("this buffer holds " + records + " record objects, not bytes");
    }
    return data;
  }

  /**
   * Whether the buffer carries its records as objects, {@link #objects()}{@code [0, records())}:
   * a channel between two subtasks of one process whose type is immutable, so the consumer may use
   * the producer's very objects. Such a buffer never leaves the process; where bytes are needed (an
   * unaligned checkpoint's in-flight data) {@link #serializedCopy()} provides them.
   */
  public boolean holdsObjects() {
    return objectSerializer != null;
  }

  /** The record objects of a buffer that {@link #holdsObjects() holds objects}, valid up to {@link #records()}. */
  public Object[] objects() {
    if (objectSerializer == null) {
      throw new IllegalStateException("this buffer holds serialized records, not objects");
    }
    return objects;
  }

  /**
   * The records as an array of exactly their serialized bytes, as {@code data()[0, length())} would
   * hold them had they been serialized: a copy of the bytes, or the objects serialized now.
   */
  public byte[] serializedCopy() {
    if (objectSerializer == null) {
      return Arrays.copyOf(data, length);
    }
    BinaryOutput out = new BinaryOutput(Math.max(16, 8 * records));
    for (int i = 0; i < records; i++) {
      objectSerializer.serialize(objects[i], out);
    }
    return Arrays.copyOf(out.array(), out.position());
  }

  /**
   * The key group of each record of {@link #objects()} for the consuming keyed vertex, as its
   * producer's hash partitioning computed it; null when the buffer carries none (bytes, or objects
   * of an edge that is not keyed).
   */
  public int[] keyGroups() {
    return keyed ? keyGroups : null;
  }

  /**
   * Starts filling this buffer with record objects of {@code serializer}'s type, up to
   * {@code capacity} of them, with their key groups when {@code withKeyGroups}.
   */
  void startObjects(TypeSerializer<Object> serializer, int capacity, boolean withKeyGroups) {
    if (objects == null || objects.length != capacity) {
      objects = new Object[capacity];
    }
    if (withKeyGroups && (keyGroups == null || keyGroups.length != capacity)) {
      keyGroups = new int[capacity];
    }
    objectSerializer = serializer;
    keyed = withKeyGroups;
  }

  public int length() {
    return length;
  }

  /** Number of records in the buffer (a serializer may write zero bytes, so bytes alone do not tell). */
  public int records() {
    return records;
  }

  /** The channel's index at the consuming {@link InputGate}. */
  public int channel() {
    return channel;
  }

  /** Hands a data buffer back to its pool once the consumer has read it; no-op for events. */
  public void recycle() {
    if (recycler != null) {
      recycler.recycle(this);
    }
  }

  /**
   * For a receiver filling this data buffer from the wire: sets channel and record count and
   * returns an array of at least {@code length} bytes to copy the records into at offset 0 (the
   * buffer's own array, or a one-off larger one for an oversized record, dropped on reuse).
   */
  public byte[] prepareReceive(int channel, int records, int length) {
    if (home == null) {
      throw new IllegalStateException("an event buffer carries no data");
    }
    data = length <= home.length ? home : new byte[length];
    this.length = length;
    this.records = records;
    this.channel = channel;
    return data;
  }

  /** Empties the buffer and drops an oversized array so the pool only holds standard-size ones. */
  void reset() {
    if (objectSerializer != null) {
      Arrays.fill(objects, 0, records, null); // consumed records must not stay reachable from the pool
      objectSerializer = null;
      keyed = false;
    }
    data = home;
    length = 0;
    records = 0;
  }
}
