package io.weir.runtime.rpc;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.network.CheckpointBarrier;
import java.util.List;
import java.util.Objects;

/**
 * Every control-plane message. Adding one means: a record here, a {@link MessageType} constant
 * with a new (never reused) code, and its encoding in {@link MessageCodec}.
 */
public sealed interface Message {
  MessageType type();

  /** Keeps an idle connection alive and lets each side detect a dead peer; handled by the transport. */
  record Heartbeat(long sentAtMillis) implements Message {
    public MessageType type() {
      return MessageType.HEARTBEAT;
    }
  }

  /** A failed request's reply. */
  record ErrorReply(String message) implements Message {
    public ErrorReply {
      Objects.requireNonNull(message);
    }

    public MessageType type() {
      return MessageType.ERROR_REPLY;
    }
  }

  /** TaskManager → JobManager: offers {@code slots} slots; {@code dataPort} is where its data plane listens. */
  record RegisterTaskManager(String taskManagerId, String host, int dataPort, int slots) implements Message {
    public RegisterTaskManager {
      Objects.requireNonNull(taskManagerId);
      Objects.requireNonNull(host);
      if (slots < 1) {
        throw new IllegalArgumentException("slots must be at least 1, got " + slots);
      }
    }

    public MessageType type() {
      return MessageType.REGISTER_TASK_MANAGER;
    }
  }

  /** The reply to {@link RegisterTaskManager}. */
  record RegistrationAccepted(String jobManagerId) implements Message {
    public RegistrationAccepted {
      Objects.requireNonNull(jobManagerId);
    }

    public MessageType type() {
      return MessageType.REGISTRATION_ACCEPTED;
    }
  }

  /** Asks the JobManager for the TaskManagers currently registered. */
  record ListTaskManagers() implements Message {
    public MessageType type() {
      return MessageType.LIST_TASK_MANAGERS;
    }
  }

  /** One registered TaskManager, as listed by {@link TaskManagerList}. */
  record TaskManagerInfo(String taskManagerId, String host, int dataPort, int slots) {
    public TaskManagerInfo {
      Objects.requireNonNull(taskManagerId);
      Objects.requireNonNull(host);
    }
  }

  /** The reply to {@link ListTaskManagers}, sorted by id. */
  record TaskManagerList(List<TaskManagerInfo> taskManagers) implements Message {
    public TaskManagerList {
      taskManagers = List.copyOf(taskManagers);
    }

    public MessageType type() {
      return MessageType.TASK_MANAGER_LIST;
    }
  }

  /** Client → JobManager: starts uploading a blob (a job jar) of {@code totalBytes} whose SHA-256 is {@code sha256}. */
  record BeginUpload(String sha256, long totalBytes) implements Message {
    public BeginUpload {
      Objects.requireNonNull(sha256);
      if (totalBytes < 0) {
        throw new IllegalArgumentException("negative upload size " + totalBytes);
      }
    }

    public MessageType type() {
      return MessageType.BEGIN_UPLOAD;
    }
  }

  /** The reply to {@link BeginUpload}: the id the chunks refer to. */
  record UploadStarted(long uploadId) implements Message {
    public MessageType type() {
      return MessageType.UPLOAD_STARTED;
    }
  }

  /**
   * The next bytes of an upload, sent as a request: waiting for each {@link UploadChunkAccepted}
   * keeps at most one chunk in flight, so a slow disk backpressures the uploader. Equality of
   * {@code data} is by identity (an array); compare contents where it matters.
   */
  record UploadChunk(long uploadId, byte[] data) implements Message {
    public UploadChunk {
      Objects.requireNonNull(data);
    }

    public MessageType type() {
      return MessageType.UPLOAD_CHUNK;
    }
  }

  /** The reply to {@link UploadChunk}: bytes received so far. */
  record UploadChunkAccepted(long uploadId, long receivedBytes) implements Message {
    public MessageType type() {
      return MessageType.UPLOAD_CHUNK_ACCEPTED;
    }
  }

  /** Ends an upload; the JobManager checks size and checksum before storing it. */
  record FinishUpload(long uploadId) implements Message {
    public MessageType type() {
      return MessageType.FINISH_UPLOAD;
    }
  }

  /** The reply to {@link FinishUpload}: stored under this SHA-256. */
  record BlobStored(String sha256) implements Message {
    public BlobStored {
      Objects.requireNonNull(sha256);
    }

    public MessageType type() {
      return MessageType.BLOB_STORED;
    }
  }

  // ---- jobs: client <-> JobManager (codes 40-48) ----

  /** Client → JobManager: runs a job from uploaded jars; the reply is {@link JobSubmitted}. */
  record SubmitJob(JobSubmission submission) implements Message {
    public SubmitJob {
      Objects.requireNonNull(submission);
    }

    public MessageType type() {
      return MessageType.SUBMIT_JOB;
    }
  }

