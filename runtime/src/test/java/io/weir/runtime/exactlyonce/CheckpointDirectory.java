package io.weir.runtime.exactlyonce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A checkpoint directory on disk as the contract names its files ({@code chk-<n>-keyed-<vertex>-<subtask>},
 * {@code chk-<n>-op-...}, {@code chk-<n>-metadata}; manifests end in {@code .manifest}, data files
 * of heap and operator state in {@code .data}), for tests that damage or copy checkpoints.
 */
final class CheckpointDirectory {
  private static final Pattern METADATA = Pattern.compile("chk-(\\d+)-metadata\\.manifest");

  private final Path directory;

  CheckpointDirectory(Path directory) {
    this.directory = directory;
  }

  /** The only job directory under a checkpoint root (embedded jobs get {@code <root>/<jobName>-<millis>}). */
  static CheckpointDirectory onlyJobIn(Path root) throws IOException {
    List<Path> jobs;
    try (Stream<Path> list = Files.list(root)) {
      jobs = list.filter(Files::isDirectory).toList();
    }
    if (jobs.size() != 1) {
      throw new AssertionError("expected one job directory in " + root + ", found " + jobs);
    }
    return new CheckpointDirectory(jobs.get(0));
  }

  Path path() {
    return directory;
  }

  /** The id of the newest checkpoint with published metadata; fails when there is none. */
  long latestCompleted() throws IOException {
    long latest = -1;
    for (String name : names()) {
      Matcher m = METADATA.matcher(name);
      if (m.matches()) {
        latest = Math.max(latest, Long.parseLong(m.group(1)));
      }
    }
    if (latest < 0) {
      throw new AssertionError("no completed checkpoint in " + directory + ": " + names());
    }
    return latest;
  }

  Path metadata(long id) {
    return existing("chk-" + id + "-metadata.manifest");
  }

  /** The heap data file of the keyed state of {@code vertex}'s instance {@code subtask} in checkpoint {@code id}. */
  Path keyedData(long id, String vertex, int subtask) {
    return existing("chk-" + id + "-keyed-" + vertex + "-" + subtask + ".data");
  }

  /** The data file of the operator state of {@code vertex}'s instance {@code subtask} in checkpoint {@code id}. */
  Path operatorData(long id, String vertex, int subtask) {
    return existing("chk-" + id + "-op-" + vertex + "-" + subtask + ".data");
  }

  /** A copy of this directory (all files, flat) at {@code target}, to damage without touching the original. */
  CheckpointDirectory copyTo(Path target) throws IOException {
    Files.createDirectories(target);
    for (String name : names()) {
      Files.copy(directory.resolve(name), target.resolve(name));
    }
    return new CheckpointDirectory(target);
  }

  List<String> names() throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path existing(String name) {
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      String all;
      try {
        all = names().toString();
      } catch (IOException e) {
        all = e.toString();
      }
      throw new AssertionError("no file " + name + " in " + directory + ": " + all);
    }
    return file;
  }

  /** Inverts every bit of the byte in the middle of {@code file}. */
  static void flipMiddleByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      throw new AssertionError(file + " is empty: nothing to flip");
    }
    bytes[bytes.length / 2] ^= (byte) 0xff;
    Files.write(file, bytes);
  }

  /** Cuts {@code file} to half its length. */
  static void truncateToHalf(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }
}
