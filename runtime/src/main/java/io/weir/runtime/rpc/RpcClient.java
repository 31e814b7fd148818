package io.weir.runtime.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Opens authenticated connections to {@link RpcServer}s; one event loop thread serves all of them. */
public final class RpcClient implements AutoCloseable {
  private final EventLoopGroup group = new NioEventLoopGroup(1);
  private final ClusterSecret secret;
  private final RpcOptions options;

  public RpcClient(ClusterSecret secret, RpcOptions options) {
    this.secret = secret;
    this.options = options;
  }

  /** Completes once the server has proven the secret and we have; fails if either side rejects the other. */
  public CompletableFuture<RpcConnection> connect(String host, int port, RpcEndpoint endpoint) {
    CompletableFuture<RpcConnection> ready = new CompletableFuture<>();
    ChannelFuture connected = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.handshakeTimeout().toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            RpcPipeline.initialize(ch.pipeline(), false, secret, options, endpoint, ready);
          }
        })
        .connect(host, port);
    connected.addListener(f -> {
      if (!f.isSuccess()) {
        ready.completeExceptionally(f.cause());
      }
    });
    return ready;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }
}
