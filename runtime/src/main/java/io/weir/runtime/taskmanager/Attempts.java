package io.weir.runtime.taskmanager;

import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManager's side of the control connection: deploys, cancels and releases job attempts
 * on request of the JobManager, routes checkpoint triggers and notifications to them, and reports
 * their subtasks' statuses and checkpoint acknowledgements back over the connection the deployment
 * came on. Slow work (fetching jars, joining threads) runs on its own executor, never on
 * the connection's event loop.
 */
final class Attempts implements RpcEndpoint, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

  private final String taskManagerId;
  private final TaskDataPlane dataPlane;
  private final BlobCache cache;
  private final Map<String, AttemptExecution> byName = new ConcurrentHashMap<>();
  private final ExecutorService work = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "weir-taskmanager-work");
    thread.setDaemon(true);
    return thread;
  });
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "weir-taskmanager-flush");
    thread.setDaemon(true);
    return thread;
  });

  Attempts(String taskManagerId, TaskDataPlane dataPlane, BlobCache cache) {
    this.taskManagerId = taskManagerId;
    this.dataPlane = dataPlane;
    this.cache = cache;
  }

  int size() {
    return byName.size();
  }

  @Override
  public Message onMessage(RpcConnection connection, Message message) {
    switch (message.type()) {
      case DEPLOY_ATTEMPT -> {
        Message.DeployAttempt deploy = (Message.DeployAttempt) message;
        AttemptExecution attempt = new AttemptExecution(deploy, taskManagerId, dataPlane, connection::send, timer);
        if (byName.putIfAbsent(attempt.name(), attempt) != null) {
          throw new IllegalStateException("attempt " + attempt.name() + " is already deployed here");
        }
        LOG.info("Deploying attempt {} of job '{}'", attempt.name(), deploy.submission().jobName());
        work.execute(() -> attempt.deploy(cache, connection));
      }
      case CANCEL_ATTEMPT -> {
        Message.CancelAttempt cancel = (Message.CancelAttempt) message;
        AttemptExecution attempt = byName.get(cancel.jobId() + "#" + cancel.attempt());
        if (attempt != null) {
          work.execute(attempt::cancel);
        }
      }
      case RELEASE_ATTEMPT -> {
        Message.ReleaseAttempt release = (Message.ReleaseAttempt) message;
        AttemptExecution attempt = byName.remove(release.jobId() + "#" + release.attempt());
        if (attempt != null) {
          work.execute(attempt::release);
        }
      }
      case TRIGGER_CHECKPOINT -> {
        Message.TriggerCheckpoint trigger = (Message.TriggerCheckpoint) message;
        AttemptExecution attempt = byName.get(trigger.jobId() + "#" + trigger.attempt());
        if (attempt != null) {
          attempt.triggerCheckpoint(trigger);
        } else {
          connection.send(new Message.DeclineCheckpoint(trigger.jobId(), trigger.attempt(), trigger.checkpointId(),
              trigger.task(), trigger.subtask(), "attempt " + trigger.attempt() + " is not deployed on TaskManager "
                  + taskManagerId));
        }
      }
      case NOTIFY_CHECKPOINT_COMPLETE -> {
        Message.NotifyCheckpointComplete notify = (Message.NotifyCheckpointComplete) message;
        AttemptExecution attempt = byName.get(notify.jobId() + "#" + notify.attempt());
        if (attempt != null) {
          attempt.notifyCheckpoint(notify.checkpointId(), true);
        }
      }
      case NOTIFY_CHECKPOINT_ABORTED -> {
        Message.NotifyCheckpointAborted notify = (Message.NotifyCheckpointAborted) message;
        AttemptExecution attempt = byName.get(notify.jobId() + "#" + notify.attempt());
        if (attempt != null) {
          attempt.notifyCheckpoint(notify.checkpointId(), false);
        }
      }
      default -> throw new IllegalArgumentException("the TaskManager does not handle " + message.type());
    }
    return null;
  }

  /** Cancels and releases every attempt: the JobManager that deployed them is gone. */
  void cancelAll(String why) {
    List<AttemptExecution> all = new ArrayList<>(byName.values());
    byName.clear();
    if (!all.isEmpty()) {
      LOG.warn("Cancelling {} attempt(s): {}", all.size(), why);
    }
    for (AttemptExecution attempt : all) {
      try {
        work.execute(attempt::release);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        attempt.cancel();
      }
    }
  }

  @Override
  public void close() {
    cancelAll("the TaskManager is stopping");
    work.shutdown();
    try {
      work.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timer.shutdownNow();
  }
}
