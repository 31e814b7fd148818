package io.weir.runtime.network.remote;

import io.netty.buffer.ByteBuf;
import io.weir.runtime.network.BufferRecycler;
import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.rpc.ProtocolException;
import java.util.ArrayDeque;

/**
 * The receiving end of one channel on a {@link PeerConnection}. Once bound to its registered
 * {@link RemoteGate} it owns {@code buffersPerChannel} exclusive receive buffers, all announced to
 * the sender as credit; it borrows floating buffers from the gate while the sender reports a
 * backlog larger than its credit. Every buffer that arrives fills one reserved buffer and goes
 * into the gate; when the consumer recycles it, the buffer is reserved again (or lent to another
 * channel, for a floating one) and one credit goes back to the sender.
 *
 * <p>Arrivals run on the connection's event loop, recycling on the consumer's thread; the gate's
 * lock guards the shared state.
 */
final class InboundChannel implements BufferRecycler {
  final PeerConnection connection;
  final int stream;
  final ChannelId id;
  // guarded by gate.lock once bound
  private volatile RemoteGate gate;
  /** Free receive buffers the sender holds credit for: this channel's own, and floating ones lent by the gate. */
  final ArrayDeque<NetworkBuffer> exclusive = new ArrayDeque<>();
  final ArrayDeque<NetworkBuffer> floating = new ArrayDeque<>();
  int backlog;
  boolean ended;
  boolean released;
  boolean waitingForFloating;
  /** Credit freed by the consumer and not yet sent: coalesced into one CREDIT frame per event-loop turn. */
  private int pendingCredit;
  private boolean creditScheduled;
  final Runnable creditTask = this::sendPendingCredit;

  InboundChannel(PeerConnection connection, int stream, ChannelId id) {
    this.connection = connection;
    this.stream = stream;
    this.id = id;
  }

  /** Called with the gate's lock held: takes ownership of the exclusive buffers; returns the credit to announce. */
  int bind(RemoteGate owner, int exclusiveBuffers, int bufferSize) {
    gate = owner;
    for (int i = 0; i < exclusiveBuffers; i++) {
      exclusive.add(new NetworkBuffer(this, bufferSize));
    }
    return exclusiveBuffers;
  }

  RemoteGate gate() {
    return gate;
  }

  /** On the event loop: a BUFFER frame whose header was read; the records are the rest of {@code frame}. */
  void onBuffer(ByteBuf frame, int records, int senderBacklog) {
    RemoteGate owner = gate;
    if (owner == null) {
      throw new ProtocolException("data for channel " + id + " before any credit was granted");
    }
    NetworkBuffer buffer;
    int credit;
    owner.lock.lock();
    try {
      if (released) {
        return; // the consumer is gone (job released); the bytes are dropped
      }
      buffer = exclusive.pollFirst();
      if (buffer == null) {
        buffer = floating.pollFirst();
      }
      if (buffer == null) {
        throw new ProtocolException("the sender of channel " + id + " exceeded its credit");
      }
      backlog = senderBacklog;
      credit = owner.lendFloating(this);
    } finally {
      owner.lock.unlock();
    }
    int length = frame.readableBytes();
    byte[] target = buffer.prepareReceive(id.channelIndex(), records, length);
    frame.readBytes(target, 0, length);
    owner.input.add(buffer);
    if (credit > 0) {
      connection.sendCredit(stream, credit);
    }
  }

  /**
   * On the event loop: an event, ordered after every buffer before it on the wire. An unaligned
   * barrier goes to the gate with priority, so it also jumps this channel's buffers still queued in
   * the gate (which the gate adds to its {@code overtaken}); everything else keeps its place.
   */
  void onEvent(ChannelEvent event) {
    RemoteGate owner = gate;
    if (owner == null) {
      throw new ProtocolException("event for channel " + id + " before the channel was bound");
    }
    if (event instanceof EndOfInput) {
      if (!owner.ended(this)) {
        return;
      }
      connection.inboundEnded(this);
    }
    NetworkBuffer buffer = NetworkBuffer.event(event, id.channelIndex());
    if (event instanceof CheckpointBarrier barrier && barrier.isPriority()) {
      owner.input.addPriority(buffer);
    } else {
      owner.input.add(buffer);
    }
  }

  /** The consumer read an exclusive buffer: keep it reserved for this channel and give the sender a credit. */
  @Override
  public void recycle(NetworkBuffer buffer) {
    RemoteGate owner = gate;
    boolean schedule;
    owner.lock.lock();
    try {
      if (ended || released) {
        return; // no more data comes; the buffer is garbage
      }
      exclusive.addLast(buffer);
      schedule = queueCredit();
    } finally {
      owner.lock.unlock();
    }
    if (schedule) {
      connection.execute(creditTask);
    }
  }

  /**
   * With the gate's lock held: one more credit for the sender. True if the caller must hand
   * {@link #creditTask} to the connection's event loop (none is pending yet).
   */
  boolean queueCredit() {
    pendingCredit++;
    if (creditScheduled) {
      return false;
    }
    creditScheduled = true;
    return true;
  }

  /** On the event loop: sends the credit gathered since the last CREDIT frame, in one frame. */
  void sendPendingCredit() {
    int credits;
    RemoteGate owner = gate;
    owner.lock.lock();
    try {
      credits = pendingCredit;
      pendingCredit = 0;
      creditScheduled = false;
    } finally {
      owner.lock.unlock();
    }
    if (credits > 0) {
      connection.sendCredit(stream, credits);
    }
  }

  /** Whether the sender has more queued than this channel can take (called with the gate's lock held). */
  boolean needsFloating() {
    return !ended && !released && backlog > exclusive.size() + floating.size();
  }

  @Override
  public String toString() {
    return "channel " + id + " from " + connection.peerName();
  }
}
