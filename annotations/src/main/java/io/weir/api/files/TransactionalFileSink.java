package io.weir.api.files;

import io.weir.api.OperatorContext;
import io.weir.api.TwoPhaseCommitSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A ready base for a {@code @Sink} that writes text files exactly once: extend it with a concrete
 * record type, say where the files go and how a record reads as text.
 *
 * <pre>{@code
 * @Sink(from = Count.class)
 * public final class CountFiles extends TransactionalFileSink<WordCount> {
 *   protected Path directory(OperatorContext context) {
 *     return Path.of(context.parameters().get("output", "out"));
 *   }
 *   protected String format(WordCount c) {
 *     return c.word() + "," + c.count();
 *   }
 * }
 * }</pre>
 *
 * <h2>Files</h2>
 * Each instance writes the records between two checkpoints to one in-progress file of the target
 * directory, {@code part-<subtask>-<run>-<seq>.inprogress}, one record per line (UTF-8, {@code \n}
 * after each), where {@code <run>} names this instance's run ({@code <start millis>x<4 hex>}) and
 * {@code <seq>} counts its transactions from 0. At a checkpoint's barrier the file is flushed,
 * forced to disk and closed (pre-commit); when the checkpoint completes it is atomically renamed to
 * {@code part-<subtask>-<run>-<seq>} (commit). <b>Only files without the {@code .inprogress}
 * suffix are output</b>: they hold exactly the records of completed checkpoints, each once, also
 * across failures and restores. Readers must skip {@code .inprogress} files.
 *
 * <p>After a failure the job resumes from its last completed checkpoint: the files that checkpoint
 * pre-committed are renamed if they were not yet (renaming again is a no-op), and each instance
 * deletes the in-progress files its subtask index left behind in earlier runs that will never
 * commit: files it was writing when the job failed, and files pre-committed for checkpoints that
 * never completed. An instance whose index is at least the new parallelism leaves its files to
 * instance {@code index % parallelism}. Files of a job started without a checkpoint to restore are
 * not cleaned up. A clock that went back between runs leaves old in-progress files in place (never
 * output, only clutter).
 *
 * <p>The directory belongs to this sink: give each sink (and each job) its own. It is created
 * when missing. When a bounded input ends, the last file is committed at once. The base class owns
 * the sink's lifecycle ({@code open}, {@code write}, {@code close} and the transaction methods are
 * final); take settings from the context in {@link #directory}.
 *
 * @param <T> the records written
 */
public abstract class TransactionalFileSink<T> implements TwoPhaseCommitSink {
  /** The suffix of files written but not committed; never output. */
  public static final String IN_PROGRESS = ".inprogress";
  /** Start times of runs in this JVM, strictly increasing, so two runs here never share a token. */
  private static final AtomicLong LAST_START = new AtomicLong();

  private Path directory;
  private int subtask;
  private int parallelism;
  private long startMillis;
  private String run;
  private long sequence;
  /** The open transaction: its file's name and writer, or null when nothing was written since the last pre-commit. */
  private String openName;
  private FileChannel openChannel;
  private Writer openWriter;

  /** The directory the files go to, asked once when the instance opens. */
  protected abstract Path directory(OperatorContext context);

  /** The text of one record, written followed by {@code \n}. */
  protected abstract String format(T record);

  /** Resolves and creates the directory; called by Weir before any record. */
  public final void open(OperatorContext context) throws IOException {
    Path dir = directory(context);
    if (dir == null) {
      throw new IllegalStateException(getClass().getSimpleName() + ".directory(context) returned null");
    }
    directory = Files.createDirectories(dir);
    subtask = context.subtaskIndex();
    parallelism = context.parallelism();
    long now = System.currentTimeMillis();
    startMillis = LAST_START.updateAndGet(last -> Math.max(now, last + 1));
    run = startMillis + "x" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /** Appends {@code record} to the open transaction, starting one if needed. */
  public final void write(T record) throws IOException {
    String text = format(record);
    if (text == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ".format returned null for " + record);
    }
    Writer writer = openWriter != null ? openWriter : begin();
    writer.write(text);
    writer.write('\n');
  }

  private Writer begin() throws IOException {
    if (directory == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " was not opened");
    }
    String name = "part-" + subtask + "-" + run + "-" + sequence++ + IN_PROGRESS;
    openChannel = FileChannel.open(directory.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    openName = name;
    openWriter = new BufferedWriter(Channels.newWriter(openChannel, StandardCharsets.UTF_8.newEncoder(), 8192), 8192);
    return openWriter;
  }

  /** Flushes, forces to disk and closes the open file; its name is the handle. Null when nothing was written. */
  @Override
  public final String preCommit(long checkpointId) throws IOException {
    if (openWriter == null) {
      return null;
    }
    String handle = openName;
    try {
      openWriter.flush();
      openChannel.force(true);
    } finally {
      closeOpen();
    }
    Durability.syncDirectory(directory); // the new file's entry survives a machine crash too
    return handle;
  }

  /**
   * Renames the in-progress file {@code handle} to its committed name, atomically. Done already
   * (the committed file exists and the in-progress one is gone): nothing to do. Neither exists:
   * fails, since committed output was lost (deleted or moved by someone else).
   */
  @Override
  public final void commit(String handle) throws IOException {
    Path source = directory.resolve(checkHandle(handle));
    Path target = directory.resolve(committedName(handle));
    if (Files.exists(source)) {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
      Durability.syncDirectory(directory);
    } else if (!Files.exists(target)) {
      throw new IOException("transaction " + handle + " is neither in progress nor committed in " + directory
          + ": committed output was lost (was the file deleted or moved, or did the directory change?)");
    }
  }

  /** Closes and deletes the open file. */
  @Override
  public final void abortOpen() throws IOException {
    if (openWriter == null) {
      return;
    }
    Path file = directory.resolve(openName);
    try {
      closeOpen();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Deletes the in-progress files of earlier runs that this instance owns and that are not among
   * {@code restoredHandles}: they belong to transactions that will never commit.
   */
  @Override
  public final void recover(Set<String> restoredHandles) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      PartName part = PartName.parse(name);
      if (part != null && part.inProgress() && !restoredHandles.contains(name) && owns(part)
          && part.olderThan(startMillis, run)) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Whether cleaning up the files of {@code part}'s subtask index falls to this instance. */
  private boolean owns(PartName part) {
    return part.subtask() == subtask || (part.subtask() >= parallelism && part.subtask() % parallelism == subtask);
  }

  /** Closes the open file, if any, without committing or deleting it (a later restore deals with it). */
  public final void close() throws IOException {
    if (openWriter != null) {
      closeOpen();
    }
  }

  private void closeOpen() throws IOException {
    Writer writer = openWriter;
    openWriter = null;
    openChannel = null;
    openName = null;
    writer.close();
  }

  /** The directory the files go to, once opened. */
  protected final Path outputDirectory() {
    return directory;
  }

  private static String checkHandle(String handle) {
    PartName part = PartName.parse(handle);
    if (part == null || !part.inProgress()) {
      throw new IllegalArgumentException("'" + handle + "' is not an in-progress file name of a TransactionalFileSink");
    }
    return handle;
  }

  private static String committedName(String handle) {
    return handle.substring(0, handle.length() - IN_PROGRESS.length());
  }
}
