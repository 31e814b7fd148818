package io.weir.state.serialization;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Fixed-layout codecs for JDK value types common in records, so that generated serializers need
 * not fall back to Kryo for them. Values are non-null; generated code writes presence bytes.
 * Corrupt input (out of the type's range) throws {@link SerializationException}.
 */
public final class JdkValues {
  private JdkValues() {}

  /** Epoch second (8 bytes) and nano of second (4 bytes). */
  public static void writeInstant(Instant v, BinaryOutput out) {
    out.writeLong(v.getEpochSecond());
    out.writeInt(v.getNano());
  }

  public static Instant readInstant(BinaryInput in) {
    long seconds = in.readLong();
    int nanos = in.readInt();
    try {
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException | ArithmeticException e) {
      throw corrupt("Instant", e);
    }
  }

  /** Seconds (8 bytes) and nano adjustment (4 bytes). */
  public static void writeDuration(Duration v, BinaryOutput out) {
    out.writeLong(v.getSeconds());
    out.writeInt(v.getNano());
  }

  public static Duration readDuration(BinaryInput in) {
    long seconds = in.readLong();
    int nanos = in.readInt();
    try {
      return Duration.ofSeconds(seconds, nanos);
    } catch (ArithmeticException e) {
      throw corrupt("Duration", e);
    }
  }

  /** Epoch day (8 bytes). */
  public static void writeLocalDate(LocalDate v, BinaryOutput out) {
    out.writeLong(v.toEpochDay());
  }

  public static LocalDate readLocalDate(BinaryInput in) {
    long day = in.readLong();
    try {
      return LocalDate.ofEpochDay(day);
    } catch (DateTimeException e) {
      throw corrupt("LocalDate", e);
    }
  }

  /** Nano of day (8 bytes). */
  public static void writeLocalTime(LocalTime v, BinaryOutput out) {
    out.writeLong(v.toNanoOfDay());
  }

  public static LocalTime readLocalTime(BinaryInput in) {
    long nanos = in.readLong();
    try {
      return LocalTime.ofNanoOfDay(nanos);
    } catch (DateTimeException e) {
      throw corrupt("LocalTime", e);
    }
  }

  /** The date's epoch day, then the time's nano of day (8 + 8 bytes). */
  public static void writeLocalDateTime(LocalDateTime v, BinaryOutput out) {
    writeLocalDate(v.toLocalDate(), out);
    writeLocalTime(v.toLocalTime(), out);
  }

  public static LocalDateTime readLocalDateTime(BinaryInput in) {
    LocalDate date = readLocalDate(in);
    return LocalDateTime.of(date, readLocalTime(in));
  }

  /** Most then least significant bits (8 + 8 bytes). */
  public static void writeUUID(UUID v, BinaryOutput out) {
    out.writeLong(v.getMostSignificantBits());
    out.writeLong(v.getLeastSignificantBits());
  }

  public static UUID readUUID(BinaryInput in) {
    long most = in.readLong();
    return new UUID(most, in.readLong());
  }

  private static SerializationException corrupt(String type, RuntimeException cause) {
    return new SerializationException("corrupt input: not a valid " + type + ": " + cause.getMessage(), cause);
  }
}
