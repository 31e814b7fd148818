package io.weir.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.rpc.Message.TaskManagerInfo;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
  private static final JobSubmission SUBMISSION = new JobSubmission("wordcount", List.of("ab".repeat(32), "cd".repeat(32)), 4,
      java.util.Map.of("Count", 8, "Tokenize", 2), List.of("--lines", "1000"), "rocksdb",
      RestartStrategy.exponentialBackoff(5, java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(5), 1.5));
  private static final JobInfo JOB = new JobInfo("job-1", "wordcount", ExecutionStatus.RESTARTING, 2, "lost tm-a", 100, 0,
      List.of(new JobInfo.TaskSummary("Lines -> Tokenize", 4, 1, 0, 6, 10, 3), new JobInfo.TaskSummary("Count", 4, 0, 77, 0, 0, 0)));

  private static Envelope roundTrip(Envelope envelope) {
    byte[] bytes = MessageCodec.encode(envelope);
    return MessageCodec.decode(bytes, 0, bytes.length);
  }

  @Test
  void everyMessageTypeRoundTrips() {
    List<Message> messages = List.of(
        new Message.Heartbeat(1234567890123L),
        new Message.ErrorReply("boom ü"),
        new Message.RegisterTaskManager("tm-1", "127.0.0.1", 6123, 4),
        new Message.RegistrationAccepted("jm-9"),
        new Message.ListTaskManagers(),
        new Message.TaskManagerList(List.of(new TaskManagerInfo("a", "h", 1, 2), new TaskManagerInfo("b", "h2", 3, 4))),
        new Message.BeginUpload("ab".repeat(32), 1L << 40),
        new Message.UploadStarted(7),
        new Message.UploadChunk(7, new byte[] {1, 2, 3, -1}),
        new Message.UploadChunkAccepted(7, 4),
        new Message.FinishUpload(7),
        new Message.BlobStored("cd".repeat(32)),
        new Message.SubmitJob(SUBMISSION),
        new Message.JobSubmitted("job-1"),
        new Message.GetJobStatus("job-1"),
        new Message.JobStatus(JOB),
        new Message.ListJobs(),
        new Message.JobList(List.of(JOB, new JobInfo("job-2", "x", ExecutionStatus.CREATED, 0, "", 1, 0, List.of()))),
        new Message.CancelJob("job-1"),
        new Message.FollowJob("job-1"),
        new Message.JobStatusChanged(JOB),
        new Message.DeployAttempt("job-1", 3, SUBMISSION,
            List.of(new SubtaskPlacement(0, 1, "tm-a", "127.0.0.1", 7000), new SubtaskPlacement(1, 0, "tm-b", "h", 7001))),
        new Message.SubtaskStatus("job-1", 3, 1, 0, ExecutionStatus.FAILED, "boom: x", 99, 5, 10, 7),
        new Message.CancelAttempt("job-1", 3),
        new Message.ReleaseAttempt("job-1", 3),
        new Message.FetchBlob("ab".repeat(32), 1L << 33, 1 << 20),
        new Message.BlobChunk(1L << 33, new byte[] {9, 8, 7}),
        CheckpointMessageCodecTest.TRIGGER,
        CheckpointMessageCodecTest.ACK,
        new Message.DeclineCheckpoint("job-1", 3, 12, 1, 0, "finished before the barrier"),
        new Message.NotifyCheckpointComplete("job-1", 3, 12),
        new Message.NotifyCheckpointAborted("job-1", 3, 13),
        new Message.TriggerSavepoint("job-1", "/shared/savepoints", true),
        new Message.SavepointCompleted("/shared/savepoints/savepoint-wordcount-14-a1b2c3"));
    assertEquals(MessageType.values().length, messages.size(), "a message type without a round-trip case");
    long id = 1;
    for (Message message : messages) {
      Envelope envelope = new Envelope(Envelope.Kind.REQUEST, id++, message);
      Envelope decoded = roundTrip(envelope);
      if (message instanceof Message.UploadChunk chunk) {
        // arrays compare by identity in records: compare the fields instead
        Message.UploadChunk decodedChunk = (Message.UploadChunk) decoded.message();
        assertEquals(chunk.uploadId(), decodedChunk.uploadId());
        assertArrayEquals(chunk.data(), decodedChunk.data());
      } else if (message instanceof Message.BlobChunk chunk) {
        Message.BlobChunk decodedChunk = (Message.BlobChunk) decoded.message();
        assertEquals(chunk.totalBytes(), decodedChunk.totalBytes());
        assertArrayEquals(chunk.data(), decodedChunk.data());
      } else {
        assertEquals(envelope, decoded);
      }
    }
  }

  @Test
  void rejectsUnknownVersionKindAndType() {
    byte[] good = MessageCodec.encode(new Envelope(Envelope.Kind.ONE_WAY, 0, new Message.ListTaskManagers()));
    byte[] badVersion = good.clone();
    badVersion[0] = 9;
    byte[] badKind = good.clone();
    badKind[1] = 7;
    byte[] badType = good.clone();
    badType[2] = 63;
    for (byte[] bad : List.of(badVersion, badKind, badType)) {
      assertThrows(ProtocolException.class, () -> MessageCodec.decode(bad, 0, bad.length));
    }
  }

  @Test
  void rejectsTruncatedAndTrailingBytes() {
    byte[] good = MessageCodec.encode(Envelope.oneWay(new Message.RegisterTaskManager("tm", "h", 1, 2)));
    for (int length = 0; length < good.length; length++) {
      int n = length;
      assertThrows(ProtocolException.class, () -> MessageCodec.decode(good, 0, n), "prefix of " + n);
    }
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    ProtocolException e = assertThrows(ProtocolException.class, () -> MessageCodec.decode(longer, 0, longer.length));
    assertTrue(e.getMessage().contains("trailing"), e.getMessage());
  }

  @Test
  void aChunkLengthBeyondTheFrameIsRejectedWithoutAllocating() {
    byte[] good = MessageCodec.encode(Envelope.oneWay(new Message.UploadChunk(1, new byte[] {9})));
    byte[] lying = good.clone();
    lying[lying.length - 2] = 0x7f; // the varint length byte, just before the single data byte
    assertThrows(ProtocolException.class, () -> MessageCodec.decode(lying, 0, lying.length));
  }

  @Test
  void rejectsFieldValuesTheRecordsForbid() {
    byte[] zeroSlots = MessageCodec.encode(Envelope.oneWay(new Message.RegisterTaskManager("tm", "h", 1, 1)));
    zeroSlots[zeroSlots.length - 1] = 0;
    assertThrows(ProtocolException.class, () -> MessageCodec.decode(zeroSlots, 0, zeroSlots.length));
  }
}
