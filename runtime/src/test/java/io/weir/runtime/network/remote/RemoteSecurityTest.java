package io.weir.runtime.network.remote;

import static io.weir.runtime.network.remote.TwoTaskManagers.JOB;
import static io.weir.runtime.network.remote.TwoTaskManagers.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.state.serialization.StringSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The data port's security baseline: only peers knowing the cluster secret get in, and garbage,
 * oversized or unknown frames close just that connection while the data plane keeps serving.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteSecurityTest {
  private static final int MAX_FRAME = 64 * 1024;
  private static final DataPlaneOptions OPTIONS = DataPlaneOptions.DEFAULT.withBuffers(2, 2, 1024).withMaxFrameBytes(MAX_FRAME);

  private final AtomicInteger attempts = new AtomicInteger();
  private TwoTaskManagers tms;

  @BeforeEach
  void start() throws Exception {
    tms = new TwoTaskManagers(OPTIONS);
  }

  @AfterEach
  void stop() {
    tms.close();
  }

  /** tm-a still gets records through to tm-b: what every abuse test checks afterwards. */
  private void assertStillServes() throws Exception {
    int attempt = attempts.incrementAndGet();
    InputGate gate = new InputGate(1);
    tms.b.registerGate(JOB, attempt, "sink", 0, Set.of(0), gate);
    GateReader reader = new GateReader(gate);
    List<String> records = Producer.records("ok", 1_000);
    Producer producer = producer(tms.a.remoteTarget(tms.peerB(), new ChannelId(JOB, attempt, "sink", 0, 0)), records);
    reader.done.get(20, TimeUnit.SECONDS);
    producer.done.get(5, TimeUnit.SECONDS);
    assertEquals(records, reader.channel(0));
  }

  private static Producer producer(ChannelTarget target, List<String> records) {
    return new Producer("producer", new BufferPool(4, 1024),
        pool -> new ForwardRecordWriter(StringSerializer.INSTANCE, pool, target, 0, "sink"), records);
  }

  /** A raw socket to tm-b's data port, past the server's CHALLENGE frame. */
  private Socket rawPeer() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), tms.b.address().getPort());
    socket.setSoTimeout(10_000);
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int length = in.readInt();
    in.readFully(new byte[length]);
    return socket;
  }

  private static void assertClosedByServer(Socket socket) throws IOException {
    try (socket) {
      assertEquals(-1, socket.getInputStream().read(), "the server closes the connection");
    } catch (java.net.SocketException reset) {
      // a reset is a close too
    }
  }

  @Test
  void garbageBytesBeforeAuthenticationCloseTheConnection() throws Exception {
    Socket socket = rawPeer();
    socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: weir\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertClosedByServer(socket);
    assertStillServes();
  }

  @Test
  void anOversizedLengthIsRejectedFromItsHeader() throws Exception {
    Socket socket = rawPeer();
    new DataOutputStream(socket.getOutputStream()).writeInt(Integer.MAX_VALUE);
    assertClosedByServer(socket);
    assertStillServes();
  }

  @Test
  void aForgedHelloIsRejected() throws Exception {
    Socket socket = rawPeer();
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeInt(69);
    out.writeInt(0x57454952);
    out.writeByte(1);
    out.write(new byte[64]); // a nonce and a proof made up without the secret
    assertClosedByServer(socket);
    assertStillServes();
  }

  @Test
  void aPeerWithAnotherSecretIsRejected() throws Exception {
    try (DataPlane intruder = DataPlane.start("tm-0", null, 0, ClusterSecret.of("some-other-secret-0123456789"), OPTIONS)) {
      Producer producer = producer(intruder.remoteTarget(tms.peerB(), new ChannelId(JOB, 0, "sink", 0, 0)), Producer.records("x", 100_000));
      ExecutionException e = assertThrows(ExecutionException.class, () -> producer.done.get(20, TimeUnit.SECONDS));
      assertInstanceOf(RemoteChannelException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains("authentication"), e.getCause().getMessage());
    }
    assertEquals(0, tms.b.registrations());
    assertStillServes();
  }

  @Test
  void anOversizedFrameFromAnAuthenticatedPeerClosesItsConnectionOnly() throws Exception {
    // tm-0 allows itself larger frames than tm-b accepts: its 100 KB record breaks tm-b's 64 KiB limit
    try (DataPlane big = DataPlane.start("tm-0", null, 0, SECRET, OPTIONS.withMaxFrameBytes(1024 * 1024))) {
      InputGate gate = new InputGate(1);
      tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
      GateReader reader = new GateReader(gate);
      Producer producer = producer(big.remoteTarget(tms.peerB(), new ChannelId(JOB, 0, "sink", 0, 0)),
          List.of("small", "y".repeat(100_000), "after"));
      ExecutionException consumer = assertThrows(ExecutionException.class, () -> reader.done.get(20, TimeUnit.SECONDS));
      assertTrue(consumer.getCause().getMessage().contains("tm-0"), consumer.getCause().getMessage());
      // a failed gate throws at once, so the reader may or may not have got the record before the big one
      assertTrue(List.of("small").containsAll(reader.channel(0)), reader.channel(0).toString());
      // the producer may have shipped everything before the close reached it; its connection is gone either way
      while (big.connectionTo("tm-b") != null) {
        Thread.sleep(5);
      }
      producer.done.handle((ok, failed) -> null).get(20, TimeUnit.SECONDS);
    }
    assertStillServes();
  }

  @Test
  void anUnknownFrameTypeFromAnAuthenticatedPeerClosesItsConnectionOnly() throws Exception {
    try (DataPlane peer = DataPlane.start("tm-0", null, 0, SECRET, OPTIONS)) {
      peer.ensureConnected(tms.peerB());
      PeerConnection connection = peer.connectionTo("tm-b");
      while (!connection.isActive()) {
        Thread.sleep(5);
      }
      connection.nettyChannel().writeAndFlush(Unpooled.wrappedBuffer(new byte[] {99, 1, 2, 3}));
      connection.nettyChannel().closeFuture().await(10, TimeUnit.SECONDS);
      assertTrue(!connection.nettyChannel().isActive(), "tm-b closed the connection");
      while (!connection.isFailed()) {
        Thread.sleep(5);
      }
    }
    assertStillServes();
  }

  @Test
  void aSenderRefusesABufferLargerThanItsFrameLimit() throws Exception {
    InputGate gate = new InputGate(1);
    tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
    Producer producer = producer(tms.a.remoteTarget(tms.peerB(), new ChannelId(JOB, 0, "sink", 0, 0)), List.of("z".repeat(MAX_FRAME)));
    ExecutionException e = assertThrows(ExecutionException.class, () -> producer.done.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("frame limit"), e.getCause().getMessage());
    assertEquals(0, producer.pool.inUse());
  }

  @Test
  void listeningBeyondLoopbackNeedsASecret() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataPlane.start("tm-x", InetAddress.getByName("0.0.0.0"), 0, ClusterSecret.NONE, OPTIONS));
    assertTrue(e.getMessage().contains("secret"), e.getMessage());
    assertTrue(tms.b.address().getAddress().isLoopbackAddress());
  }
}
