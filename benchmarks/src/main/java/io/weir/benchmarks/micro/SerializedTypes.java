package io.weir.benchmarks.micro;

import io.weir.api.Emitter;
import io.weir.api.Sink;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import java.util.List;

/**
 * A tiny job carrying the benchmark records from sources to sinks, written as a user would: its
 * edges are what makes the processor generate {@code Sample_WeirSerializer},
 * {@code Reading_WeirSerializer} and {@code Sentence_WeirSerializer}, which the micro-benchmarks
 * then measure. Each source emits {@code --records} values of {@link RecordKind}'s data set; each
 * sink counts what it receives, so a test can run the job with real exchanges.
 */
public final class SerializedTypes {
  public static final String JOB = "serialized-types";

  private SerializedTypes() {}

  /** Emits the first {@code --records} values of one kind, all in one instance. */
  abstract static class Emitting<T> implements SourceReader<T> {
    private final RecordKind kind;
    private List<?> values;
    private int next;

    Emitting(RecordKind kind) {
      this.kind = kind;
    }

    @Override
    public void open(SourceContext context) {
      int records = context.parameters().getInt("records", 1024);
      values = context.subtaskIndex() == 0 ? kind.values(records) : List.of();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Status poll(Emitter<T> out) {
      for (int end = Math.min(values.size(), next + 256); next < end; next++) {
        out.emit((T) values.get(next));
      }
      return next < values.size() ? Status.MORE : Status.END_OF_INPUT;
    }
  }

  @Source(job = JOB)
  public static final class Samples extends Emitting<Sample> {
    public Samples() {
      super(RecordKind.SAMPLE);
    }
  }

  @Source(job = JOB)
  public static final class Readings extends Emitting<Reading> {
    public Readings() {
      super(RecordKind.READING);
    }
  }

  @Source(job = JOB)
  public static final class Sentences extends Emitting<Sentence> {
    public Sentences() {
      super(RecordKind.SENTENCE);
    }
  }

  @Sink(from = Samples.class)
  public static final class SampleSink {
    public void write(Sample sample) {
      Received.add(RecordKind.SAMPLE, sample);
    }
  }

  @Sink(from = Readings.class)
  public static final class ReadingSink {
    public void write(Reading reading) {
      Received.add(RecordKind.READING, reading);
    }
  }

  @Sink(from = Sentences.class)
  public static final class SentenceSink {
    public void write(Sentence sentence) {
      Received.add(RecordKind.SENTENCE, sentence);
    }
  }
}
