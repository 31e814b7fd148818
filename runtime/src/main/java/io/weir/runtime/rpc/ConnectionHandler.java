package io.weir.runtime.rpc;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes decoded envelopes of an authenticated connection: heartbeats are consumed here, replies
 * complete their request's future, requests and one-way messages go to the {@link RpcEndpoint}.
 * Also turns idle events into heartbeats (writer idle) and disconnects (reader idle).
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<Envelope> {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  private final RpcEndpoint endpoint;
  private final CompletableFuture<RpcConnection> ready;
  private RpcConnection connection;

  ConnectionHandler(RpcEndpoint endpoint, CompletableFuture<RpcConnection> ready) {
    this.endpoint = endpoint;
    this.ready = ready;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    connection = new RpcConnection(ctx.channel());
    connection.closeFuture().thenRun(() -> ctx.executor().execute(() -> notifyDisconnected()));
    endpoint.onConnected(connection);
    ready.complete(connection);
  }

  private void notifyDisconnected() {
    try {
      endpoint.onDisconnected(connection);
    } catch (RuntimeException e) {
      LOG.warn("endpoint failed handling the close of {}", connection, e);
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Envelope envelope) {
    Message message = envelope.message();
    if (message instanceof Message.Heartbeat) {
      return; // reading it already reset the idle timer
    }
    switch (envelope.kind()) {
      case RESPONSE -> connection.completeResponse(envelope);
      case ONE_WAY -> handle(message);
      case REQUEST -> answer(envelope.correlationId(), message);
    }
  }

  private void handle(Message message) {
    try {
      endpoint.onMessage(connection, message);
    } catch (Exception e) {
      failureReply(message, e); // one-way: nobody to tell, but logged the same way
    }
  }

  /** Replies when the endpoint's stage completes: at once for synchronous endpoints, later (another thread) for slow work. */
  private void answer(long correlationId, Message message) {
    CompletionStage<Message> reply;
    try {
      reply = endpoint.onRequest(connection, message);
    } catch (Exception e) {
      reply = CompletableFuture.failedFuture(e);
    }
    if (reply == null) {
      reply = CompletableFuture.completedFuture(null);
    }
    reply.whenComplete((answer, failure) -> connection.reply(correlationId, failure != null
        ? failureReply(message, failure)
        : answer != null ? answer : new Message.ErrorReply("no reply to " + message.type())));
  }

  /** The reply for a failed request, logged as a refusal (bad request) or a failure (anything else). */
  private Message failureReply(Message message, Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
      // the endpoint refused a request (bad id, limit exceeded): the peer's problem, reported to it
      LOG.info("rejected {} from {}: {}", message.type(), connection.remoteAddress(), cause.getMessage());
      return new Message.ErrorReply(cause.getMessage());
    }
    LOG.warn("handling {} from {} failed", message.type(), connection.remoteAddress(), cause);
    return new Message.ErrorReply(message.type() + " failed: " + cause);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.WRITER_IDLE) {
        ctx.writeAndFlush(Envelope.oneWay(new Message.Heartbeat(System.currentTimeMillis())));
      } else if (idle.state() == IdleState.READER_IDLE) {
        LOG.warn("closing connection to {}: no message or heartbeat within the heartbeat timeout", ctx.channel().remoteAddress());
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, event);
  }
}
