package io.weir.benchmarks.micro;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;

/**
 * One way of turning a record into bytes and back, each over its own reused buffers, behind one
 * interface so the benchmarks treat all alike. A JMH fork runs a single codec, so the interface
 * call is monomorphic and inlined: it costs every codec the same (nothing).
 */
public interface Codec {

  /** Writes {@code value} into this codec's reused buffer and returns the number of bytes. */
  int write(Object value);

  /** The buffer {@link #write} wrote into; valid until the next write. */
  byte[] written();

  /** Reads one value from {@code bytes[offset, offset + length)}. */
  Object read(byte[] bytes, int offset, int length);

  /** The codec named {@code name} ({@code weir}, {@code kryo} or {@code hand}) for {@code kind}. */
  static Codec create(String name, RecordKind kind) {
    return switch (name) {
      case "weir" -> new Serializer(kind.generated());
      case "hand" -> new Serializer(kind.handWritten());
      case "kryo" -> new KryoCodec(kind.type());
      default -> throw new IllegalArgumentException("unknown codec " + name + " (weir, kryo, hand)");
    };
  }

  /** A Weir {@link TypeSerializer}, generated or hand-written. */
  final class Serializer implements Codec {
    private final TypeSerializer<Object> serializer;
    private final BinaryOutput out = new BinaryOutput(1024);
    private final BinaryInput in = new BinaryInput();

    @SuppressWarnings("unchecked")
    Serializer(TypeSerializer<?> serializer) {
      this.serializer = (TypeSerializer<Object>) serializer;
    }

    @Override
    public int write(Object value) {
      out.clear();
      serializer.serialize(value, out);
      return out.position();
    }

    @Override
    public byte[] written() {
      return out.array();
    }

    @Override
    public Object read(byte[] bytes, int offset, int length) {
      in.reset(bytes, offset, length);
      return serializer.deserialize(in);
    }
  }

  /**
   * Kryo 5 at its fastest fair setting: every class registered up front with
   * {@code registrationRequired}, references off, and the record's class known to both sides
   * ({@code writeObject}/{@code readObject}, no class id), as the generated serializers know it.
   */
  final class KryoCodec implements Codec {
    private final Kryo kryo = new Kryo();
    private final Class<?> type;
    private final Output output = new Output(1024, -1);
    private final Input input = new Input();

    KryoCodec(Class<?> type) {
      this.type = type;
      kryo.setRegistrationRequired(true);
      kryo.setReferences(false);
      kryo.register(Sample.class, 32);
      kryo.register(Reading.class, 33);
      kryo.register(Sentence.class, 34);
      kryo.register(ArrayList.class, 35);
    }

    @Override
    public int write(Object value) {
      output.reset();
      kryo.writeObject(output, value);
      return output.position();
    }

    @Override
    public byte[] written() {
      return output.getBuffer();
    }

    @Override
    public Object read(byte[] bytes, int offset, int length) {
      input.setBuffer(bytes, offset, length);
      return kryo.readObject(input, type);
    }
  }
}
