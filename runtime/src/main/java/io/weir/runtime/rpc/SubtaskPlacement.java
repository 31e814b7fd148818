package io.weir.runtime.rpc;

import java.util.Objects;

/**
 * Where one subtask of an attempt runs: the TaskManager and the address of its data plane, so that
 * producers on other TaskManagers can send to it.
 *
 * @param task the task's {@code TaskSpec.index()}
 * @param subtask the subtask index within the task
 */
public record SubtaskPlacement(int task, int subtask, String taskManagerId, String host, int dataPort) {
  public SubtaskPlacement {
    Objects.requireNonNull(taskManagerId);
    Objects.requireNonNull(host);
  }
}
