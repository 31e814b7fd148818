package io.weir.runtime.rpc;

/** Wire codes of {@link Message}s. Codes are part of the protocol: never renumber or reuse one. */
public enum MessageType {
  HEARTBEAT(1),
  ERROR_REPLY(2),
  REGISTER_TASK_MANAGER(10),
  REGISTRATION_ACCEPTED(11),
  LIST_TASK_MANAGERS(12),
  TASK_MANAGER_LIST(13),
  BEGIN_UPLOAD(20),
  UPLOAD_STARTED(21),
  UPLOAD_CHUNK(22),
  UPLOAD_CHUNK_ACCEPTED(23),
  FINISH_UPLOAD(24),
  BLOB_STORED(25),
  SUBMIT_JOB(40),
  JOB_SUBMITTED(41),
  GET_JOB_STATUS(42),
  JOB_STATUS(43),
  LIST_JOBS(44),
  JOB_LIST(45),
  CANCEL_JOB(46),
  FOLLOW_JOB(47),
  JOB_STATUS_CHANGED(48),
  DEPLOY_ATTEMPT(49),
  SUBTASK_STATUS(50),
  CANCEL_ATTEMPT(51),
  RELEASE_ATTEMPT(52),
  FETCH_BLOB(53),
  BLOB_CHUNK(54),
  TRIGGER_CHECKPOINT(55),
  ACKNOWLEDGE_CHECKPOINT(56),
  DECLINE_CHECKPOINT(57),
  NOTIFY_CHECKPOINT_COMPLETE(58),
  NOTIFY_CHECKPOINT_ABORTED(59),
  TRIGGER_SAVEPOINT(60),
  SAVEPOINT_COMPLETED(61);

  private static final MessageType[] BY_CODE = new MessageType[128];

  static {
    for (MessageType type : values()) {
      BY_CODE[type.code] = type;
    }
  }

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type with this code; a {@link ProtocolException} for codes this version does not know. */
  public static MessageType ofCode(int code) {
    MessageType type = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    if (type == null) {
      throw new ProtocolException("unknown message type " + code);
    }
    return type;
  }
}
