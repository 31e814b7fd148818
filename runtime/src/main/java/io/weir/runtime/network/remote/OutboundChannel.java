package io.weir.runtime.network.remote;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.NetworkBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * The sending end of one channel on a {@link PeerConnection}. The producer's task thread queues
 * buffers here and never blocks; the connection's event loop ships them in order: data buffers
 * only against credit from the receiver, events (which occupy no receive buffer) as soon as every
 * buffer before them went and the receiver is known to be ready (it granted its first credit, which
 * it does once the consuming gate is registered). So an event never needs credit, but an aligned
 * barrier or a cancel marker still waits for the data queued before it: the channel stays FIFO.
 *
 * <p>The one exception is {@link #addPriority}: an unaligned barrier goes into a separate queue that
 * is shipped before the data queue, also without credit. It jumps every data buffer queued at that
 * moment and carries their number in {@link CheckpointBarrier#overtaken()}; those buffers follow it
 * on the wire in their order, so the consumer can tell which buffers after the barrier belong
 * before the cut.
 *
 * <p>A data buffer goes back to the producer's pool once written to the socket, so queued and
 * in-flight buffers count against that pool: with no credit the queue grows until the pool is empty
 * and the producer blocks in {@code BufferPool.request()}.
 */
final class OutboundChannel implements ChannelTarget {
  final PeerConnection connection;
  final int stream;
  final ChannelId id;
  private final int maxDataBytes;
  private final Runnable drainTask = this::drain;
  // guarded by this
  private final ArrayDeque<NetworkBuffer> queue = new ArrayDeque<>();
  /** Unaligned barriers, shipped before anything in {@code queue}, in the order they came. */
  private final ArrayDeque<NetworkBuffer> priority = new ArrayDeque<>();
  private int queuedData;
  private int credit;
  /** The receiver granted credit once: its gate is registered, so events may go (they need no credit themselves). */
  private boolean receiverReady;
  private Channel channel;
  private boolean scheduled;
  private RemoteChannelException failure;
  private boolean finished;

  OutboundChannel(PeerConnection connection, int stream, ChannelId id, int maxDataBytes) {
    this.connection = connection;
    this.stream = stream;
    this.id = id;
    this.maxDataBytes = maxDataBytes;
  }

  @Override
  public void add(NetworkBuffer buffer) {
    Channel schedule;
    synchronized (this) {
      checkUsable(buffer);
      if (buffer.isEvent()) {
        checkEncodable(buffer); // an event without a wire form fails here, in the producer, not on the event loop
      } else if (buffer.length() > maxDataBytes) {
        int length = buffer.length();
        buffer.recycle();
        throw new RemoteChannelException("a buffer of " + length + " bytes (an oversized record) for channel " + id
            + " exceeds the data plane's frame limit of " + maxDataBytes + " bytes");
      }
      queue.addLast(buffer);
      if (!buffer.isEvent()) {
        queuedData++;
      }
      schedule = claimDrain();
    }
    scheduleDrain(schedule);
  }

  /**
   * Ships an unaligned barrier ahead of the data buffers queued for credit (after earlier priority
   * barriers), counting those buffers into the barrier's {@code overtaken}. Needs no credit.
   */
  @Override
  public void addPriority(NetworkBuffer event) {
    if (!(event.event() instanceof CheckpointBarrier barrier) || !barrier.isPriority()) {
      throw new IllegalArgumentException("only unaligned checkpoint barriers travel with priority, got " + event.event());
    }
    Channel schedule;
    synchronized (this) {
      checkUsable(event);
      checkEncodable(event);
      priority.addLast(queuedData == 0 ? event : NetworkBuffer.event(barrier.overtook(queuedData), event.channel()));
      schedule = claimDrain();
    }
    scheduleDrain(schedule);
  }

  /** With the lock held: throws (after recycling {@code buffer}) once the channel failed. */
  private void checkUsable(NetworkBuffer buffer) {
    if (failure != null) {
      buffer.recycle();
      throw new RemoteChannelException("channel " + id + " to " + connection.peerName() + " is broken: " + failure.getMessage(), failure);
    }
  }

  /** Encodes the event once to check it has a wire form and fits a frame (events are rare; it is encoded again when sent). */
  private void checkEncodable(NetworkBuffer event) {
    EventCodec.code(event.event());
    int bytes = EventCodec.payload(event.event()).length;
    if (bytes > maxDataBytes) {
      throw new IllegalArgumentException("event " + event.event() + " for channel " + id + " needs " + bytes
          + " bytes, more than the data plane's frame limit of " + maxDataBytes + " bytes");
    }
  }

  /** With the lock held: the channel to run a drain on, if one is needed and not yet scheduled. */
  private Channel claimDrain() {
    if (channel != null && !scheduled && sendable()) {
      scheduled = true;
      return channel;
    }
    return null;
  }

  private void scheduleDrain(Channel schedule) {
    if (schedule != null) {
      try {
        schedule.eventLoop().execute(drainTask);
      } catch (RejectedExecutionException e) {
        fail(new RemoteChannelException("the data plane is shutting down"));
      }
    }
  }

  private boolean sendable() {
    if (!priority.isEmpty()) {
      return receiverReady;
    }
    NetworkBuffer head = queue.peekFirst();
    return head != null && (head.isEvent() ? receiverReady : credit > 0);
  }

  /** On the event loop, once the connection is up: tells the receiver about the channel, then ships what waits. */
  void start(Channel active) {
    synchronized (this) {
      if (failure != null) {
        return;
      }
      active.writeAndFlush(WireFormat.announce(active.alloc(), stream, id));
      channel = active;
    }
    drain();
  }

  /** On the event loop: the receiver freed {@code credits} buffers for this channel. */
  void addCredit(int credits) {
    synchronized (this) {
      credit += credits;
      receiverReady = true;
    }
    drain();
  }

  private void drain() {
    Channel out;
    boolean wrote = false;
    while (true) {
      NetworkBuffer next;
      int backlog;
      synchronized (this) {
        scheduled = false;
        out = channel;
        if (failure != null || out == null || !sendable()) {
          break;
        }
        next = priority.isEmpty() ? queue.pollFirst() : priority.pollFirst();
        if (!next.isEvent()) {
          credit--;
          queuedData--;
        }
        backlog = queuedData;
      }
      write(out, next, backlog);
      wrote = true;
    }
    if (wrote) {
      out.flush();
    }
  }

  private void write(Channel out, NetworkBuffer buffer, int backlog) {
    if (buffer.isEvent()) {
      out.write(WireFormat.event(out.alloc(), stream, EventCodec.code(buffer.event()), EventCodec.payload(buffer.event())));
      if (buffer.event() instanceof EndOfInput) {
        synchronized (this) {
          finished = true;
        }
        connection.finished(this);
      }
      return;
    }
    ByteBuf header = WireFormat.bufferHeader(out.alloc(), stream, buffer.records(), backlog);
    ByteBuf frame = Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(buffer.data(), 0, buffer.length()));
    // the bytes are ours until the socket took them; then the producer may refill the array
    out.write(frame, out.newPromise().addListener(f -> buffer.recycle()));
  }

  /** Fails the channel: queued buffers go back to the pool (unblocking the producer), later adds throw. */
  void fail(RemoteChannelException cause) {
    List<NetworkBuffer> dropped;
    synchronized (this) {
      if (failure != null || finished) {
        return;
      }
      failure = cause;
      dropped = new ArrayList<>(queue);
      queue.clear();
      priority.clear(); // events: nothing to recycle
      queuedData = 0;
    }
    dropped.forEach(NetworkBuffer::recycle);
  }

  /** Buffers and events waiting for credit or for the connection (for tests and metrics). */
  synchronized int queued() {
    return queue.size() + priority.size();
  }

  /** Unaligned barriers not yet written (for tests). */
  synchronized int queuedPriority() {
    return priority.size();
  }

  synchronized int credit() {
    return credit;
  }
}
