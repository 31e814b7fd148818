/**
 * Weir's wire protocol: authenticated, framed, versioned RPC over Netty between the client, the
 * JobManager and TaskManagers.
 *
 * <h2>Frames</h2>
 * Every frame is a 4-byte big-endian payload length followed by the payload ({@link
 * io.weir.runtime.rpc.FrameDecoder}). Until the peer has authenticated the limit is the size of the
 * largest handshake frame (69 bytes); afterwards {@link io.weir.runtime.rpc.RpcOptions#maxFrameBytes()}
 * (16 MiB by default). A larger or negative length closes the connection from its header alone.
 *
 * <h2>Handshake</h2>
 * The server speaks first ({@link io.weir.runtime.rpc.Handshake}): CHALLENGE carries a 32-byte
 * server nonce; the client answers HELLO with its own nonce and HMAC-SHA256(secret, "weir-hello",
 * serverNonce, clientNonce); the server checks it in constant time and answers WELCOME with
 * HMAC-SHA256(secret, "weir-welcome", clientNonce, serverNonce), which the client checks. Only then
 * are message handlers installed: no byte from an unauthenticated peer reaches a general decoder.
 * A peer that does not finish within the handshake timeout is disconnected.
 *
 * <h2>Messages</h2>
 * An authenticated frame holds exactly one {@link io.weir.runtime.rpc.Envelope}: version (1 byte),
 * kind (one-way, request, response), {@link io.weir.runtime.rpc.MessageType} code (varint),
 * correlation id (8 bytes) and the body ({@link io.weir.runtime.rpc.MessageCodec}). Unknown versions,
 * kinds or types, truncated bodies and trailing bytes close the connection.
 *
 * <h2>Jobs</h2>
 * A client uploads jars (BEGIN_UPLOAD, UPLOAD_CHUNK, FINISH_UPLOAD) and submits (SUBMIT_JOB with a
 * {@link io.weir.runtime.rpc.JobSubmission}); GET_JOB_STATUS, LIST_JOBS, CANCEL_JOB answer with
 * {@link io.weir.runtime.rpc.JobInfo}s; after FOLLOW_JOB the JobManager pushes JOB_STATUS_CHANGED
 * (one-way) over that connection until the job ends. Towards TaskManagers everything is one-way:
 * DEPLOY_ATTEMPT (the whole placement of an attempt), CANCEL_ATTEMPT, RELEASE_ATTEMPT; TaskManagers
 * answer with SUBTASK_STATUS reports and fetch jars with FETCH_BLOB requests (one chunk each).
 * Statuses travel as {@link io.weir.runtime.rpc.ExecutionStatus} codes. Job messages use codes
 * 40-54 ({@link io.weir.runtime.rpc.JobMessageCodec}).
 *
 * <h2>Checkpoints</h2>
 * Codes 55-61 ({@link io.weir.runtime.rpc.CheckpointMessageCodec}). The JobManager's coordinator
 * sends TRIGGER_CHECKPOINT to the TaskManager of each source subtask of the running attempt and
 * NOTIFY_CHECKPOINT_COMPLETE / NOTIFY_CHECKPOINT_ABORTED to every TaskManager of the attempt;
 * TaskManagers answer with ACKNOWLEDGE_CHECKPOINT (the subtask's manifests and figures) or
 * DECLINE_CHECKPOINT. All carry job id and attempt: messages of an earlier attempt are dropped. A
 * client's TRIGGER_SAVEPOINT request is answered with SAVEPOINT_COMPLETED (the savepoint's directory)
 * or an ERROR_REPLY. DEPLOY_ATTEMPT names the job's checkpoint directory and what the attempt
 * restores from; JobInfo carries checkpoint counts and the last few checkpoints.
 *
 * <h2>Liveness</h2>
 * Each side sends a heartbeat when it has written nothing for the heartbeat interval (500 ms) and
 * closes the connection when it has read nothing for the heartbeat timeout (1.5 s). A killed peer is
 * noticed at once through the reset connection; a hung one within the timeout.
 *
 * <h2>Failures</h2>
 * Any exception on a connection closes that connection with a logged reason ({@link
 * io.weir.runtime.rpc.ConnectionGuard}); the process keeps serving others. Servers bind to loopback
 * by default and refuse other addresses without a {@link io.weir.runtime.rpc.ClusterSecret}.
 */
package io.weir.runtime.rpc;
