package io.weir.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.checkpoint.SubtaskCheckpointMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checkpoint messages and the checkpoint parts of submissions, deployments and job infos on the wire. */
class CheckpointMessageCodecTest {
  static final Message.TriggerCheckpoint TRIGGER = new Message.TriggerCheckpoint("job-1", 3, 0, 1, 12, 1_700_000_000_123L,
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, true, 250, ""));
  static final Message.AcknowledgeCheckpoint ACK = new Message.AcknowledgeCheckpoint("job-1", 3,
      new SubtaskCheckpointAck(12, 1, 0, Map.of("c0de", "chk-12-keyed-c0de-0", "beef", "chk-12-keyed-beef-0"),
          Map.of("77aa", "chk-12-op-77aa-0"), "chk-12-ch-c0de-0", new SubtaskCheckpointMetrics(3, 40, 7, 1 << 20, 4096, 512)));
  private static final CheckpointConfig CONFIG = new CheckpointConfig(Duration.ofMillis(200), Duration.ofSeconds(30),
      Duration.ofMillis(50), 2, CheckpointingMode.AT_LEAST_ONCE, false, Duration.ofMillis(0), 3, "/shared/checkpoints");
  private static final JobSubmission SUBMISSION = new JobSubmission("wordcount", List.of("ab".repeat(32)), 2, Map.of(),
      List.of(), "", RestartStrategy.NONE, CONFIG, "/shared/savepoints/savepoint-wordcount-3-abcdef", true);
  private static final JobCheckpoints CHECKPOINTS = new JobCheckpoints(7, 2, 1, 5, "/shared/checkpoints/job-1/chk-5-metadata",
      List.of(new CheckpointSummary(8, CheckpointType.CHECKPOINT, CheckpointSummary.Status.COMPLETED, 1000, 120, 4, 4, 2, 80,
              5, 9000, 300, 77, "", "/shared/checkpoints/job-1/chk-8-metadata", 0),
          new CheckpointSummary(9, CheckpointType.SAVEPOINT, CheckpointSummary.Status.FAILED, 2000, 30, 1, 4, 0, 0, 0, 0, 0, 0,
              "declined by Count (2/4): finished", "", 1),
          new CheckpointSummary(10, CheckpointType.CHECKPOINT, CheckpointSummary.Status.IN_PROGRESS, 3000, 10, 0, 4, 0, 0, 0,
              0, 0, 0, "", "", 2)));

  private static Message roundTrip(Message message) {
    byte[] bytes = MessageCodec.encode(Envelope.oneWay(message));
    return MessageCodec.decode(bytes, 0, bytes.length).message();
  }

  private static byte[] encode(Message message) {
    return MessageCodec.encode(Envelope.oneWay(message));
  }

  @Test
  void submissionsDeploymentsAndJobInfosCarryTheirCheckpointParts() {
    assertEquals(new Message.SubmitJob(SUBMISSION), roundTrip(new Message.SubmitJob(SUBMISSION)));
    Message.DeployAttempt deploy = new Message.DeployAttempt("job-1", 2, SUBMISSION,
        List.of(new SubtaskPlacement(0, 0, "tm-a", "127.0.0.1", 7000)), "/shared/checkpoints/job-1",
        "/shared/checkpoints/job-1/chk-5-metadata");
    assertEquals(deploy, roundTrip(deploy));
    JobInfo info = new JobInfo("job-1", "wordcount", ExecutionStatus.RUNNING, 1, "", 10, 0, List.of(), CHECKPOINTS);
    assertEquals(new Message.JobStatus(info), roundTrip(new Message.JobStatus(info)));
    // a job without checkpoints keeps the old shapes
    JobSubmission plain = new JobSubmission("x", List.of("cd".repeat(32)), 0, Map.of(), List.of(), "", RestartStrategy.DEFAULT);
    assertEquals(CheckpointConfig.disabled(), ((Message.SubmitJob) roundTrip(new Message.SubmitJob(plain))).submission().checkpoints());
  }

  @Test
  void theBarrierOfATriggerIsTheCoordinatorsBarrier() {
    Message.TriggerCheckpoint decoded = (Message.TriggerCheckpoint) roundTrip(TRIGGER);
    assertEquals(12, decoded.barrier().checkpointId());
    assertEquals(0, decoded.barrier().overtaken());
    assertTrue(decoded.barrier().isPriority());
    Message.TriggerCheckpoint savepoint = new Message.TriggerCheckpoint("j", 0, 0, 0, 1, 5, CheckpointOptions.savepoint("/sp"));
    assertEquals(savepoint, roundTrip(savepoint));
  }

  @Test
  void everyPrefixOfEveryCheckpointMessageIsRejected() {
    List<Message> messages = List.of(TRIGGER, ACK, new Message.DeclineCheckpoint("j", 0, 1, 0, 0, "r"),
        new Message.NotifyCheckpointComplete("j", 0, 1), new Message.NotifyCheckpointAborted("j", 0, 1),
        new Message.TriggerSavepoint("j", "/d", false), new Message.SavepointCompleted("/p"),
        new Message.SubmitJob(SUBMISSION));
    for (Message message : messages) {
      byte[] good = encode(message);
      for (int n = 0; n < good.length; n++) {
        int length = n;
        assertThrows(ProtocolException.class, () -> MessageCodec.decode(good, 0, length), message.type() + " prefix " + n);
      }
    }
  }

  @Test
  void unknownModesTypesAndBooleansAreRejected() {
    byte[] savepoint = encode(new Message.TriggerSavepoint("j", "/d", true));
    savepoint[savepoint.length - 1] = 2; // the cancelAfter flag
    ProtocolException bool = assertThrows(ProtocolException.class, () -> MessageCodec.decode(savepoint, 0, savepoint.length));
    assertTrue(bool.getMessage().contains("boolean"), bool.getMessage());

    // trigger body ends with: type, mode, unaligned, alignment timeout (8), target ("" = 1 byte)
    byte[] trigger = encode(TRIGGER);
    int typeAt = trigger.length - 1 - 8 - 1 - 1 - 1;
    byte[] badType = trigger.clone();
    badType[typeAt] = 9;
    assertTrue(assertThrows(ProtocolException.class, () -> MessageCodec.decode(badType, 0, badType.length))
        .getMessage().contains("checkpoint type"));
    byte[] badMode = trigger.clone();
    badMode[typeAt + 1] = 9;
    assertTrue(assertThrows(ProtocolException.class, () -> MessageCodec.decode(badMode, 0, badMode.length))
        .getMessage().contains("checkpointing mode"));
    // unaligned at-least-once is not a valid combination: the record's own check, reported as a protocol error
    byte[] unalignedAtLeastOnce = trigger.clone();
    unalignedAtLeastOnce[typeAt + 1] = 1;
    assertThrows(ProtocolException.class, () -> MessageCodec.decode(unalignedAtLeastOnce, 0, unalignedAtLeastOnce.length));
  }

  @Test
  void checkpointIdZeroAndDuplicateManifestKeysAreRejected() {
    byte[] notify = encode(new Message.NotifyCheckpointComplete("j", 0, 1));
    byte[] zeroTrigger = encode(new Message.TriggerCheckpoint("j", 0, 0, 0, 1, 0, CheckpointOptions.savepoint("/x")));
    // the checkpoint id sits after job id ("j": 2 bytes), attempt, task, subtask (4 each)
    int idAt = 1 + 1 + 1 + 8 + 2 + 12;
    zeroTrigger[idAt + 7] = 0;
    assertThrows(ProtocolException.class, () -> MessageCodec.decode(zeroTrigger, 0, zeroTrigger.length));
    assertEquals(new Message.NotifyCheckpointComplete("j", 0, 1), MessageCodec.decode(notify, 0, notify.length).message());

    SubtaskCheckpointAck twoKeys = new SubtaskCheckpointAck(1, 0, 0, Map.of("aa", "m1", "ab", "m2"), Map.of(), "",
        SubtaskCheckpointMetrics.NONE);
    byte[] ack = encode(new Message.AcknowledgeCheckpoint("j", 0, twoKeys));
    String text = new String(ack, java.nio.charset.StandardCharsets.ISO_8859_1);
    int second = text.indexOf("ab");
    ack[second + 1] = 'a'; // "ab" becomes "aa": the same vertex twice
    ProtocolException e = assertThrows(ProtocolException.class, () -> MessageCodec.decode(ack, 0, ack.length));
    assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
  }

  @Test
  void aPeerOfTheOldProtocolVersionIsToldSo() {
    byte[] frame = encode(new Message.ListJobs());
    frame[0] = 1;
    ProtocolException e = assertThrows(ProtocolException.class, () -> MessageCodec.decode(frame, 0, frame.length));
    assertTrue(e.getMessage().contains("version 1"), e.getMessage());
  }

  @Test
  void periodicCheckpointsWithoutADirectoryAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new JobSubmission("x", List.of("ab".repeat(32)), 0, Map.of(),
        List.of(), "", RestartStrategy.NONE, CheckpointConfig.every(Duration.ofSeconds(1), ""), "", false));
  }
}
