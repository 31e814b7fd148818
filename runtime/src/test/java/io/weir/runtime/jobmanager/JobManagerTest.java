package io.weir.runtime.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcClient;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcOptions;
import io.weir.runtime.taskmanager.TaskManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JobManager and TaskManagers in this JVM: registration, listing, loss on close and on silence. */
@Timeout(30)
class JobManagerTest {
  @TempDir Path blobs;

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("timed out waiting until " + what);
  }

  @Test
  void taskManagersRegisterAndAreRemovedWhenTheyStop() throws Exception {
    try (JobManager jobManager = JobManager.start(null, 0, ClusterSecret.NONE, RpcOptions.DEFAULT, blobs)) {
      int port = jobManager.address().getPort();
      TaskManager first = new TaskManager("127.0.0.1", port, 2, ClusterSecret.NONE, RpcOptions.DEFAULT);
      TaskManager second = new TaskManager("127.0.0.1", port, 3, ClusterSecret.NONE, RpcOptions.DEFAULT);
      try {
        assertEquals(jobManager.id(), first.start().get(10, TimeUnit.SECONDS));
        assertEquals(jobManager.id(), second.start().get(10, TimeUnit.SECONDS));
        assertEquals(5, jobManager.taskManagers().stream().mapToInt(Message.TaskManagerInfo::slots).sum());
        first.close();
        awaitTrue(() -> jobManager.taskManagers().size() == 1, "the stopped TaskManager is removed");
        assertEquals(second.id(), jobManager.taskManagers().get(0).taskManagerId());
      } finally {
        first.close();
        second.close();
      }
    }
  }

  @Test
  void listsOverRpcAndRejectsADuplicateId() throws Exception {
    try (JobManager jobManager = JobManager.start(null, 0, ClusterSecret.NONE, RpcOptions.DEFAULT, blobs);
        RpcClient client = new RpcClient(ClusterSecret.NONE, RpcOptions.DEFAULT)) {
      int port = jobManager.address().getPort();
      RpcConnection a = client.connect("127.0.0.1", port, (c, m) -> null).get(5, TimeUnit.SECONDS);
      RpcConnection b = client.connect("127.0.0.1", port, (c, m) -> null).get(5, TimeUnit.SECONDS);
      Message.RegisterTaskManager register = new Message.RegisterTaskManager("tm-x", "127.0.0.1", 0, 4);
      a.request(register, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      ExecutionException duplicate = assertThrows(ExecutionException.class,
          () -> b.request(register, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS));
      assertTrue(duplicate.getCause().getMessage().contains("already registered"), duplicate.getCause().getMessage());
      Message listed = b.request(new Message.ListTaskManagers(), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      assertEquals(new Message.TaskManagerList(List.of(new Message.TaskManagerInfo("tm-x", "127.0.0.1", 0, 4))), listed);
    }
  }

  @Test
  void aTaskManagerThatStopsHeartbeatingIsLostWithinTheTimeout() throws Exception {
    try (JobManager jobManager = JobManager.start(null, 0, ClusterSecret.NONE, RpcOptions.DEFAULT, blobs);
        RpcClient hung = new RpcClient(ClusterSecret.NONE, RpcOptions.DEFAULT.withHeartbeats(Duration.ZERO, Duration.ofSeconds(30)))) {
      RpcConnection connection = hung.connect("127.0.0.1", jobManager.address().getPort(), (c, m) -> null).get(5, TimeUnit.SECONDS);
      connection.request(new Message.RegisterTaskManager("tm-hung", "127.0.0.1", 0, 1), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      assertEquals(1, jobManager.taskManagers().size());
      // the connection stays open but silent: only the JobManager's heartbeat timeout (1.5 s) can notice
      awaitTrue(() -> jobManager.taskManagers().isEmpty(), "the silent TaskManager is lost");
      assertTrue(connection.closeFuture().isDone() || connection.closeFuture().get(5, TimeUnit.SECONDS) == null);
    }
  }
}
