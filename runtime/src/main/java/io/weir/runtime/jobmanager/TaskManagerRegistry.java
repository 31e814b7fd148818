package io.weir.runtime.jobmanager;

import io.weir.runtime.rpc.Message.TaskManagerInfo;
import io.weir.runtime.rpc.RpcConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManagers the JobManager can schedule onto. A TaskManager stays registered exactly as long
 * as its control connection is open: the transport closes that connection when the process dies
 * (reset) or stops heartbeating (timeout), which is how loss is detected.
 */
final class TaskManagerRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRegistry.class);

  private record Registration(TaskManagerInfo info, RpcConnection connection, long registeredAtMillis) {}

  private final Map<String, Registration> byId = new ConcurrentHashMap<>();

  /** Registers {@code info}; refuses an id that is still registered over another open connection. */
  void register(TaskManagerInfo info, RpcConnection connection) {
    Registration registration = new Registration(info, connection, System.currentTimeMillis());
    Registration previous = byId.putIfAbsent(info.taskManagerId(), registration);
    if (previous != null && previous.connection() != connection) {
      if (previous.connection().isOpen()) {
        throw new IllegalStateException("TaskManager " + info.taskManagerId() + " is already registered from "
            + previous.connection().remoteAddress());
      }
      byId.put(info.taskManagerId(), registration);
    }
    LOG.info("TaskManager {} registered from {} with {} slots", info.taskManagerId(), connection.remoteAddress(), info.slots());
  }

  /** Removes whatever was registered over {@code connection}; called when it closes. */
  void connectionClosed(RpcConnection connection) {
    byId.values().removeIf(registration -> {
      if (registration.connection() != connection) {
        return false;
      }
      LOG.warn("TaskManager {} lost: its connection from {} closed {} ms after registration",
          registration.info().taskManagerId(), connection.remoteAddress(),
          System.currentTimeMillis() - registration.registeredAtMillis());
      return true;
    });
  }

  /** The registered TaskManagers, sorted by id. */
  List<TaskManagerInfo> taskManagers() {
    List<TaskManagerInfo> infos = new ArrayList<>();
    byId.values().forEach(registration -> infos.add(registration.info()));
    infos.sort(Comparator.comparing(TaskManagerInfo::taskManagerId));
    return infos;
  }
}
