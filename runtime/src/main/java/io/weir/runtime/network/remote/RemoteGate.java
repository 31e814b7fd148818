package io.weir.runtime.network.remote;

import io.weir.runtime.network.BufferRecycler;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.rpc.ProtocolException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A consuming subtask's {@link InputGate} as registered with the {@link DataPlane}: its remote
 * channels, bound to {@link InboundChannel}s as their senders announce them, and the gate's pool of
 * floating receive buffers, lent to channels whose sender reports a backlog (recycling one lends it
 * to the next channel waiting, else keeps it here).
 */
final class RemoteGate implements GateRegistration, BufferRecycler {
  final GateKey key;
  final InputGate input;
  final Set<Integer> remoteChannels;
  final ReentrantLock lock = new ReentrantLock();
  private final DataPlane plane;
  private final DataPlaneOptions options;
  // guarded by lock
  private final Map<Integer, InboundChannel> bound = new HashMap<>();
  private final ArrayDeque<NetworkBuffer> floating = new ArrayDeque<>();
  private final ArrayDeque<InboundChannel> waiting = new ArrayDeque<>();
  private int floatingAllocated;
  private boolean closed;

  RemoteGate(DataPlane plane, GateKey key, Set<Integer> remoteChannels, InputGate input, DataPlaneOptions options) {
    this.plane = plane;
    this.key = key;
    this.remoteChannels = Set.copyOf(remoteChannels);
    this.input = input;
    this.options = options;
  }

  /** Binds an announced channel and grants its exclusive credit; false if closed or not a remote channel of this gate. */
  boolean bind(InboundChannel channel) {
    int credit;
    lock.lock();
    try {
      int index = channel.id.channelIndex();
      if (closed || !remoteChannels.contains(index)) {
        return false;
      }
      if (bound.containsKey(index)) {
        throw new ProtocolException("channel " + channel.id + " announced twice");
      }
      bound.put(index, channel);
      credit = channel.bind(this, options.buffersPerChannel(), options.bufferSize());
    } finally {
      lock.unlock();
    }
    channel.connection.sendCredit(channel.stream, credit);
    return true;
  }

  /** With the lock held: lends floating buffers to {@code channel} while its backlog exceeds its reserve; the credit to send. */
  int lendFloating(InboundChannel channel) {
    int lent = 0;
    while (channel.needsFloating()) {
      NetworkBuffer buffer = takeFloating();
      if (buffer == null) {
        if (!channel.waitingForFloating) {
          channel.waitingForFloating = true;
          waiting.addLast(channel);
        }
        break;
      }
      channel.floating.addLast(buffer);
      lent++;
    }
    return lent;
  }

  private NetworkBuffer takeFloating() {
    NetworkBuffer buffer = floating.pollFirst();
    if (buffer == null && floatingAllocated < options.floatingBuffersPerGate()) {
      floatingAllocated++;
      buffer = new NetworkBuffer(this, options.bufferSize());
    }
    return buffer;
  }

  /** The consumer read a floating buffer: lend it to a channel in need, else keep it. */
  @Override
  public void recycle(NetworkBuffer buffer) {
    InboundChannel to;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      to = giveFloating(buffer);
      if (to != null && !to.queueCredit()) {
        to = null; // a credit frame of that channel is already on its way to the event loop
      }
    } finally {
      lock.unlock();
    }
    if (to != null) {
      to.connection.execute(to.creditTask);
    }
  }

  /** With the lock held: the waiting channel that got {@code buffer}, or null if it went back to the pool. */
  private InboundChannel giveFloating(NetworkBuffer buffer) {
    InboundChannel channel;
    while ((channel = waiting.pollFirst()) != null) {
      channel.waitingForFloating = false;
      if (channel.needsFloating()) {
        channel.floating.addLast(buffer);
        if (channel.needsFloating()) {
          channel.waitingForFloating = true;
          waiting.addLast(channel);
        }
        return channel;
      }
    }
    floating.addFirst(buffer);
    return null;
  }

  /**
   * A channel's END_OF_INPUT arrived: it takes no more data, so its floating buffers go to others.
   * False if the channel was released meanwhile (nothing to deliver).
   */
  boolean ended(InboundChannel channel) {
    List<InboundChannel> credited = new ArrayList<>();
    lock.lock();
    try {
      if (channel.released) {
        return false;
      }
      channel.ended = true;
      channel.exclusive.clear();
      NetworkBuffer buffer;
      while ((buffer = channel.floating.pollFirst()) != null) {
        InboundChannel to = giveFloating(buffer);
        if (to != null) {
          credited.add(to);
        }
      }
    } finally {
      lock.unlock();
    }
    for (InboundChannel to : credited) {
      to.connection.sendCredit(to.stream, 1);
    }
    return true;
  }

  /** Fails the consumer when the connection a bound, unfinished channel used was lost. */
  void connectionLost(InboundChannel channel, RemoteChannelException cause) {
    lock.lock();
    try {
      if (closed || channel.ended || channel.released) {
        return;
      }
      channel.released = true;
    } finally {
      lock.unlock();
    }
    input.fail(cause);
  }

  /** Stops delivery: bound channels are released, buffers dropped. */
  void release() {
    List<InboundChannel> channels;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (InboundChannel channel : bound.values()) {
        channel.released = true;
        channel.exclusive.clear();
        channel.floating.clear();
      }
      channels = new ArrayList<>(bound.values());
      bound.clear();
      floating.clear();
      waiting.clear();
    } finally {
      lock.unlock();
    }
    for (InboundChannel channel : channels) {
      channel.connection.inboundEnded(channel);
    }
  }

  @Override
  public void close() {
    plane.unregister(this);
  }
}
