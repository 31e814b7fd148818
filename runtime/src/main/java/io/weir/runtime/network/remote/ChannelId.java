package io.weir.runtime.network.remote;

/**
 * One channel across the cluster: the consuming subtask's gate channel, within one attempt of a job.
 *
 * @param consumerTask {@code TaskSpec.name()} of the consuming task
 * @param channelIndex the channel's index at the consumer's {@link io.weir.runtime.network.InputGate}
 */
public record ChannelId(String jobId, int attempt, String consumerTask, int consumerSubtask, int channelIndex) {
  public ChannelId {
    if (jobId == null || consumerTask == null) {
      throw new IllegalArgumentException("job id and consumer task are required");
    }
    if (attempt < 0 || consumerSubtask < 0 || channelIndex < 0) {
      throw new IllegalArgumentException("negative attempt, subtask or channel index: " + attempt + ", " + consumerSubtask + ", " + channelIndex);
    }
  }

  /** The consuming gate this channel belongs to. */
  GateKey gate() {
    return new GateKey(jobId, attempt, consumerTask, consumerSubtask);
  }

  @Override
  public String toString() {
    return jobId + "#" + attempt + "/" + consumerTask + "[" + consumerSubtask + "]:" + channelIndex;
  }
}
