package io.weir.runtime.rpc;

/**
 * Where a job, or one subtask of it, is in its life on a cluster. Codes are part of the protocol:
 * never renumber or reuse one. The embedded runtime keeps its own, smaller {@code local.JobStatus}.
 */
public enum ExecutionStatus {
  /** Accepted, not yet scheduled. */
  CREATED(0),
  /** Waiting for enough free slots. */
  SCHEDULED(1),
  /** Sent to TaskManagers, which fetch the jars and build their subtasks. */
  DEPLOYING(2),
  /** Every subtask runs. */
  RUNNING(3),
  /** Every source ended and every record was processed. */
  FINISHED(4),
  /** Failed and will not be restarted (or a subtask failed). */
  FAILED(5),
  /** A cancel was requested; subtasks are being stopped. */
  CANCELING(6),
  /** Cancelled on request. */
  CANCELED(7),
  /** An attempt failed; the next one starts after the restart strategy's delay. */
  RESTARTING(8);

  private static final ExecutionStatus[] BY_CODE = new ExecutionStatus[16];

  static {
    for (ExecutionStatus status : values()) {
      BY_CODE[status.code] = status;
    }
  }

  private final int code;

  ExecutionStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** FINISHED, FAILED or CANCELED: nothing will change any more. */
  public boolean isTerminal() {
    return this == FINISHED || this == FAILED || this == CANCELED;
  }

  public static ExecutionStatus ofCode(int code) {
    ExecutionStatus status = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    if (status == null) {
      throw new ProtocolException("unknown execution status " + code);
    }
    return status;
  }
}
