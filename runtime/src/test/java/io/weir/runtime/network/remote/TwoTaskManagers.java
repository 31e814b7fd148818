package io.weir.runtime.network.remote;

import io.weir.runtime.rpc.ClusterSecret;
import java.io.IOException;

/** Two data planes in one JVM on loopback, as two TaskManagers "tm-a" (dials) and "tm-b" (accepts). */
final class TwoTaskManagers implements AutoCloseable {
  static final ClusterSecret SECRET = ClusterSecret.of("data-plane-test-secret-0123456789");
  static final String JOB = "job-1";

  final DataPlane a;
  final DataPlane b;

  TwoTaskManagers(DataPlaneOptions options) throws IOException, InterruptedException {
    a = DataPlane.start("tm-a", null, 0, SECRET, options);
    DataPlane started = null;
    try {
      started = DataPlane.start("tm-b", null, 0, SECRET, options);
    } finally {
      if (started == null) {
        a.close();
      }
    }
    b = started;
  }

  static PeerAddress addressOf(DataPlane plane) {
    return new PeerAddress(plane.taskManagerId(), plane.address().getHostString(), plane.address().getPort());
  }

  PeerAddress peerA() {
    return addressOf(a);
  }

  PeerAddress peerB() {
    return addressOf(b);
  }

  /** Channel {@code channel} of subtask {@code subtask} of the consuming task "sink" in attempt 0 of the test job. */
  static ChannelId channel(int subtask, int channel) {
    return new ChannelId(JOB, 0, "sink", subtask, channel);
  }

  @Override
  public void close() {
    a.close();
    b.close();
  }
}
