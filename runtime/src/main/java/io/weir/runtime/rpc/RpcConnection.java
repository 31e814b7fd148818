package io.weir.runtime.rpc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** An authenticated connection: one-way sends and requests whose replies come back as futures. Thread-safe. */
public final class RpcConnection {
  private final Channel channel;
  private final AtomicLong nextCorrelationId = new AtomicLong(1);
  private final ConcurrentHashMap<Long, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  RpcConnection(Channel channel) {
    this.channel = channel;
    channel.closeFuture().addListener(f -> {
      ConnectionClosedException cause = new ConnectionClosedException("connection to " + remoteAddress() + " closed");
      pending.values().forEach(p -> p.completeExceptionally(cause));
      pending.clear();
      closed.complete(null);
    });
  }

  public SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  /** Completes when the connection has closed. */
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  public void send(Message message) {
    channel.writeAndFlush(Envelope.oneWay(message));
  }

  /** Sends {@code message} and completes with the reply; an {@link Message.ErrorReply} completes it exceptionally. */
  public CompletableFuture<Message> request(Message message, Duration timeout) {
    long id = nextCorrelationId.getAndIncrement();
    CompletableFuture<Message> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ChannelFuture written = channel.writeAndFlush(new Envelope(Envelope.Kind.REQUEST, id, message));
    written.addListener(f -> {
      if (!f.isSuccess()) {
        failPending(id, new ConnectionClosedException("could not send " + message.type() + ": " + f.cause()));
      }
    });
    var timer = channel.eventLoop().schedule(
        () -> failPending(id, new TimeoutException(message.type() + " got no reply within " + timeout)),
        timeout.toMillis(), TimeUnit.MILLISECONDS);
    reply.whenComplete((r, e) -> timer.cancel(false)); // frees the timer at once on a reply
    return reply;
  }

  public CompletableFuture<Void> close() {
    channel.close();
    return closed;
  }

  void reply(long correlationId, Message message) {
    channel.writeAndFlush(new Envelope(Envelope.Kind.RESPONSE, correlationId, message));
  }

  void completeResponse(Envelope response) {
    CompletableFuture<Message> reply = pending.remove(response.correlationId());
    if (reply == null) {
      return; // timed out already; late replies are dropped
    }
    if (response.message() instanceof Message.ErrorReply error) {
      reply.completeExceptionally(new RemoteException(error.message()));
    } else {
      reply.complete(response.message());
    }
  }

  private void failPending(long id, Throwable cause) {
    CompletableFuture<Message> reply = pending.remove(id);
    if (reply != null) {
      reply.completeExceptionally(cause);
    }
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String toString() {
    return "RpcConnection[" + remoteAddress() + "]";
  }

  /** The request could not complete because the connection closed. */
  public static final class ConnectionClosedException extends RuntimeException {
    public ConnectionClosedException(String message) {
      super(message);
    }
  }

  /** The peer answered a request with an {@link Message.ErrorReply}. */
  public static final class RemoteException extends RuntimeException {
    public RemoteException(String message) {
      super(message);
    }
  }
}
