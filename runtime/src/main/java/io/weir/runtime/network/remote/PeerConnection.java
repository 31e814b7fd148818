package io.weir.runtime.network.remote;

import io.netty.channel.Channel;
import io.netty.handler.codec.DecoderException;
import io.weir.runtime.rpc.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single connection between this TaskManager and one peer, carrying every channel between
 * them in both directions. Before it is up, outbound channels simply queue; once up, each is
 * announced and drains against its credit. When it is lost (or never comes up), every channel on it
 * fails with a cause naming the peer, and the {@link DataPlane} forgets it, so a later job attempt
 * connects afresh.
 */
final class PeerConnection {
  private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

  final String peerId;
  private final DataPlane plane;
  private final Map<Integer, OutboundChannel> outbound = new ConcurrentHashMap<>();
  private final Map<Integer, InboundChannel> inbound = new ConcurrentHashMap<>();
  // guarded by this
  private String peerName;
  private Channel channel;
  private RemoteChannelException failure;
  private Throwable lastError;
  private int nextStream;
  /** Highest stream id the peer announced: unknown streams at or below it ended or were released. */
  private volatile int maxAnnounced = -1;

  PeerConnection(DataPlane plane, String peerId, String peerName) {
    this.plane = plane;
    this.peerId = peerId;
    this.peerName = peerName;
  }

  synchronized String peerName() {
    return peerName;
  }

  synchronized boolean isFailed() {
    return failure != null;
  }

  synchronized boolean isActive() {
    return channel != null && failure == null;
  }

  /** The connection is authenticated and identified: announce and start every channel opened so far. */
  void activate(Channel active, String name) {
    List<OutboundChannel> toStart;
    synchronized (this) {
      if (failure != null || channel != null) {
        active.close();
        return;
      }
      channel = active;
      peerName = name;
      toStart = new ArrayList<>(outbound.values());
    }
    active.closeFuture().addListener(f -> lost("lost", null));
    active.eventLoop().execute(() -> {
      toStart.sort((a, b) -> Integer.compare(a.stream, b.stream));
      for (OutboundChannel stream : toStart) {
        stream.start(active);
      }
    });
    LOG.debug("data connection to {} is up", name);
  }

  /** A sending end for channel {@code id}; starts at once if the connection is up, else when it comes up. */
  OutboundChannel open(ChannelId id, int maxDataBytes) {
    OutboundChannel stream;
    Channel active;
    synchronized (this) {
      stream = new OutboundChannel(this, nextStream++, id, maxDataBytes);
      if (failure != null) {
        stream.fail(failure);
        return stream;
      }
      outbound.put(stream.stream, stream);
      active = channel;
    }
    if (active != null) {
      active.eventLoop().execute(() -> stream.start(active));
    }
    return stream;
  }

  /** The sender ANNOUNCEd a channel it will send on. */
  InboundChannel announced(int stream, ChannelId id) {
    InboundChannel channel = new InboundChannel(this, stream, id);
    if (inbound.putIfAbsent(stream, channel) != null) {
      throw new ProtocolException("stream " + stream + " announced twice by " + peerName());
    }
    if (stream > maxAnnounced) {
      maxAnnounced = stream; // written by the event loop only
    }
    return channel;
  }

  /** The receiving end of {@code stream}, or null if it ended or was released (late frames are dropped). */
  InboundChannel inbound(int stream) {
    return inbound.get(stream);
  }

  /** Whether a frame for an unknown {@code stream} is late (its channel ended or was released) rather than bogus. */
  boolean wasAnnounced(int stream) {
    return stream <= maxAnnounced;
  }

  OutboundChannel outbound(int stream) {
    return outbound.get(stream);
  }

  void finished(OutboundChannel stream) {
    outbound.remove(stream.stream, stream);
  }

  void inboundEnded(InboundChannel stream) {
    inbound.remove(stream.stream, stream);
  }

  /** Announces {@code credits} freed receive buffers of {@code stream} to the sender; from any thread. */
  void sendCredit(int stream, int credits) {
    Channel active;
    synchronized (this) {
      active = failure == null ? channel : null;
    }
    if (active != null) {
      active.writeAndFlush(WireFormat.credit(active.alloc(), stream, credits)); // a failed write means the connection is closing, which fails the channel anyway
    }
  }

  /** Runs {@code task} on the connection's event loop; dropped if the connection is not up (its channels fail anyway). */
  void execute(Runnable task) {
    Channel active;
    synchronized (this) {
      active = failure == null ? channel : null;
    }
    if (active != null) {
      try {
        active.eventLoop().execute(task);
      } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
        // the data plane is closing; every channel on this connection fails with it
      }
    }
  }

  synchronized void noteError(Throwable error) {
    if (lastError == null) {
      lastError = error;
    }
  }

  /**
   * The connection closed, could not be established, or the data plane shuts down: fails every
   * channel on it with "connection to PEER " + {@code what} (+ the reason, if any).
   */
  void lost(String what, Throwable cause) {
    RemoteChannelException failed;
    Channel toClose;
    synchronized (this) {
      if (failure != null) {
        return;
      }
      Throwable reason = cause != null ? cause : lastError;
      String message = "connection to " + peerName + " " + what + (reason != null ? ": " + describe(reason) : "");
      failure = reason != null ? new RemoteChannelException(message, reason) : new RemoteChannelException(message);
      failed = failure;
      toClose = channel;
    }
    if (toClose != null) {
      toClose.close();
    }
    plane.connectionLost(this);
    for (OutboundChannel stream : outbound.values()) {
      stream.fail(failed);
    }
    outbound.clear();
    for (InboundChannel stream : inbound.values()) {
      plane.inboundLost(stream, failed);
    }
    inbound.clear();
    LOG.info("{}", failed.getMessage());
  }

  private static String describe(Throwable reason) {
    Throwable t = reason instanceof DecoderException && reason.getCause() != null ? reason.getCause() : reason;
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  /** Drops every channel of a job attempt on this connection. */
  void releaseJob(String jobId, int attempt) {
    RemoteChannelException released = new RemoteChannelException("job " + jobId + " attempt " + attempt + " was released");
    outbound.values().removeIf(stream -> {
      if (stream.id.jobId().equals(jobId) && stream.id.attempt() == attempt) {
        stream.fail(released);
        return true;
      }
      return false;
    });
    inbound.values().removeIf(stream -> stream.id.jobId().equals(jobId) && stream.id.attempt() == attempt);
  }

  /** The open sending and receiving ends (for tests). */
  int channelCount() {
    return outbound.size() + inbound.size();
  }

  synchronized Channel nettyChannel() {
    return channel;
  }

  @Override
  public String toString() {
    return "PeerConnection[" + peerName() + "]";
  }
}
