package io.weir.runtime.jobmanager;

import io.weir.runtime.rpc.Message.TaskManagerInfo;
import io.weir.runtime.rpc.RpcConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The slots of the registered TaskManagers and which job holds how many of each. Slot sharing as in
 * Flink: one slot hosts one subtask of every task of a job, so a job needs as many slots as its
 * largest task parallelism, and subtask i of every task runs in the job's slot i. Used by the
 * JobManager's main thread only.
 */
final class SlotPool {
  /** One TaskManager as the scheduler sees it. */
  static final class Member {
    final TaskManagerInfo info;
    final RpcConnection connection;
    int used;

    Member(TaskManagerInfo info, RpcConnection connection) {
      this.info = info;
      this.connection = connection;
    }

    int free() {
      return info.slots() - used;
    }
  }

  private final Map<String, Member> members = new TreeMap<>(); // by id: deterministic choices

  void add(TaskManagerInfo info, RpcConnection connection) {
    members.put(info.taskManagerId(), new Member(info, connection));
  }

  /** Removes the TaskManager registered over {@code connection}; returns its id, or null. */
  String removeByConnection(RpcConnection connection) {
    for (Member member : members.values()) {
      if (member.connection == connection) {
        members.remove(member.info.taskManagerId());
        return member.info.taskManagerId();
      }
    }
    return null;
  }

  Member member(String taskManagerId) {
    return members.get(taskManagerId);
  }

  int freeSlots() {
    return members.values().stream().mapToInt(Member::free).sum();
  }

  int totalSlots() {
    return members.values().stream().mapToInt(m -> m.info.slots()).sum();
  }

  int taskManagerCount() {
    return members.size();
  }

  /**
   * Takes {@code count} slots spread over the TaskManagers (each next slot from the one with the
   * most free slots, ties by id) and returns their owners in slot order; null, taking nothing,
   * when fewer are free.
   */
  List<Member> allocate(int count) {
    if (freeSlots() < count) {
      return null;
    }
    List<Member> slots = new ArrayList<>(count);
    Comparator<Member> mostFree = Comparator.comparingInt(Member::free).reversed()
        .thenComparing(m -> m.info.taskManagerId());
    for (int i = 0; i < count; i++) {
      Member best = members.values().stream().min(mostFree).orElseThrow();
      best.used++;
      slots.add(best);
    }
    return slots;
  }

  /** Gives back slots taken by {@link #allocate}; those of TaskManagers gone since are simply dropped. */
  void release(List<Member> slots) {
    for (Member slot : slots) {
      if (members.get(slot.info.taskManagerId()) == slot) {
        slot.used--;
      }
    }
  }
}