  /** The reply to {@link SubmitJob}: the job's id. */
  record JobSubmitted(String jobId) implements Message {
    public JobSubmitted {
      Objects.requireNonNull(jobId);
    }

    public MessageType type() {
      return MessageType.JOB_SUBMITTED;
    }
  }

  /** Asks for one job's {@link JobStatus}. */
  record GetJobStatus(String jobId) implements Message {
    public GetJobStatus {
      Objects.requireNonNull(jobId);
    }

    public MessageType type() {
      return MessageType.GET_JOB_STATUS;
    }
  }

  /** A job's status: the reply to {@link GetJobStatus}, {@link CancelJob} and {@link FollowJob}. */
  record JobStatus(JobInfo job) implements Message {
    public JobStatus {
      Objects.requireNonNull(job);
    }

    public MessageType type() {
      return MessageType.JOB_STATUS;
    }
  }

  /** Asks for every job the JobManager knows: running ones and the bounded history of ended ones. */
  record ListJobs() implements Message {
    public MessageType type() {
      return MessageType.LIST_JOBS;
    }
  }

  /** The reply to {@link ListJobs}, oldest submission first. */
  record JobList(List<JobInfo> jobs) implements Message {
    public JobList {
      jobs = List.copyOf(jobs);
    }

    public MessageType type() {
      return MessageType.JOB_LIST;
    }
  }

  /** Asks to cancel a job; the reply is its {@link JobStatus} (CANCELING, or already ended). */
  record CancelJob(String jobId) implements Message {
    public CancelJob {
      Objects.requireNonNull(jobId);
    }

    public MessageType type() {
      return MessageType.CANCEL_JOB;
    }
  }

  /**
   * Asks to be told every status change of a job over this connection ({@link JobStatusChanged},
   * one-way) until it ends; the reply is its current {@link JobStatus}.
   */
  record FollowJob(String jobId) implements Message {
    public FollowJob {
      Objects.requireNonNull(jobId);
    }

    public MessageType type() {
      return MessageType.FOLLOW_JOB;
    }
  }

  /** JobManager → following client, one-way: the job's status changed. */
  record JobStatusChanged(JobInfo job) implements Message {
    public JobStatusChanged {
      Objects.requireNonNull(job);
    }

    public MessageType type() {
      return MessageType.JOB_STATUS_CHANGED;
    }
  }

  // ---- execution: JobManager <-> TaskManager (codes 49-54) ----

  /**
   * JobManager → TaskManager, one-way: run the subtasks {@code placements} put on you in attempt
   * {@code attempt}; the others tell where your producers send and your consumers read from.
   *
   * @param checkpointDirectory the job's checkpoint directory ({@code <checkpoint dir>/<jobId>}), where
   *     periodic checkpoints are written; empty when the job has none
   * @param restoreFrom the checkpoint metadata file or savepoint directory this attempt starts from:
   *     the latest completed checkpoint on a restart, the submission's restore path on a first
   *     attempt; empty to start empty
   */
  record DeployAttempt(String jobId, int attempt, JobSubmission submission, List<SubtaskPlacement> placements,
      String checkpointDirectory, String restoreFrom) implements Message {
    public DeployAttempt {
      Objects.requireNonNull(jobId);
      Objects.requireNonNull(submission);
      placements = List.copyOf(placements);
      Objects.requireNonNull(checkpointDirectory);
      Objects.requireNonNull(restoreFrom);
    }

    /** An attempt without checkpoints that starts empty. */
    public DeployAttempt(String jobId, int attempt, JobSubmission submission, List<SubtaskPlacement> placements) {
      this(jobId, attempt, submission, placements, "", "");
    }

    public MessageType type() {
      return MessageType.DEPLOY_ATTEMPT;
    }
  }

  /**
   * TaskManager → JobManager, one-way: a subtask's status changed. Ending reports carry the
   * subtask's figures; {@code failure} is the exception's text, empty when none.
   */
  record SubtaskStatus(String jobId, int attempt, int task, int subtask, ExecutionStatus status, String failure,
      long recordsIn, int maxBuffersInUse, int bufferCapacity, long bufferWaits) implements Message {
    public SubtaskStatus {
      Objects.requireNonNull(jobId);
      Objects.requireNonNull(status);
      Objects.requireNonNull(failure);
    }

    public MessageType type() {
      return MessageType.SUBTASK_STATUS;
    }
  }

  /** JobManager → TaskManager, one-way: cancel every subtask of that attempt. */
  record CancelAttempt(String jobId, int attempt) implements Message {
    public CancelAttempt {
      Objects.requireNonNull(jobId);
    }

    public MessageType type() {
      return MessageType.CANCEL_ATTEMPT;
    }
  }

