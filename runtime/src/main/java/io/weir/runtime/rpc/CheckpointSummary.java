package io.weir.runtime.rpc;

import io.weir.runtime.checkpoint.CheckpointType;
import java.util.Objects;

/**
 * One checkpoint or savepoint of a job as the JobManager reports it ({@code weir status}, the
 * attached submit). Figures summed or maximized over the subtasks that acknowledged so far.
 *
 * @param triggeredAtMillis when the coordinator triggered it (wall clock)
 * @param durationMillis from the trigger to completion or failure; so far while in progress
 * @param acknowledged subtasks that acknowledged their part
 * @param total subtasks that take part
 * @param syncMillis the longest synchronous part of any subtask
 * @param asyncMillis the longest asynchronous part of any subtask
 * @param alignmentMillis the longest barrier alignment of any subtask
 * @param stateBytes bytes of state the checkpoint refers to (shared files included)
 * @param writtenBytes bytes this checkpoint wrote (its incremental size)
 * @param inFlightBytes bytes of in-flight buffers unaligned snapshots stored
 * @param failure why it failed; empty otherwise
 * @param location where it was stored (its metadata file); empty unless completed
 * @param attempt the attempt that took it (0 for the first); ids keep growing across attempts
 */
public record CheckpointSummary(long id, CheckpointType type, Status status, long triggeredAtMillis, long durationMillis,
    int acknowledged, int total, long syncMillis, long asyncMillis, long alignmentMillis, long stateBytes,
    long writtenBytes, long inFlightBytes, String failure, String location, int attempt) {

  /** Where a checkpoint is. Codes are part of the protocol: never renumber or reuse one. */
  public enum Status {
    IN_PROGRESS(0), COMPLETED(1), FAILED(2);

    private final int code;

    Status(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    public static Status ofCode(int code) {
      for (Status status : values()) {
        if (status.code == code) {
          return status;
        }
      }
      throw new ProtocolException("unknown checkpoint status " + code);
    }
  }

  public CheckpointSummary {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(location, "location");
    if (id < 1 || attempt < 0) {
      throw new IllegalArgumentException("checkpoint ids start at 1 and attempts at 0, got " + id + ", " + attempt);
    }
  }
}
