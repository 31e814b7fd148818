/**
 * The data plane between TaskManagers: records of subtasks in different processes travel here,
 * while subtasks in one process exchange buffers through their {@link io.weir.runtime.network.InputGate}
 * directly. Entry point: {@link io.weir.runtime.network.remote.DataPlane}, one per TaskManager.
 *
 * <h2>Connections and the dialing rule</h2>
 * One TCP connection per pair of TaskManagers carries every channel between them, in both
 * directions. The TaskManager whose id sorts lower ({@link java.lang.String#compareTo}) dials; the
 * other only accepts, and fails its channels if the peer has not connected within the connect
 * timeout. So both sides can ask for the connection at once ({@code ensureConnected}) without ever
 * opening two. A connection is authenticated with the rpc HMAC handshake and the cluster secret
 * ({@link io.weir.runtime.rpc.AuthenticatedPipeline}) before any byte is parsed as a data frame;
 * the dialer's first frame then says who it is and whom it meant to reach (IDENTIFY). The port binds
 * to loopback unless given another address, which requires a secret.
 *
 * <h2>Frames</h2>
 * Every frame is a 4-byte length and a payload of at most {@code maxFrameBytes}
 * ({@link io.weir.runtime.network.remote.WireFormat}): ANNOUNCE opens a channel (the sender's stream
 * number for a {@link io.weir.runtime.network.remote.ChannelId}), BUFFER carries one buffer exactly as
 * the record writer filled it (record count, the sender's backlog, the serialized bytes), EVENT an
 * event in order with the buffers (a one-byte code and a payload, see
 * {@link io.weir.runtime.network.remote.EventCodec}: end of input, watermarks, idleness, checkpoint
 * barriers and cancel markers), CREDIT goes back from receiver to sender. A malformed, unknown or
 * oversized frame closes the connection with a logged reason; the process keeps serving.
 *
 * <h2>Credit-based flow control</h2>
 * As in Flink: a receiving channel owns {@code buffersPerChannel} exclusive buffers and announces
 * each as one credit once its gate is registered (so senders that start earlier simply wait). The
 * sender ships a data buffer only against a credit, else queues it; queued buffers still belong to
 * the producer's {@link io.weir.runtime.network.BufferPool}, so a consumer that does not recycle
 * stalls only its own producers, in {@code BufferPool.request()}, while other channels on the same
 * connection keep flowing. Each BUFFER reports the sender's backlog; the receiver lends floating
 * buffers of the gate ({@code floatingBuffersPerGate}) to channels whose backlog exceeds their
 * credit. When the consumer recycles a received buffer, its credit goes back to the sender. Events
 * need no credit, but keep their place after the data queued before them (an aligned barrier must).
 * An unaligned checkpoint barrier ({@code ChannelTarget.addPriority}) is the exception: it is shipped
 * ahead of the data still queued for credit, counting the buffers it jumped into its
 * {@code overtaken}, and the receiver hands it to {@code InputGate.addPriority}, where it also jumps
 * (and counts) the channel's buffers queued in the gate.
 *
 * <p>Sent buffers return to the producer's pool once written to the socket, and the socket is
 * flushed after every batch the event loop writes, so no latency is added to the producer's buffer
 * timeout.
 *
 * <h2>Failures and cleanup</h2>
 * When a connection is lost, every sending channel on it fails (the producer's next
 * {@code add} throws {@link io.weir.runtime.network.remote.RemoteChannelException} naming the peer)
 * and every registered gate with an unfinished channel on it is failed
 * ({@link io.weir.runtime.network.InputGate#fail}). A later job attempt connects afresh.
 * {@code releaseJob} drops a job attempt's channels, queued buffers and registrations; {@code close}
 * fails everything and stops the event loops.
 */
package io.weir.runtime.network.remote;
