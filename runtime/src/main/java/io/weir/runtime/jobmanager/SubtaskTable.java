package io.weir.runtime.jobmanager;

import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import io.weir.runtime.rpc.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The status, place and last figures of every subtask of one attempt. Used by the main thread only. */
final class SubtaskTable {
  private static final class Entry {
    String taskManagerId = "";
    ExecutionStatus status = ExecutionStatus.CREATED;
    long recordsIn;
    int maxBuffersInUse;
    int bufferCapacity;
    long bufferWaits;
  }

  private final PhysicalGraph graph;
  private final Entry[][] entries; // [task index][subtask]

  SubtaskTable(PhysicalGraph graph) {
    this.graph = graph;
    List<TaskSpec> tasks = graph.tasks();
    entries = new Entry[tasks.size()][];
    for (TaskSpec task : tasks) {
      entries[task.index()] = new Entry[task.parallelism()];
      for (int i = 0; i < task.parallelism(); i++) {
        entries[task.index()][i] = new Entry();
      }
    }
  }

  void place(int task, int subtask, String taskManagerId) {
    Entry entry = entries[task][subtask];
    entry.taskManagerId = taskManagerId;
    entry.status = ExecutionStatus.DEPLOYING;
  }

  boolean contains(int task, int subtask) {
    return task >= 0 && task < entries.length && subtask >= 0 && subtask < entries[task].length;
  }

  /** Applies a TaskManager's report; a subtask that has ended stays ended. */
  void update(Message.SubtaskStatus update) {
    Entry entry = entries[update.task()][update.subtask()];
    if (entry.status.isTerminal()) {
      return;
    }
    entry.status = update.status();
    entry.recordsIn = update.recordsIn();
    entry.maxBuffersInUse = update.maxBuffersInUse();
    entry.bufferCapacity = update.bufferCapacity();
    entry.bufferWaits = update.bufferWaits();
  }

  /** Every subtask placed on {@code taskManagerId} that has not ended is failed: its process is gone. */
  void lose(String taskManagerId) {
    for (Entry[] task : entries) {
      for (Entry entry : task) {
        if (entry.taskManagerId.equals(taskManagerId) && !entry.status.isTerminal()) {
          entry.status = ExecutionStatus.FAILED;
        }
      }
    }
  }

  /** Every subtask that has not reported its end counts as failed (it did not answer a cancel in time). */
  void abandonUnfinished() {
    for (Entry[] task : entries) {
      for (Entry entry : task) {
        if (!entry.status.isTerminal()) {
          entry.status = ExecutionStatus.FAILED;
        }
      }
    }
  }

  /** The TaskManagers holding subtasks, sorted. */
  Set<String> taskManagers() {
    Set<String> ids = new TreeSet<>();
    for (Entry[] task : entries) {
      for (Entry entry : task) {
        if (!entry.taskManagerId.isEmpty()) {
          ids.add(entry.taskManagerId);
        }
      }
    }
    return ids;
  }

  boolean allAtLeastRunning() {
    return all(s -> s == ExecutionStatus.RUNNING || s == ExecutionStatus.FINISHED);
  }

  boolean allEnded() {
    return all(ExecutionStatus::isTerminal);
  }

  boolean allFinished() {
    return all(s -> s == ExecutionStatus.FINISHED);
  }

  private boolean all(java.util.function.Predicate<ExecutionStatus> test) {
    for (Entry[] task : entries) {
      for (Entry entry : task) {
        if (!test.test(entry.status)) {
          return false;
        }
      }
    }
    return true;
  }

  List<JobInfo.TaskSummary> summaries() {
    List<JobInfo.TaskSummary> summaries = new ArrayList<>();
    for (TaskSpec task : graph.tasks()) {
      int finished = 0;
      long recordsIn = 0;
      int maxInUse = 0;
      int capacity = 0;
      long waits = 0;
      for (Entry entry : entries[task.index()]) {
        finished += entry.status == ExecutionStatus.FINISHED ? 1 : 0;
        recordsIn += entry.recordsIn;
        maxInUse = Math.max(maxInUse, entry.maxBuffersInUse);
        capacity = Math.max(capacity, entry.bufferCapacity);
        waits += entry.bufferWaits;
      }
      summaries.add(new JobInfo.TaskSummary(task.name(), task.parallelism(), finished, recordsIn, maxInUse, capacity, waits));
    }
    return summaries;
  }
}
