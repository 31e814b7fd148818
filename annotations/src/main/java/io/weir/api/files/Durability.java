package io.weir.api.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forcing directory entries (a new file, a rename) to disk, where the platform allows it. */
final class Durability {
  private Durability() {}

  /**
   * Forces {@code directory}'s entries to disk. Some platforms (Windows) cannot open a directory
   * as a channel; there the rename or creation is as durable as the file system makes it anyway.
   */
  static void syncDirectory(Path directory) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(directory, StandardOpenOption.READ);
    } catch (IOException e) {
      return; // cannot open directories on this platform: nothing more to do
    }
    try (channel) {
      channel.force(true);
    }
  }
}
