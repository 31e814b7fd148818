package io.weir.runtime.local;

import io.weir.state.backend.StateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbStateBackend;
import java.nio.file.Path;
import java.util.List;

/**
 * The state backends a job can name (in {@code @Job(stateBackend = ...)}, {@code --state-backend}
 * or {@link RunOptions.Builder#stateBackend(String)}), and how each is made.
 */
public final class StateBackends {
  /** Every name a job may choose, the default first. */
  public static final List<String> NAMES = List.of(HeapStateBackend.NAME, RocksDbStateBackend.NAME);

  private StateBackends() {}

  /** Whether {@code name} is one of {@link #NAMES}. */
  public static boolean isKnown(String name) {
    return NAMES.contains(name);
  }

  /** Throws, listing the choices, unless {@code name} is one of {@link #NAMES}. */
  public static String requireKnown(String name) {
    if (!isKnown(name)) {
      throw new IllegalArgumentException(
          "unknown state backend '" + name + "'; choose one of " + String.join(", ", NAMES));
    }
    return name;
  }

  /** Whether the backend {@code name} keeps files and so needs a working directory. */
  static boolean needsWorkingDirectory(String name) {
    return RocksDbStateBackend.NAME.equals(requireKnown(name));
  }

  /**
   * The backend {@code name}; {@code workingDirectory} is the local scratch space of a backend
   * that {@linkplain #needsWorkingDirectory needs one}, else ignored (may be null).
   */
  static StateBackend create(String name, Path workingDirectory) {
    return needsWorkingDirectory(name) ? new RocksDbStateBackend(workingDirectory) : new HeapStateBackend();
  }
}
