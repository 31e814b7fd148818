package io.weir.runtime.rpc;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bodies of the job and execution messages (codes 40-54; checkpoints: {@link CheckpointMessageCodec}), in the style of {@link MessageCodec}:
 * record components in declaration order, lists as a varint count then the elements, strings
 * with {@link BinaryOutput#writeString}, enums by their protocol code.
 */
final class JobMessageCodec {
  /** Bounds list lengths so that a corrupt count cannot make the decoder allocate much. */
  private static final int MAX_LIST = 100_000;

  private JobMessageCodec() {}

  static void encode(Message message, BinaryOutput out) {
    switch (message.type()) {
      case SUBMIT_JOB -> writeSubmission(((Message.SubmitJob) message).submission(), out);
      case JOB_SUBMITTED -> out.writeString(((Message.JobSubmitted) message).jobId());
      case GET_JOB_STATUS -> out.writeString(((Message.GetJobStatus) message).jobId());
      case JOB_STATUS -> writeJob(((Message.JobStatus) message).job(), out);
      case LIST_JOBS -> { }
      case JOB_LIST -> {
        List<JobInfo> jobs = ((Message.JobList) message).jobs();
        out.writeVarInt(jobs.size());
        jobs.forEach(job -> writeJob(job, out));
      }
      case CANCEL_JOB -> out.writeString(((Message.CancelJob) message).jobId());
      case FOLLOW_JOB -> out.writeString(((Message.FollowJob) message).jobId());
      case JOB_STATUS_CHANGED -> writeJob(((Message.JobStatusChanged) message).job(), out);
      case DEPLOY_ATTEMPT -> {
        Message.DeployAttempt m = (Message.DeployAttempt) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
        writeSubmission(m.submission(), out);
        out.writeVarInt(m.placements().size());
        for (SubtaskPlacement p : m.placements()) {
          out.writeInt(p.task());
          out.writeInt(p.subtask());
          out.writeString(p.taskManagerId());
          out.writeString(p.host());
          out.writeInt(p.dataPort());
        }
        out.writeString(m.checkpointDirectory());
        out.writeString(m.restoreFrom());
      }
      case SUBTASK_STATUS -> {
        Message.SubtaskStatus m = (Message.SubtaskStatus) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
        out.writeInt(m.task());
        out.writeInt(m.subtask());
        out.writeVarInt(m.status().code());
        out.writeString(m.failure());
        out.writeLong(m.recordsIn());
        out.writeInt(m.maxBuffersInUse());
        out.writeInt(m.bufferCapacity());
        out.writeLong(m.bufferWaits());
      }
      case CANCEL_ATTEMPT -> {
        Message.CancelAttempt m = (Message.CancelAttempt) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
      }
      case RELEASE_ATTEMPT -> {
        Message.ReleaseAttempt m = (Message.ReleaseAttempt) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
      }
      case FETCH_BLOB -> {
        Message.FetchBlob m = (Message.FetchBlob) message;
        out.writeString(m.sha256());
        out.writeLong(m.offset());
        out.writeInt(m.maxBytes());
      }
      case BLOB_CHUNK -> {
        Message.BlobChunk m = (Message.BlobChunk) message;
        out.writeLong(m.totalBytes());
        out.writeVarInt(m.data().length);
        out.writeBytes(m.data(), 0, m.data().length);
      }
      default -> throw new IllegalArgumentException(message.type() + " is not a job message");
    }
  }

  static Message decode(MessageType type, BinaryInput in) {
    return switch (type) {
      case SUBMIT_JOB -> new Message.SubmitJob(readSubmission(in));
      case JOB_SUBMITTED -> new Message.JobSubmitted(in.readString());
      case GET_JOB_STATUS -> new Message.GetJobStatus(in.readString());
      case JOB_STATUS -> new Message.JobStatus(readJob(in));
      case LIST_JOBS -> new Message.ListJobs();
      case JOB_LIST -> {
        int count = in.readLength(MAX_LIST);
        List<JobInfo> jobs = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
          jobs.add(readJob(in));
        }
        yield new Message.JobList(jobs);
      }
      case CANCEL_JOB -> new Message.CancelJob(in.readString());
      case FOLLOW_JOB -> new Message.FollowJob(in.readString());
      case JOB_STATUS_CHANGED -> new Message.JobStatusChanged(readJob(in));
      case DEPLOY_ATTEMPT -> {
        String jobId = in.readString();
        int attempt = in.readInt();
        JobSubmission submission = readSubmission(in);
        int count = in.readLength(MAX_LIST);
        List<SubtaskPlacement> placements = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
          placements.add(new SubtaskPlacement(in.readInt(), in.readInt(), in.readString(), in.readString(), in.readInt()));
        }
        yield new Message.DeployAttempt(jobId, attempt, submission, placements, in.readString(), in.readString());
      }
      case SUBTASK_STATUS -> new Message.SubtaskStatus(in.readString(), in.readInt(), in.readInt(), in.readInt(),
          ExecutionStatus.ofCode(in.readVarInt()), in.readString(), in.readLong(), in.readInt(), in.readInt(), in.readLong());
      case CANCEL_ATTEMPT -> new Message.CancelAttempt(in.readString(), in.readInt());
      case RELEASE_ATTEMPT -> new Message.ReleaseAttempt(in.readString(), in.readInt());
      case FETCH_BLOB -> new Message.FetchBlob(in.readString(), in.readLong(), in.readInt());
      case BLOB_CHUNK -> {
        long total = in.readLong();
        byte[] data = new byte[in.readLength(in.remaining())];
        in.readBytes(data, 0, data.length);
        yield new Message.BlobChunk(total, data);
      }
      default -> throw new ProtocolException(type + " is not a job message");
    };
  }

  private static void writeSubmission(JobSubmission s, BinaryOutput out) {
    out.writeString(s.jobName());
    writeStrings(s.jarKeys(), out);
    out.writeInt(s.parallelism());
    out.writeVarInt(s.vertexParallelism().size());
    for (Map.Entry<String, Integer> entry : s.vertexParallelism().entrySet()) {
      out.writeString(entry.getKey());
      out.writeInt(entry.getValue());
    }
    writeStrings(s.arguments(), out);
    out.writeString(s.stateBackend());
    RestartStrategy r = s.restart();
    out.writeVarInt(r.kind().ordinal());
    out.writeInt(r.maxAttempts());
    out.writeLong(r.initialDelayMillis());
    out.writeLong(r.maxDelayMillis());
    out.writeDouble(r.multiplier());
    CheckpointMessageCodec.writeConfig(s.checkpoints(), out);
    out.writeString(s.restorePath());
    out.writeBoolean(s.allowNonRestoredState());
  }

  private static JobSubmission readSubmission(BinaryInput in) {
    String jobName = in.readString();
    List<String> jars = readStrings(in);
    int parallelism = in.readInt();
    int count = in.readLength(MAX_LIST);
    Map<String, Integer> vertexParallelism = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      vertexParallelism.put(in.readString(), in.readInt());
    }
    List<String> arguments = readStrings(in);
    String stateBackend = in.readString();
    int kind = in.readVarInt();
    RestartStrategy.Kind[] kinds = RestartStrategy.Kind.values();
    if (kind < 0 || kind >= kinds.length) {
      throw new ProtocolException("unknown restart strategy kind " + kind);
    }
    RestartStrategy restart = new RestartStrategy(kinds[kind], in.readInt(), in.readLong(), in.readLong(), in.readDouble());
    io.weir.runtime.checkpoint.CheckpointConfig checkpoints = CheckpointMessageCodec.readConfig(in);
    String restorePath = in.readString();
    byte allow = in.readByte();
    if (allow != 0 && allow != 1) {
      throw new ProtocolException("bad boolean byte " + allow);
    }
    return new JobSubmission(jobName, jars, parallelism, vertexParallelism, arguments, stateBackend, restart, checkpoints,
        restorePath, allow == 1);
  }

  private static void writeJob(JobInfo job, BinaryOutput out) {
    out.writeString(job.jobId());
    out.writeString(job.jobName());
    out.writeVarInt(job.status().code());
    out.writeInt(job.attempt());
    out.writeString(job.failure());
    out.writeLong(job.submittedAtMillis());
    out.writeLong(job.endedAtMillis());
    out.writeVarInt(job.tasks().size());
    for (JobInfo.TaskSummary t : job.tasks()) {
      out.writeString(t.name());
      out.writeInt(t.parallelism());
      out.writeInt(t.finished());
      out.writeLong(t.recordsIn());
      out.writeInt(t.maxBuffersInUse());
      out.writeInt(t.bufferCapacity());
      out.writeLong(t.bufferWaits());
    }
    CheckpointMessageCodec.writeJobCheckpoints(job.checkpoints(), out);
  }

  private static JobInfo readJob(BinaryInput in) {
    String jobId = in.readString();
    String jobName = in.readString();
    ExecutionStatus status = ExecutionStatus.ofCode(in.readVarInt());
    int attempt = in.readInt();
    String failure = in.readString();
    long submitted = in.readLong();
    long ended = in.readLong();
    int count = in.readLength(MAX_LIST);
    List<JobInfo.TaskSummary> tasks = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      tasks.add(new JobInfo.TaskSummary(in.readString(), in.readInt(), in.readInt(), in.readLong(), in.readInt(),
          in.readInt(), in.readLong()));
    }
    return new JobInfo(jobId, jobName, status, attempt, failure, submitted, ended, tasks,
        CheckpointMessageCodec.readJobCheckpoints(in));
  }

  private static void writeStrings(List<String> strings, BinaryOutput out) {
    out.writeVarInt(strings.size());
    strings.forEach(out::writeString);
  }

  private static List<String> readStrings(BinaryInput in) {
    int count = in.readLength(MAX_LIST);
    List<String> strings = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      strings.add(in.readString());
    }
    return strings;
  }
}
