package io.weir.runtime.network.remote;

/** One consuming subtask's input gate within one attempt of a job: what {@link DataPlane#registerGate} registers. */
record GateKey(String jobId, int attempt, String consumerTask, int consumerSubtask) {
  boolean ofJob(String job, int jobAttempt) {
    return jobId.equals(job) && attempt == jobAttempt;
  }

  @Override
  public String toString() {
    return jobId + "#" + attempt + "/" + consumerTask + "[" + consumerSubtask + "]";
  }
}
