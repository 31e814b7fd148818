package io.weir.benchmarks.exchange;

import io.weir.benchmarks.CaseOptions;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.HashRecordWriter;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.operator.KeySelector;
import io.weir.state.KeyGroups;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The CPU cost of W1's keyed exchange alone, per word: one thread emits fresh short strings (as
 * W1's split does) through a {@link HashRecordWriter} with W1's buffer settings into two gates,
 * each drained by a thread that reads every word and uses its key group (as a keyed consumer
 * does). Prints the CPU time of the producer and of both consumers per word, for bytes and for
 * object hand-over, alternating. CPU time, not wall time: on a shared machine it is the steadier
 * figure, and it is what two cores have to spend.
 *
 * <pre>
 *   java -cp ... io.weir.benchmarks.exchange.ExchangeCost w1-exchange [reps=6] [words=4000000]
 * </pre>
 */
public final class ExchangeCost {
  private static final int MAX_PARALLELISM = 128;
  private static final KeySelector BY_WORD = new KeySelector() {
    @Override
    public Object key(int input, Object record) {
      return record;
    }

    @Override
    public int keyHash(int input, Object record) {
      return record.hashCode();
    }

    @Override
    public TypeSerializer<?> keySerializer() {
      return StringSerializer.INSTANCE;
    }
  };
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile long blackhole;

  private ExchangeCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = CaseOptions.parse(args); // args[0] names the case, as in the other mains
    int reps = Integer.parseInt(options.getOrDefault("reps", "6"));
    int words = Integer.parseInt(options.getOrDefault("words", "4000000"));
    for (int rep = 0; rep < reps; rep++) {
      boolean objectsFirst = rep % 2 == 0;
      run(rep, objectsFirst, words);
      run(rep, !objectsFirst, words);
    }
  }

  private static void run(int rep, boolean handOver, int count) throws Exception {
    String[] words = freshWords(rep, count);
    InputGate[] gates = {new InputGate(1), new InputGate(1)};
    BufferPool pool = new BufferPool(2 * 2 + 2, 32 * 1024); // W1's defaults: 2 per channel + 2 floating
    HashRecordWriter writer = new HashRecordWriter(StringSerializer.INSTANCE, pool, gates, new int[] {0, 0}, "Count",
        BY_WORD, 0, MAX_PARALLELISM);
    writer.handOverObjects(handOver);
    ExecutorService consumers = Executors.newFixedThreadPool(gates.length);
    try {
      List<Future<Long>> consumerCpu = new ArrayList<>();
      for (InputGate gate : gates) {
        consumerCpu.add(consumers.submit(() -> consume(gate)));
      }
      long start = THREADS.getCurrentThreadCpuTime();
      for (String word : words) {
        writer.emit(word);
      }
      writer.broadcastEvent(EndOfInput.INSTANCE);
      long producer = THREADS.getCurrentThreadCpuTime() - start;
      long consumer = 0;
      for (Future<Long> f : consumerCpu) {
        consumer += f.get();
      }
      System.out.println(String.format(Locale.ROOT,
          "RESULT case=exchange-cost mode=%s rep=%d words=%d producer_ns=%.1f consumers_ns=%.1f total_ns=%.1f",
          handOver ? "objects" : "bytes", rep, count, producer / (double) count, consumer / (double) count,
          (producer + consumer) / (double) count));
    } finally {
      consumers.shutdownNow();
    }
  }

  /** Words w1..w10000 as fresh substrings whose hash is not cached yet, as W1's split emits them. */
  private static String[] freshWords(int seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] words = new String[count];
    for (int i = 0; i < count; i++) {
      String padded = "w" + (1 + random.nextInt(10_000)) + " ";
      words[i] = padded.substring(0, padded.length() - 1);
    }
    return words;
  }

  /** Reads every word of one gate until END_OF_INPUT; returns the thread's CPU time. */
  private static long consume(InputGate gate) {
    long start = THREADS.getCurrentThreadCpuTime();
    BinaryInput in = new BinaryInput();
    long sum = 0;
    while (true) {
      NetworkBuffer buffer = gate.take();
      if (buffer.isEvent()) {
        break;
      }
      if (buffer.holdsObjects()) {
        Object[] records = buffer.objects();
        int[] keyGroups = buffer.keyGroups(); // handed over: the consumer does not hash again
        for (int i = 0; i < buffer.records(); i++) {
          sum += keyGroups[i] + ((String) records[i]).length();
        }
      } else {
        in.reset(buffer.data(), 0, buffer.length());
        for (int i = 0; i < buffer.records(); i++) {
          String word = StringSerializer.INSTANCE.deserialize(in);
          sum += KeyGroups.keyGroupFor(word.hashCode(), MAX_PARALLELISM) + word.length();
        }
      }
      buffer.recycle();
    }
    blackhole += sum;
    return THREADS.getCurrentThreadCpuTime() - start;
  }
}
