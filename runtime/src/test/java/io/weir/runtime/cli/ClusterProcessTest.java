package io.weir.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcClient;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcOptions;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A JobManager and two TaskManagers as separate operating-system processes on loopback. */
@Timeout(90)
class ClusterProcessTest {
  /** The bound on detecting a killed TaskManager. */
  private static final long DETECTION_BOUND_MILLIS = 2000;

  @TempDir Path logs;

  private static Set<String> registered(RpcConnection jobManager) throws Exception {
    Message reply = jobManager.request(new Message.ListTaskManagers(), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
    return ((Message.TaskManagerList) reply).taskManagers().stream()
        .map(Message.TaskManagerInfo::taskManagerId).collect(Collectors.toSet());
  }

  @Test
  void taskManagersRegisterAndAKilledOneIsDetectedWithinTwoSeconds() throws Exception {
    ClusterProcess jobManager = null;
    ClusterProcess first = null;
    ClusterProcess second = null;
    try (RpcClient client = new RpcClient(ClusterSecret.NONE, RpcOptions.DEFAULT)) {
      jobManager = ClusterProcess.start(logs, "jobmanager", "jobmanager", "--port", "0");
      String address = jobManager.awaitLine(JobManagerCommand.LISTENING, 30);
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      assertTrue(address.startsWith("127."), "binds to loopback by default: " + address);

      first = ClusterProcess.start(logs, "tm1", "taskmanager", "--jobmanager", "127.0.0.1:" + port, "--slots", "2");
      second = ClusterProcess.start(logs, "tm2", "taskmanager", "--jobmanager", "127.0.0.1:" + port, "--slots", "2");
      String firstId = first.awaitLine(TaskManagerCommand.STARTED, 30);
      String secondId = second.awaitLine(TaskManagerCommand.STARTED, 30);

      RpcConnection connection = client.connect("127.0.0.1", port, (c, m) -> null).get(10, TimeUnit.SECONDS);
      for (int i = 0; i < 300 && registered(connection).size() < 2; i++) {
        Thread.sleep(50);
      }
      assertEquals(Set.of(firstId, secondId), registered(connection));

      long killedAt = System.nanoTime();
      first.kill();
      long detectedAfterMillis = -1;
      for (int i = 0; i < 200; i++) {
        if (registered(connection).equals(Set.of(secondId))) {
          detectedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
          break;
        }
        Thread.sleep(20);
      }
      assertTrue(detectedAfterMillis >= 0, "the killed TaskManager was never removed");
      assertTrue(detectedAfterMillis < DETECTION_BOUND_MILLIS, "detected after " + detectedAfterMillis + " ms");
      assertTrue(jobManager.isAlive() && second.isAlive());
    } finally {
      for (ClusterProcess process : new ClusterProcess[] {first, second, jobManager}) {
        if (process != null) {
          process.close();
        }
      }
    }
  }

  @Test
  void garbageAndOversizedFramesLeaveTheJobManagerRunning() throws Exception {
    ClusterProcess jobManager = ClusterProcess.start(logs, "jobmanager", "jobmanager", "--port", "0");
    try (RpcClient client = new RpcClient(ClusterSecret.NONE, RpcOptions.DEFAULT)) {
      String address = jobManager.awaitLine(JobManagerCommand.LISTENING, 30);
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
      for (byte[] abuse : List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(), new byte[] {0x7f, -1, -1, -1, 1, 2, 3})) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
          socket.setSoTimeout(5000);
          new DataOutputStream(socket.getOutputStream()).write(abuse);
          // the JobManager closes the connection: reading reaches end of stream (after its challenge)
          byte[] sink = new byte[256];
          int total = 0;
          for (int n; total < 10_000 && (n = socket.getInputStream().read(sink)) != -1; ) {
            total += n;
          }
        } catch (java.net.SocketException reset) {
          // a reset is a close too
        }
      }
      assertTrue(jobManager.isAlive());
      RpcConnection connection = client.connect("127.0.0.1", port, (c, m) -> null).get(10, TimeUnit.SECONDS);
      assertEquals(Set.of(), registered(connection));
    } finally {
      jobManager.close();
    }
  }
}
