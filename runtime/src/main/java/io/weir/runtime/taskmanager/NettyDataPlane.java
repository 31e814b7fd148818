package io.weir.runtime.taskmanager;

import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.remote.ChannelId;
import io.weir.runtime.network.remote.DataPlane;
import io.weir.runtime.network.remote.PeerAddress;
import io.weir.runtime.rpc.SubtaskPlacement;
import java.util.Set;

/** A TaskManager's {@link TaskDataPlane} over the Netty {@link DataPlane}: one connection per pair of TaskManagers. */
public final class NettyDataPlane implements TaskDataPlane {
  private final DataPlane dataPlane;

  /** Takes ownership of {@code dataPlane}: closing this closes it. */
  public NettyDataPlane(DataPlane dataPlane) {
    this.dataPlane = dataPlane;
  }

  @Override
  public int port() {
    return dataPlane.address().getPort();
  }

  @Override
  public void ensureConnected(SubtaskPlacement peer) {
    dataPlane.ensureConnected(address(peer));
  }

  @Override
  public ChannelTarget remoteTarget(SubtaskPlacement peer, String jobId, int attempt, String consumerTask, int consumerSubtask,
      int channelIndex) {
    return dataPlane.remoteTarget(address(peer), new ChannelId(jobId, attempt, consumerTask, consumerSubtask, channelIndex));
  }

  @Override
  public AutoCloseable registerGate(String jobId, int attempt, String consumerTask, int consumerSubtask,
      Set<Integer> remoteChannels, InputGate gate) {
    return dataPlane.registerGate(jobId, attempt, consumerTask, consumerSubtask, remoteChannels, gate);
  }

  @Override
  public void releaseJob(String jobId, int attempt) {
    dataPlane.releaseJob(jobId, attempt);
  }

  @Override
  public void close() {
    dataPlane.close();
  }

  private static PeerAddress address(SubtaskPlacement placement) {
    return new PeerAddress(placement.taskManagerId(), placement.host(), placement.dataPort());
  }
}