  /**
   * JobManager → TaskManager, one-way: the attempt has ended everywhere; drop its data-plane
   * channels, class loader and files.
   */
  record ReleaseAttempt(String jobId, int attempt) implements Message {
    public ReleaseAttempt {
      Objects.requireNonNull(jobId);
    }

    public MessageType type() {
      return MessageType.RELEASE_ATTEMPT;
    }
  }

  /** TaskManager → JobManager: up to {@code maxBytes} of a stored blob from {@code offset}; the reply is {@link BlobChunk}. */
  record FetchBlob(String sha256, long offset, int maxBytes) implements Message {
    public FetchBlob {
      Objects.requireNonNull(sha256);
      if (offset < 0 || maxBytes < 1) {
        throw new IllegalArgumentException("bad blob range " + offset + " +" + maxBytes);
      }
    }

    public MessageType type() {
      return MessageType.FETCH_BLOB;
    }
  }

  /** The reply to {@link FetchBlob}: the blob's size and the bytes from the requested offset (empty at the end). */
  record BlobChunk(long totalBytes, byte[] data) implements Message {
    public BlobChunk {
      Objects.requireNonNull(data);
    }

    public MessageType type() {
      return MessageType.BLOB_CHUNK;
    }
  }
  // ---- checkpoints: JobManager <-> TaskManager, client -> JobManager (codes 55-61) ----

  /**
   * JobManager → TaskManager, one-way: source subtask {@code subtask} of task {@code task} of that
   * attempt emits the barrier of checkpoint {@code checkpointId} between two records.
   */
  record TriggerCheckpoint(String jobId, int attempt, int task, int subtask, long checkpointId, long timestampMillis,
      CheckpointOptions options) implements Message {
    public TriggerCheckpoint {
      Objects.requireNonNull(jobId);
      Objects.requireNonNull(options);
      if (checkpointId < 1) {
        throw new IllegalArgumentException("checkpoint ids start at 1, got " + checkpointId);
      }
    }

    /** The barrier the source emits. */
    public CheckpointBarrier barrier() {
      return new CheckpointBarrier(checkpointId, timestampMillis, options);
    }

    public MessageType type() {
      return MessageType.TRIGGER_CHECKPOINT;
    }
  }

  /** TaskManager → JobManager, one-way: a subtask of that attempt has published its part of a checkpoint. */
  record AcknowledgeCheckpoint(String jobId, int attempt, SubtaskCheckpointAck ack) implements Message {
    public AcknowledgeCheckpoint {
      Objects.requireNonNull(jobId);
      Objects.requireNonNull(ack);
    }

    public MessageType type() {
      return MessageType.ACKNOWLEDGE_CHECKPOINT;
    }
  }

  /** TaskManager → JobManager, one-way: a subtask of that attempt cannot complete its part of a checkpoint. */
  record DeclineCheckpoint(String jobId, int attempt, long checkpointId, int task, int subtask, String reason)
      implements Message {
    public DeclineCheckpoint {
      Objects.requireNonNull(jobId);
      Objects.requireNonNull(reason);
    }

    public MessageType type() {
      return MessageType.DECLINE_CHECKPOINT;
    }
  }

  /** JobManager → TaskManager, one-way: checkpoint {@code checkpointId} is complete; every subtask of the attempt may commit. */
  record NotifyCheckpointComplete(String jobId, int attempt, long checkpointId) implements Message {
    public NotifyCheckpointComplete {
      Objects.requireNonNull(jobId);
    }

    public MessageType type() {
      return MessageType.NOTIFY_CHECKPOINT_COMPLETE;
    }
  }

  /** JobManager → TaskManager, one-way: checkpoint {@code checkpointId} was aborted; subtasks drop what they hold for it. */
  record NotifyCheckpointAborted(String jobId, int attempt, long checkpointId) implements Message {
    public NotifyCheckpointAborted {
      Objects.requireNonNull(jobId);
    }

    public MessageType type() {
      return MessageType.NOTIFY_CHECKPOINT_ABORTED;
    }
  }

  /**
   * Client → JobManager: take a savepoint of the job into {@code directory} (a path every process
   * of the job sees) and, if {@code cancelAfter}, cancel the job once it completed. The reply is
   * {@link SavepointCompleted}, or an {@link ErrorReply} saying why there is none.
   */
  record TriggerSavepoint(String jobId, String directory, boolean cancelAfter) implements Message {
    public TriggerSavepoint {
      Objects.requireNonNull(jobId);
      Objects.requireNonNull(directory);
    }

    public MessageType type() {
      return MessageType.TRIGGER_SAVEPOINT;
    }
  }

  /** The reply to {@link TriggerSavepoint}: the savepoint's directory, to resubmit from. */
  record SavepointCompleted(String path) implements Message {
    public SavepointCompleted {
      Objects.requireNonNull(path);
    }

    public MessageType type() {
      return MessageType.SAVEPOINT_COMPLETED;
    }
  }
}
