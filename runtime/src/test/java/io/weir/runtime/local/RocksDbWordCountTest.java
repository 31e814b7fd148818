package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Received;
import io.weir.runtime.fixtures.WordCount;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.state.rocksdb.RocksDbStateBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The keyed word count with its state in RocksDB instead of on the heap. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RocksDbWordCountTest {
  private static final long LINES = 5_000;

  @TempDir Path work;

  @Test
  void countsEveryWordWithStateInRocksDbAndCleansUp() throws Exception {
    ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    RunOptions options = RunOptions.builder().parallelism(2)
        .stateBackend(new RocksDbStateBackend(work))
        .parameters("--lines", Long.toString(LINES)).build();

    new LocalCluster().run(WordCountJob.plan("wc", 1, LambdaInvoker.collect(received)), options).orThrow();

    Map<String, Long> finalCounts = new HashMap<>();
    for (Received r : received) {
      WordCount wc = (WordCount) r.record();
      finalCounts.merge(wc.word(), wc.count(), Math::max);
    }
    assertEquals(WordCountJob.oracle(LINES), finalCounts);
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(0, left.count(), "every instance's RocksDB directory is deleted when its task ends");
    }
  }
}
