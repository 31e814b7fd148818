package io.weir.runtime.clusterjob;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the highest count seen per word and, when closed, writes them as {@code word<TAB>count}
 * lines to {@code --output}/part-SUBTASK (replacing it atomically: a restarted attempt overwrites
 * what a failed one left). {@code --sink-sleep-every N} sleeps 1 ms every N records: a slow sink.
 */
public final class FileSinkInvoker implements OperatorInvoker<Void> {
  private final Map<String, Long> counts = new TreeMap<>();
  private Path output;
  private int subtask;
  private int sleepEvery;
  private long records;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) {
    String dir = context.parameters().get("output", "");
    output = dir.isEmpty() ? null : Path.of(dir);
    subtask = context.subtaskIndex();
    sleepEvery = context.parameters().getInt("sink-sleep-every", 0);
  }

  @Override
  public void process(int input, Object record, Emitter<Void> out) throws InterruptedException {
    WordCount count = (WordCount) record;
    counts.merge(count.word(), count.count(), Math::max);
    if (sleepEvery > 0 && ++records % sleepEvery == 0) {
      Thread.sleep(1);
    }
  }

  @Override
  public void close() throws IOException {
    if (output == null) {
      return;
    }
    StringBuilder text = new StringBuilder();
    counts.forEach((word, count) -> text.append(word).append('\t').append(count).append('\n'));
    Path temporary = output.resolve("part-" + subtask + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, output.resolve("part-" + subtask), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
