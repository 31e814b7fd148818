package io.weir.runtime.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Accepts authenticated connections for an {@link RpcEndpoint}. Binds to loopback unless told
 * otherwise, and refuses any other address without a {@link ClusterSecret}: without one, anyone who
 * can reach the port could pass the handshake.
 */
public final class RpcServer implements AutoCloseable {
  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private final Channel serverChannel;

  private RpcServer(EventLoopGroup acceptor, EventLoopGroup workers, Channel serverChannel) {
    this.acceptor = acceptor;
    this.workers = workers;
    this.serverChannel = serverChannel;
  }

  /** Listens on {@code bindAddress:port} (port 0 = ephemeral); {@code bindAddress == null} means loopback. */
  public static RpcServer start(InetAddress bindAddress, int port, ClusterSecret secret, RpcOptions options,
      RpcEndpoint endpoint) throws InterruptedException {
    InetAddress address = bindAddress != null ? bindAddress : InetAddress.getLoopbackAddress();
    if (!address.isLoopbackAddress() && secret.isNone()) {
      throw new IllegalArgumentException("refusing to listen on " + address.getHostAddress()
          + " without a cluster secret (set " + ClusterSecret.ENVIRONMENT_VARIABLE + " or --secret-file)");
    }
    EventLoopGroup acceptorGroup = new NioEventLoopGroup(1);
    EventLoopGroup workers = new NioEventLoopGroup(2);
    try {
      Channel channel = new ServerBootstrap()
          .group(acceptorGroup, workers)
          .channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              RpcPipeline.initialize(ch.pipeline(), true, secret, options, endpoint, new CompletableFuture<>());
            }
          })
          .bind(new InetSocketAddress(address, port)).sync().channel();
      return new RpcServer(acceptorGroup, workers, channel);
    } catch (RuntimeException | InterruptedException e) {
      acceptorGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Stops accepting, closes every connection and waits (briefly) for the event loops to end. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }
}
