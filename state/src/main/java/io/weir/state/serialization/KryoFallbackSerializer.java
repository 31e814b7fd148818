package io.weir.state.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Serializes a type that has no generated serializer with Kryo 5, as a varint length followed by
 * Kryo's bytes. Slower and larger than generated code; the processor warns wherever it is used.
 *
 * <p>Only registered classes are accepted ({@code registrationRequired=true}): generated code passes
 * every class the value may contain, with ids fixed at compile time, so no class names travel in
 * the bytes and a stray class fails loudly instead of being written by name. Kryo's object-graph
 * references are off, so shared objects are written twice and a cyclic graph cannot be written.
 *
 * <p><b>Security:</b> Kryo builds objects of the registered classes without running their
 * constructors (via Objenesis when there is no no-arg constructor). Never read bytes that came from
 * an unauthenticated peer with it; it is meant for the job's own exchanges and snapshots.
 *
 * <p>Thread-safe: each thread gets its own {@link Kryo} and buffers (Kryo itself is not thread-safe).
 */
public final class KryoFallbackSerializer<T> implements TypeSerializer<T> {
  /** The lowest id generated code may use; Kryo's own default registrations sit below it. */
  public static final int FIRST_ID = 32;

  private final Class<T> type;
  private final List<KryoRegistration> registrations;
  private final String formatId;
  private final ThreadLocal<PerThread> perThread;

  /**
   * @param type the declared type of the values; values may be of a registered subclass
   * @param registrations every class that may occur in a value, each with its fixed id
   */
  public KryoFallbackSerializer(Class<T> type, List<KryoRegistration> registrations) {
    if (type == null) {
      throw new NullPointerException("type");
    }
    this.type = type;
    this.registrations = List.copyOf(registrations);
    Map<Integer, Class<?>> byId = new HashMap<>();
    Map<Class<?>, Integer> byClass = new HashMap<>();
    for (KryoRegistration r : this.registrations) {
      Class<?> previous = byId.putIfAbsent(r.id(), r.type());
      if (previous != null) {
        throw new IllegalArgumentException(
            "Kryo id " + r.id() + " given to both " + previous.getName() + " and " + r.type().getName());
      }
      if (byClass.putIfAbsent(r.type(), r.id()) != null) {
        throw new IllegalArgumentException(r.type().getName() + " registered twice");
      }
    }
    this.formatId = "kryo:" + type.getName() + "/" + layoutHash(this.registrations);
    this.perThread = ThreadLocal.withInitial(this::newPerThread);
  }

  @Override
  public void serialize(T value, BinaryOutput out) {
    PerThread state = perThread.get();
    Output output = state.output;
    output.reset();
    try {
      state.kryo.writeClassAndObject(output, value);
    } catch (KryoException | IllegalArgumentException e) {
      // Kryo reports an unregistered class with IllegalArgumentException
      throw new SerializationException(
          "Kryo fallback for " + type.getName() + " could not write a " + value.getClass().getName()
              + ": " + e.getMessage(),
          e);
    }
    int length = output.position();
    out.writeVarInt(length);
    out.writeBytes(output.getBuffer(), 0, length);
  }

  @Override
  public T deserialize(BinaryInput in) {
    int length = in.readLength(in.remaining());
    PerThread state = perThread.get();
    Input input = state.input;
    int start = in.position();
    // parse in place; Kryo never reads past the slice it was given
    input.setBuffer(in.array(), start, length);
    Object value;
    int consumed;
    try {
      value = state.kryo.readClassAndObject(input);
      consumed = input.position() - start;
    } catch (KryoException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new SerializationException(
          "Kryo fallback for " + type.getName() + " could not read " + length + " bytes at offset " + start
              + ": " + e.getMessage(),
          e);
    } finally {
      input.setBuffer(EMPTY, 0, 0); // do not keep the caller's array alive
    }
    if (!type.isInstance(value)) {
      throw new SerializationException("Kryo fallback for " + type.getName() + " read a "
          + (value == null ? "null" : value.getClass().getName()) + " at offset " + start);
    }
    if (consumed != length) {
      throw new SerializationException("Kryo fallback for " + type.getName() + " read " + consumed
          + " of the " + length + " bytes at offset " + start);
    }
    in.skip(length);
    return type.cast(value);
  }

  /** {@code kryo:<type>/<hash of the registrations>}: changes when a class or id changes. */
  @Override
  public String formatId() {
    return formatId;
  }

  /** The declared type this serializer handles. */
  public Class<T> type() {
    return type;
  }

  /** The registrations, in the order given. */
  public List<KryoRegistration> registrations() {
    return registrations;
  }

  private static final byte[] EMPTY = new byte[0];

  private PerThread newPerThread() {
    Kryo kryo = new Kryo();
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    // no-arg constructor when there is one, else Objenesis (the type gave the processor no usable one)
    kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    for (KryoRegistration r : registrations) {
      kryo.register(r.type(), r.id());
    }
    return new PerThread(kryo);
  }

  private static String layoutHash(List<KryoRegistration> registrations) {
    StringBuilder layout = new StringBuilder();
    registrations.stream()
        .sorted((a, b) -> Integer.compare(a.id(), b.id()))
        .forEach(r -> layout.append(r.id()).append('=').append(r.type().getName()).append(';'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(layout.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static final class PerThread {
    final Kryo kryo;
    final Output output = new Output(256, -1);
    final Input input = new Input();

    PerThread(Kryo kryo) {
      this.kryo = kryo;
    }
  }
}
