package io.weir.runtime.task;

import io.weir.runtime.checkpoint.CheckpointResponder;
import io.weir.runtime.checkpoint.CheckpointStorageAccess;
import java.util.concurrent.Executor;

/**
 * What a subtask needs to take part in checkpoints and to resume from one.
 *
 * @param responder where the subtask acknowledges or declines its part of a checkpoint
 * @param storage where its snapshots go
 * @param writer runs the asynchronous part of its snapshots (serializing, uploading, publishing)
 * @param restore what it resumes from, or null to start empty
 */
public record TaskCheckpointing(CheckpointResponder responder, CheckpointStorageAccess storage, Executor writer,
    SubtaskRestore restore) {

  public TaskCheckpointing {
    if (responder == null || storage == null || writer == null) {
      throw new IllegalArgumentException("responder, storage and writer are required");
    }
  }
}
