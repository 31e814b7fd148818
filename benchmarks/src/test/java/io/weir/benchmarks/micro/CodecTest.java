package io.weir.benchmarks.micro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The codecs under benchmark read back what they write, including nulls, and the generated ones cross real exchanges. */
@Timeout(60)
class CodecTest {

  @ParameterizedTest
  @EnumSource(RecordKind.class)
  void everyCodecRoundTripsTheBenchmarkValues(RecordKind kind) {
    for (String name : List.of("weir", "kryo", "hand")) {
      Codec codec = Codec.create(name, kind);
      for (Object value : kind.values(256)) {
        int length = codec.write(value);
        byte[] bytes = Arrays.copyOf(codec.written(), length);
        assertEquals(value, codec.read(bytes, 0, length), name);
      }
    }
  }

  @Test
  void handWrittenCodecsWriteTheGeneratedBytes() {
    // same layout, so the benchmark compares code quality, not formats
    for (RecordKind kind : RecordKind.values()) {
      Codec generated = Codec.create("weir", kind);
      Codec hand = Codec.create("hand", kind);
      for (Object value : kind.values(64)) {
        byte[] a = Arrays.copyOf(generated.written(), generated.write(value));
        byte[] b = Arrays.copyOf(hand.written(), hand.write(value));
        assertArrayEquals(a, b, kind + " " + value);
      }
    }
  }

  @Test
  void nullsRoundTrip() {
    List<String> words = new ArrayList<>(Arrays.asList("a", null, "ü"));
    Object[] values = {new Reading(null, null), new Sentence(7, null), new Sentence(8, words)};
    RecordKind[] kinds = {RecordKind.READING, RecordKind.SENTENCE, RecordKind.SENTENCE};
    for (int i = 0; i < values.length; i++) {
      for (String name : List.of("weir", "kryo", "hand")) {
        Codec codec = Codec.create(name, kinds[i]);
        int length = codec.write(values[i]);
        assertEquals(values[i], codec.read(Arrays.copyOf(codec.written(), length), 0, length), name);
      }
    }
  }

  @Test
  void theSerializedTypesJobCarriesEveryValueOverAnExchange() {
    Received.clear();
    new LocalCluster().run(JobCatalog.load(getClass().getClassLoader()).job(SerializedTypes.JOB),
            RunOptions.builder().parallelism(1).chainSingleInstanceExchanges(false).parameters("--records", "300").build())
        .orThrow();
    for (RecordKind kind : RecordKind.values()) {
      assertEquals(kind.values(300), Received.of(kind), kind.toString());
    }
  }
}
