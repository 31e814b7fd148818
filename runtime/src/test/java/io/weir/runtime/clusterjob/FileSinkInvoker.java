package io.weir.runtime.clusterjob;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.state.KeyGroups;
import io.weir.state.ListState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.operator.Redistribution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the highest count seen per word and, when closed, writes them as {@code word<TAB>count}
 * lines to {@code --output}/part-SUBTASK (replacing it atomically: a restarted attempt overwrites
 * what a failed one left). {@code --sink-sleep-every N} sleeps 1 ms every N records: a slow sink.
 *
 * <p>The counts so far are operator state (union: every restored subtask sees all of them and
 * keeps the words whose key group its chained Count owns at the new parallelism), so a job that
 * resumes from a checkpoint writes every word, also those it does not see again. Appended per
 * record and compacted now and then, so that state stays near one entry per word.
 */
public final class FileSinkInvoker implements OperatorInvoker<Void>, OperatorStateBinding {
  private final Map<String, Long> counts = new TreeMap<>();
  private ListState<WordCount> latest;
  private Path output;
  private int subtask;
  private int sleepEvery;
  private long records;
  private int appended;

  @Override
  public void bindOperatorState(OperatorStateStore store) {
    latest = store.listState("latest", WordCountSerializer.INSTANCE, Redistribution.UNION);
  }

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) {
    String dir = context.parameters().get("output", "");
    output = dir.isEmpty() ? null : Path.of(dir);
    subtask = context.subtaskIndex();
    sleepEvery = context.parameters().getInt("sink-sleep-every", 0);
    int parallelism = context.parallelism();
    for (WordCount restored : latest.get()) {
      int keyGroup = KeyGroups.keyGroupFor(restored.word().hashCode(), ClusterWordCountPlan.MAX_PARALLELISM);
      if (KeyGroups.subtaskFor(keyGroup, ClusterWordCountPlan.MAX_PARALLELISM, parallelism) == subtask) {
        counts.merge(restored.word(), restored.count(), Math::max);
      }
    }
    compact();
  }

  @Override
  public void process(int input, Object record, Emitter<Void> out) throws InterruptedException {
    WordCount count = (WordCount) record;
    counts.merge(count.word(), count.count(), Math::max);
    latest.add(count);
    if (++appended > 2 * counts.size() + 1024) {
      compact();
    }
    if (sleepEvery > 0 && ++records % sleepEvery == 0) {
      Thread.sleep(1);
    }
  }

  private void compact() {
    List<WordCount> entries = new ArrayList<>(counts.size());
    counts.forEach((word, count) -> entries.add(new WordCount(word, count)));
    latest.update(entries);
    appended = 0;
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
