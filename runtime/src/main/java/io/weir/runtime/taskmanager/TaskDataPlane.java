package io.weir.runtime.taskmanager;

import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.rpc.SubtaskPlacement;
import java.util.Set;

/**
 * What a TaskManager needs of its data plane: connections to the TaskManagers its subtasks exchange
 * records with, a target per channel to a remote consumer, delivery of remote channels into a local
 * gate, and dropping everything of an ended attempt. {@link #NONE} serves a TaskManager that runs
 * every subtask of its jobs itself (all channels local).
 */
public interface TaskDataPlane extends AutoCloseable {
  /** The port the data plane listens on; 0 without one. */
  int port();

  /** Makes sure a connection to the TaskManager at {@code peer} exists or is being made. */
  void ensureConnected(SubtaskPlacement peer);

  /** The sender side of channel {@code channelIndex} into subtask {@code consumerSubtask} of {@code consumerTask}, placed at {@code peer}. */
  ChannelTarget remoteTarget(SubtaskPlacement peer, String jobId, int attempt, String consumerTask, int consumerSubtask,
      int channelIndex);

  /** Delivers the buffers of the remote channels {@code remoteChannels} of a local consuming subtask into {@code gate}. */
  AutoCloseable registerGate(String jobId, int attempt, String consumerTask, int consumerSubtask, Set<Integer> remoteChannels,
      InputGate gate);

  /** Drops every channel and registration of the attempt. */
  void releaseJob(String jobId, int attempt);

  @Override
  void close();

  TaskDataPlane NONE = new TaskDataPlane() {
    @Override
    public int port() {
      return 0;
    }

    @Override
    public void ensureConnected(SubtaskPlacement peer) {
      throw unavailable();
    }

    @Override
    public ChannelTarget remoteTarget(SubtaskPlacement peer, String jobId, int attempt, String consumerTask,
        int consumerSubtask, int channelIndex) {
      throw unavailable();
    }

    @Override
    public AutoCloseable registerGate(String jobId, int attempt, String consumerTask, int consumerSubtask,
        Set<Integer> remoteChannels, InputGate gate) {
      throw unavailable();
    }

    @Override
    public void releaseJob(String jobId, int attempt) {}

    @Override
    public void close() {}

    private IllegalStateException unavailable() {
      return new IllegalStateException("this TaskManager has no data plane: it can only run jobs whose subtasks all run on it");
    }
  };
}
