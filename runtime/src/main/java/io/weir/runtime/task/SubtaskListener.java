package io.weir.runtime.task;

/** Told when a subtask's thread is about to end. */
public interface SubtaskListener {
  /** @param failure null when the subtask finished normally */
  void subtaskFinished(SubtaskRunner subtask, Throwable failure);
}
