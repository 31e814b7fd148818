package io.weir.runtime.network.remote;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.rpc.AuthenticatedPipeline;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.ProtocolException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A TaskManager's data plane: one authenticated TCP connection per peer TaskManager, multiplexing
 * every channel between the two in both directions, with credit-based flow control per channel.
 * The TaskManager whose id sorts lower dials; the other waits for it (both within the connect
 * timeout), so two TaskManagers never race to open two connections. See the package documentation
 * for the protocol.
 */
public final class DataPlane implements AutoCloseable {
  private final String taskManagerId;
  private final ClusterSecret secret;
  private final DataPlaneOptions options;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private Channel serverChannel;
  // guarded by this
  private final Map<String, PeerConnection> connections = new HashMap<>();
  private final Map<GateKey, RemoteGate> gates = new HashMap<>();
  private final Map<ChannelId, InboundChannel> unbound = new HashMap<>();
  /** Recently released job attempts: a late announcement for one is dropped instead of waiting for a gate forever. */
  private final Set<String> releasedAttempts = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_REMEMBERED_RELEASES;
    }
  });
  private static final int MAX_REMEMBERED_RELEASES = 1024;
  private boolean closed;

  private DataPlane(String taskManagerId, ClusterSecret secret, DataPlaneOptions options) {
    this.taskManagerId = taskManagerId;
    this.secret = secret;
    this.options = options;
    this.acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory(threadPrefix(taskManagerId) + "accept", true));
    this.workers = new NioEventLoopGroup(2, new DefaultThreadFactory(threadPrefix(taskManagerId) + "io", true));
  }

  /** Prefix of the names of a data plane's threads (all gone after {@link #close()}). */
  static String threadPrefix(String taskManagerId) {
    return "weir-data-" + taskManagerId + "-";
  }

  /** Listens on bindAddress:port (null = loopback, 0 = ephemeral). Non-loopback binding requires a secret (like RpcServer). */
  public static DataPlane start(String taskManagerId, InetAddress bindAddress, int port, ClusterSecret secret,
      DataPlaneOptions options) throws InterruptedException, IOException {
    if (taskManagerId == null || taskManagerId.isEmpty()) {
      throw new IllegalArgumentException("a data plane needs its TaskManager's id");
    }
    InetAddress address = AuthenticatedPipeline.checkedBindAddress(bindAddress, secret);
    DataPlane plane = new DataPlane(taskManagerId, secret, options);
    try {
      plane.serverChannel = new ServerBootstrap()
          .group(plane.acceptor, plane.workers)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              AuthenticatedPipeline.initialize(ch.pipeline(), true, secret, options.handshakeTimeout(), options.maxFrameBytes(),
                  p -> p.addBefore(AuthenticatedPipeline.GUARD, "data", new DataFrameHandler(plane, null)));
            }
          })
          .bind(new InetSocketAddress(address, port)).sync().channel();
      return plane;
    } catch (Exception e) {
      plane.close(); // no event loop thread outlives a failed start
      if (e instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (e instanceof RuntimeException runtime && !(e.getCause() instanceof IOException)) {
        throw runtime;
      }
      // Netty rethrows a failed bind's (checked) IOException as is
      Throwable cause = e instanceof IOException ? e : e.getCause();
      throw new IOException("data plane of TaskManager " + taskManagerId + " could not listen on "
          + address.getHostAddress() + ":" + port + ": " + cause.getMessage(), cause);
    }
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public String taskManagerId() {
    return taskManagerId;
  }

  /**
   * Called at deployment for every other TaskManager that hosts a subtask of the job; idempotent.
   * Makes sure the single connection to that peer exists or is being established (only one side dials).
   */
  public void ensureConnected(PeerAddress peer) {
    connection(peer);
  }

  private PeerConnection connection(PeerAddress peer) {
    int order = taskManagerId.compareTo(peer.taskManagerId());
    if (order == 0) {
      throw new IllegalArgumentException("TaskManager " + taskManagerId + " cannot connect to itself: local channels need no data plane");
    }
    PeerConnection connection;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the data plane of TaskManager " + taskManagerId + " is closed");
      }
      PeerConnection existing = connections.get(peer.taskManagerId());
      if (existing != null && !existing.isFailed()) {
        return existing;
      }
      connection = new PeerConnection(this, peer.taskManagerId(), peer.toString());
      connections.put(peer.taskManagerId(), connection);
    }
    if (order < 0) {
      dial(connection, peer);
    } else {
      long timeout = options.connectTimeout().toMillis();
      workers.schedule(() -> {
        if (!connection.isActive()) {
          connection.lost("was not established within " + timeout + " ms (" + peer.taskManagerId()
              + " dials, as its id sorts before " + taskManagerId + ")", null);
        }
      }, timeout, TimeUnit.MILLISECONDS);
    }
    return connection;
  }

  private void dial(PeerConnection connection, PeerAddress peer) {
    ChannelFuture connected = new Bootstrap()
        .group(workers)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            AuthenticatedPipeline.initialize(ch.pipeline(), false, secret, options.handshakeTimeout(), options.maxFrameBytes(), p -> {
              p.addBefore(AuthenticatedPipeline.GUARD, "data", new DataFrameHandler(DataPlane.this, connection));
              ch.writeAndFlush(WireFormat.identify(ch.alloc(), taskManagerId, peer.taskManagerId()));
              connection.activate(ch, peer.toString());
            });
          }
        })
        .connect(peer.host(), peer.port());
    connected.addListener(f -> {
      if (!f.isSuccess()) {
        connection.lost("could not be established", f.cause());
        return;
      }
      connected.channel().closeFuture().addListener(c -> {
        if (!connection.isActive()) {
          connection.lost("closed during authentication (do both TaskManagers use the same cluster secret?)", null);
        }
      });
    });
  }

  /** On the event loop of an accepted connection whose peer identified itself. */
  PeerConnection accepted(Channel channel, String dialer, String expectedAcceptor) {
    if (!expectedAcceptor.equals(taskManagerId)) {
      throw new ProtocolException("TaskManager " + dialer + " meant to reach TaskManager " + expectedAcceptor
          + " but reached " + taskManagerId);
    }
    if (dialer.compareTo(taskManagerId) >= 0) {
      throw new ProtocolException("TaskManager " + dialer + " must not dial " + taskManagerId + ": the lower id dials");
    }
    PeerConnection replaced = null;
    PeerConnection connection;
    String name = "TaskManager " + dialer + " (" + channel.remoteAddress() + ")";
    synchronized (this) {
      if (closed) {
        throw new ProtocolException("the data plane is closing");
      }
      connection = connections.get(dialer);
      if (connection == null || connection.isFailed() || connection.isActive()) {
        replaced = connection != null && connection.isActive() ? connection : null;
        connection = new PeerConnection(this, dialer, name);
        connections.put(dialer, connection);
      }
    }
    if (replaced != null) {
      // the peer dials again only after it lost the old connection, which is then dead on this side too
      replaced.lost("was replaced by a new connection from the peer", null);
    }
    connection.activate(channel, name);
    return connection;
  }

  /** Sender side: a target shipping channel {@code id}'s buffers to {@code peer} (see {@link OutboundChannel}). */
  public ChannelTarget remoteTarget(PeerAddress peer, ChannelId id) {
    return connection(peer).open(id, options.maxFrameBytes() - WireFormat.BUFFER_HEADER_BYTES);
  }

  /**
   * Receiver side: remote buffers of channels (jobId, attempt, consumerTask, consumerSubtask,
   * channelIndex in remoteChannels) are delivered into {@code gate}. Credits for a channel are
   * announced only once it is registered, so senders that start earlier simply wait. If the
   * connection a registered channel uses is lost before its EndOfInput arrived, the gate is failed.
   */
  public GateRegistration registerGate(String jobId, int attempt, String consumerTask, int consumerSubtask,
      Set<Integer> remoteChannels, InputGate gate) {
    for (int channel : remoteChannels) {
      if (channel < 0 || channel >= gate.channels()) {
        throw new IllegalArgumentException("remote channel " + channel + " is not a channel of a gate with " + gate.channels());
      }
    }
    GateKey key = new GateKey(jobId, attempt, consumerTask, consumerSubtask);
    RemoteGate registration = new RemoteGate(this, key, remoteChannels, gate, options);
    List<InboundChannel> waiting = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the data plane of TaskManager " + taskManagerId + " is closed");
      }
      if (gates.putIfAbsent(key, registration) != null) {
        throw new IllegalStateException("gate " + key + " is already registered");
      }
      unbound.values().removeIf(channel -> {
        if (channel.id.gate().equals(key)) {
          waiting.add(channel);
          return true;
        }
        return false;
      });
    }
    for (InboundChannel channel : waiting) {
      bind(registration, channel);
    }
    return registration;
  }

  /** On the event loop: a peer announced a channel it sends on; bind it now or once its gate registers. */
  void announced(InboundChannel channel) {
    RemoteGate registration;
    synchronized (this) {
      registration = gates.get(channel.id.gate());
      if (registration == null && releasedAttempts.contains(attemptKey(channel.id.jobId(), channel.id.attempt()))) {
        channel.connection.inboundEnded(channel); // its frames are dropped; the sender gets no credit
        return;
      }
      if (registration == null) {
        if (unbound.putIfAbsent(channel.id, channel) != null) {
          throw new ProtocolException("channel " + channel.id + " announced twice");
        }
        return;
      }
    }
    bind(registration, channel);
  }

  private void bind(RemoteGate registration, InboundChannel channel) {
    if (!registration.bind(channel) && !registration.remoteChannels.contains(channel.id.channelIndex())) {
      registration.input.fail(new RemoteChannelException(channel.connection.peerName() + " sends on channel " + channel.id
          + ", which is not a remote channel of that gate"));
    }
  }

  private static String attemptKey(String jobId, int attempt) {
    return jobId + '#' + attempt;
  }

  void connectionLost(PeerConnection connection) {
    synchronized (this) {
      connections.remove(connection.peerId, connection);
    }
  }

  void inboundLost(InboundChannel channel, RemoteChannelException cause) {
    RemoteGate registration = channel.gate();
    if (registration != null) {
      registration.connectionLost(channel, cause);
      return;
    }
    synchronized (this) {
      unbound.remove(channel.id, channel);
    }
  }

  void unregister(RemoteGate registration) {
    synchronized (this) {
      gates.remove(registration.key, registration);
    }
    registration.release();
  }

  /** Drops every channel, queued buffer and registration of that job attempt (after it ended, failed or was cancelled). */
  public void releaseJob(String jobId, int attempt) {
    List<RemoteGate> released = new ArrayList<>();
    List<PeerConnection> peers;
    synchronized (this) {
      gates.values().removeIf(registration -> {
        if (registration.key.ofJob(jobId, attempt)) {
          released.add(registration);
          return true;
        }
        return false;
      });
      unbound.keySet().removeIf(id -> id.jobId().equals(jobId) && id.attempt() == attempt);
      releasedAttempts.add(attemptKey(jobId, attempt));
      peers = new ArrayList<>(connections.values());
    }
    released.forEach(RemoteGate::release);
    for (PeerConnection peer : peers) {
      peer.releaseJob(jobId, attempt);
    }
  }

  /** For tests: the connection to {@code peerId}, or null. */
  synchronized PeerConnection connectionTo(String peerId) {
    return connections.get(peerId);
  }

  /** For tests: registered gates plus announced channels waiting for theirs. */
  synchronized int registrations() {
    return gates.size() + unbound.size();
  }

  /** Fails every channel, closes every connection and stops the event loops (waiting briefly for them). */
  @Override
  public void close() {
    List<PeerConnection> peers;
    List<RemoteGate> registered;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      peers = new ArrayList<>(connections.values());
      registered = new ArrayList<>(gates.values());
      gates.clear();
      unbound.clear();
    }
    for (PeerConnection peer : peers) {
      peer.lost("was closed: the data plane of TaskManager " + taskManagerId + " shut down", null);
    }
    registered.forEach(RemoteGate::release);
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return "DataPlane[" + taskManagerId + (serverChannel != null ? " @ " + serverChannel.localAddress() : "") + "]";
  }
}
