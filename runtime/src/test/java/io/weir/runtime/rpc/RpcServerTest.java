package io.weir.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RpcServerTest {
  private static final ClusterSecret SECRET = ClusterSecret.of("test-cluster-secret-0123456789");
  private static final RpcOptions OPTIONS = RpcOptions.DEFAULT.withMaxFrameBytes(4096);
  private static final Message.TaskManagerList REPLY =
      new Message.TaskManagerList(List.of(new Message.TaskManagerInfo("tm", "127.0.0.1", 1, 2)));

  private final AtomicInteger disconnects = new AtomicInteger();
  private RpcServer server;
  private RpcClient client;

  @BeforeEach
  void start() throws InterruptedException {
    server = RpcServer.start(null, 0, SECRET, OPTIONS, new RpcEndpoint() {
      @Override
      public Message onMessage(RpcConnection connection, Message message) {
        if (message instanceof Message.RegisterTaskManager) {
          throw new IllegalStateException("not here");
        }
        return REPLY;
      }

      @Override
      public void onDisconnected(RpcConnection connection) {
        disconnects.incrementAndGet();
      }
    });
    client = new RpcClient(SECRET, OPTIONS);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private RpcConnection connect(RpcClient with) throws Exception {
    return with.connect("127.0.0.1", server.localAddress().getPort(), (c, m) -> null).get(5, TimeUnit.SECONDS);
  }

  /** The server still authenticates and answers: what every abuse test checks afterwards. */
  private void assertServerStillServes() throws Exception {
    RpcConnection connection = connect(client);
    assertEquals(REPLY, connection.request(new Message.ListTaskManagers(), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS));
    connection.close().get(5, TimeUnit.SECONDS);
  }

  @Test
  void requestGetsItsReplyAndErrorsComeBackAsRemoteExceptions() throws Exception {
    assertTrue(server.localAddress().getAddress().isLoopbackAddress());
    assertServerStillServes();
    RpcConnection connection = connect(client);
    ExecutionException e = assertThrows(ExecutionException.class, () -> connection
        .request(new Message.RegisterTaskManager("tm", "h", 1, 1), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof RpcConnection.RemoteException, e.toString());
    assertTrue(e.getCause().getMessage().contains("not here"), e.getCause().getMessage());
  }

  /** Opens a raw socket and reads the server's challenge, as any unauthenticated peer could. */
  private Socket rawPeer() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.localAddress().getPort());
    socket.setSoTimeout(5000);
    DataInputStream in = new DataInputStream(socket.getInputStream());
    assertEquals(Handshake.CHALLENGE_BYTES, in.readInt());
    in.readFully(new byte[Handshake.CHALLENGE_BYTES]);
    return socket;
  }

  /** The server closed the socket (EOF or reset) rather than leaving it open. */
  private static void assertClosedByServer(Socket socket) throws IOException {
    try {
      int read = socket.getInputStream().read();
      assertEquals(-1, read, "expected the server to close the connection");
    } catch (SocketTimeoutException e) {
      throw new AssertionError("server left the connection open", e);
    } catch (IOException reset) {
      // connection reset also means closed
    } finally {
      socket.close();
    }
  }

  @Test
  void garbageBytesCloseTheConnectionAndTheServerCarriesOn() throws Exception {
    try (Socket socket = rawPeer()) {
      byte[] garbage = new byte[200];
      new java.util.Random(42).nextBytes(garbage);
      garbage[0] = 0; // a plausible small length, so it is the handshake parser that rejects it
      garbage[1] = 0;
      garbage[2] = 0;
      garbage[3] = 50;
      socket.getOutputStream().write(garbage);
      assertClosedByServer(socket);
    }
    assertServerStillServes();
  }

  @Test
  void oversizedFrameBeforeAuthenticationIsRefusedFromItsHeader() throws Exception {
    try (Socket socket = rawPeer()) {
      new DataOutputStream(socket.getOutputStream()).writeInt(Integer.MAX_VALUE);
      assertClosedByServer(socket);
    }
    assertServerStillServes();
  }

  @Test
  void oversizedFrameAfterAuthenticationClosesTheConnection() throws Exception {
    RpcConnection connection = connect(client);
    // a legal message, but larger than the 4096-byte frame limit
    connection.send(new Message.ErrorReply("x".repeat(10_000)));
    connection.closeFuture().get(5, TimeUnit.SECONDS);
    assertServerStillServes();
  }

  @Test
  void wrongSecretIsRejectedByTheServer() throws Exception {
    try (RpcClient impostor = new RpcClient(ClusterSecret.of("not-the-cluster-secret-at-all"), OPTIONS)) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> connect(impostor));
      assertTrue(e.getCause() instanceof RpcConnection.ConnectionClosedException, e.toString());
    }
    assertServerStillServes();
  }

  @Test
  void silentPeerIsDisconnectedAfterTheHandshakeTimeout() throws Exception {
    server.close();
    server = RpcServer.start(null, 0, SECRET, OPTIONS.withHandshakeTimeout(Duration.ofMillis(300)), (c, m) -> REPLY);
    try (Socket socket = rawPeer()) {
      assertClosedByServer(socket);
    }
  }

  @Test
  void hungPeerIsDisconnectedByTheHeartbeatTimeout() throws Exception {
    RpcOptions noHeartbeats = OPTIONS.withHeartbeats(Duration.ZERO, Duration.ofSeconds(30));
    try (RpcClient hung = new RpcClient(SECRET, noHeartbeats)) {
      RpcConnection connection = connect(hung);
      // the server's 1.5 s heartbeat timeout closes it; bounded by the test's own timeout
      connection.closeFuture().get(10, TimeUnit.SECONDS);
    }
    for (int i = 0; i < 100 && disconnects.get() == 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(1, disconnects.get());
  }

  @Test
  void refusesToListenBeyondLoopbackWithoutASecret() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RpcServer.start(InetAddress.getByName("0.0.0.0"), 0, ClusterSecret.NONE, OPTIONS, (c, m) -> null));
    assertTrue(e.getMessage().contains("without a cluster secret"), e.getMessage());
  }
}
