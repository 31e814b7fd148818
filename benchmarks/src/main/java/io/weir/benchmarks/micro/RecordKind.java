package io.weir.benchmarks.micro;

import io.weir.benchmarks.wordcount.ZipfLines;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The three record shapes of the serializer benchmarks, each with its generated serializer, its
 * hand-written codec and a deterministic data set. The values vary (lengths, magnitudes), so the
 * benchmarks cycle through many of them instead of re-serializing one constant.
 */
public enum RecordKind {
  /** (a) long, int and double. */
  SAMPLE(Sample.class, Sample_WeirSerializer.INSTANCE, HandWrittenCodecs.SAMPLE),
  /** (b) a short string and a nested record. */
  READING(Reading.class, Reading_WeirSerializer.INSTANCE, HandWrittenCodecs.READING),
  /** (c) a list of strings. */
  SENTENCE(Sentence.class, Sentence_WeirSerializer.INSTANCE, HandWrittenCodecs.SENTENCE);

  private final Class<?> type;
  private final TypeSerializer<?> generated;
  private final TypeSerializer<?> handWritten;

  RecordKind(Class<?> type, TypeSerializer<?> generated, TypeSerializer<?> handWritten) {
    this.type = type;
    this.generated = generated;
    this.handWritten = handWritten;
  }

  public Class<?> type() {
    return type;
  }

  /** The serializer the Weir processor generated for this record type. */
  public TypeSerializer<?> generated() {
    return generated;
  }

  /** The hand-written codec over the same BinaryOutput/BinaryInput. */
  public TypeSerializer<?> handWritten() {
    return handWritten;
  }

  /** {@code count} values, the same ones on every call. */
  public List<?> values(int count) {
    SplittableRandom random = new SplittableRandom(1234 + ordinal());
    List<Object> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(switch (this) {
        case SAMPLE -> sample(random);
        case READING -> new Reading("st-" + random.nextInt(1, 10_000), sample(random));
        case SENTENCE -> sentence(random);
      });
    }
    return values;
  }

  private static Sample sample(SplittableRandom random) {
    return new Sample(1_767_225_600_000L + random.nextLong(86_400_000L), random.nextInt(100_000), random.nextDouble() * 1000);
  }

  /** Eight words drawn like W1's (Zipf ranks over "w1".."w10000"), in a mutable list as user code builds one. */
  private static Sentence sentence(SplittableRandom random) {
    List<String> words = new ArrayList<>(8);
    long line = random.nextLong(1_000_000_000L);
    for (int j = 0; j < 8; j++) {
      words.add(ZipfLines.word(ZipfLines.rank(ZipfLines.DEFAULT_SEED, line, j)));
    }
    return new Sentence(line, words);
  }
}
