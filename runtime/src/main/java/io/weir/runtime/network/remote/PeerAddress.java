package io.weir.runtime.network.remote;

/** Where a TaskManager's data plane listens. */
public record PeerAddress(String taskManagerId, String host, int port) {
  public PeerAddress {
    if (taskManagerId == null || taskManagerId.isEmpty() || host == null) {
      throw new IllegalArgumentException("a peer needs a TaskManager id and a host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("bad port " + port + " for TaskManager " + taskManagerId);
    }
  }

  @Override
  public String toString() {
    return "TaskManager " + taskManagerId + " (" + host + ":" + port + ")";
  }
}
