package io.weir.runtime.exactlyonce.job;

import io.weir.api.OperatorContext;
import io.weir.api.TwoPhaseCommitSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A transactional file sink written the way a user writes one: each transaction is a file under
 * {@code --output}/pending, named by the handle; preCommit closes it, commit moves it to
 * {@code --output}/committed. Only committed files count as output.
 *
 * <p>{@code --fail-after-commits C --failures F}: instance 0 throws on a write once it has seen C
 * commits in its current attempt, at most F times over all attempts (marker files in the output
 * directory remember the failures): a failure right after a completed checkpoint.
 * {@code --sink-sleep-ms M} sleeps M ms per record: a slow sink that backpressures the job.
 */
public final class CommittedFileSink implements TwoPhaseCommitSink {
  private Path pending;
  private Path committed;
  private Path output;
  private String prefix;
  private int transaction;
  private BufferedWriter open;
  private String openName;
  private boolean mayFail;
  private int failAfterCommits;
  private int failures;
  private int commits;
  private long sleepMillis;

  public void open(OperatorContext context) throws IOException {
    output = Path.of(context.parameters().get("output", ""));
    pending = Files.createDirectories(output.resolve("pending"));
    committed = Files.createDirectories(output.resolve("committed"));
    // unique per opened instance: a restarted attempt never reuses a handle of a failed one
    prefix = "part-" + context.subtaskIndex() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    mayFail = context.subtaskIndex() == 0;
    failAfterCommits = context.parameters().getInt("fail-after-commits", 0);
    failures = context.parameters().getInt("failures", 1);
    sleepMillis = context.parameters().getLong("sink-sleep-ms", 0);
  }

  public void write(Verdict verdict) throws IOException, InterruptedException {
    if (sleepMillis > 0) {
      Thread.sleep(sleepMillis);
    }
    if (mayFail && failAfterCommits > 0 && commits >= failAfterCommits) {
      failOnce();
    }
    if (open == null) {
      openName = prefix + "-" + (transaction++);
      open = Files.newBufferedWriter(pending.resolve(openName), StandardCharsets.UTF_8);
    }
    open.write(verdict.line());
    open.write('\n');
  }

  private void failOnce() throws IOException {
    for (int i = 1; i <= failures; i++) {
      Path marker = output.resolve("forced-failure-" + i);
      if (!Files.exists(marker)) {
        Files.createFile(marker);
        throw new IllegalStateException("forced failure " + i + " after " + commits + " commits");
      }
    }
  }

  @Override
  public String preCommit(long checkpointId) throws IOException {
    if (open == null) {
      return null;
    }
    open.close();
    open = null;
    return openName;
  }

  @Override
  public void commit(String handle) throws IOException {
    Path from = pending.resolve(handle);
    Path to = committed.resolve(handle);
    if (Files.exists(from)) {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } else if (!Files.exists(to)) {
      throw new IllegalStateException("transaction " + handle + " is neither pending nor committed: its output is lost");
    }
    commits++;
  }

  @Override
  public void abortOpen() throws IOException {
    if (open != null) {
      open.close();
      open = null;
      Files.deleteIfExists(pending.resolve(openName));
    }
  }

  /**
   * Leftovers of transactions that will never commit stay in {@code pending}, which is not output;
   * deleting them by name prefix would be unsafe after rescaling, when another instance may hold
   * the handle of a file this instance's prefix matches.
   */
  @Override
  public void recover(Set<String> restoredHandles) {}

  public void close() throws IOException {
    if (open != null) {
      open.close();
      open = null;
    }
  }
}
