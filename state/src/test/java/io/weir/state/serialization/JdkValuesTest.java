package io.weir.state.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdkValuesTest {

  @Test
  void roundTripsExtremesAndOrdinaryValues() {
    BinaryOutput out = new BinaryOutput(4);
    Instant[] instants = {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.parse("2024-02-29T23:59:59.999999999Z")};
    Duration[] durations = {Duration.ZERO, Duration.ofSeconds(-1, 5), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)};
    LocalDate[] dates = {LocalDate.MIN, LocalDate.MAX, LocalDate.of(2000, 1, 1)};
    LocalTime[] times = {LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(12, 30, 1, 7)};
    LocalDateTime[] dateTimes = {LocalDateTime.MIN, LocalDateTime.MAX, LocalDateTime.of(2020, 5, 17, 8, 0)};
    UUID[] uuids = {new UUID(0, 0), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new UUID(-1, -1)};
    for (Instant v : instants) {
      JdkValues.writeInstant(v, out);
    }
    for (Duration v : durations) {
      JdkValues.writeDuration(v, out);
    }
    for (LocalDate v : dates) {
      JdkValues.writeLocalDate(v, out);
    }
    for (LocalTime v : times) {
      JdkValues.writeLocalTime(v, out);
    }
    for (LocalDateTime v : dateTimes) {
      JdkValues.writeLocalDateTime(v, out);
    }
    for (UUID v : uuids) {
      JdkValues.writeUUID(v, out);
    }
    BinaryInput in = new BinaryInput(out.toByteArray());
    for (Instant v : instants) {
      assertEquals(v, JdkValues.readInstant(in));
    }
    for (Duration v : durations) {
      assertEquals(v, JdkValues.readDuration(in));
    }
    for (LocalDate v : dates) {
      assertEquals(v, JdkValues.readLocalDate(in));
    }
    for (LocalTime v : times) {
      assertEquals(v, JdkValues.readLocalTime(in));
    }
    for (LocalDateTime v : dateTimes) {
      assertEquals(v, JdkValues.readLocalDateTime(in));
    }
    for (UUID v : uuids) {
      assertEquals(v, JdkValues.readUUID(in));
    }
    assertFalse(in.hasRemaining());
  }

  @Test
  void instantIsTwelveBytes() {
    BinaryOutput out = new BinaryOutput();
    JdkValues.writeInstant(Instant.ofEpochSecond(1, 2), out);
    assertEquals(12, out.position());
  }

  @Test
  void outOfRangeValuesAreCorruptInput() {
    BinaryOutput out = new BinaryOutput();
    out.writeLong(Long.MAX_VALUE);
    out.writeInt(0);
    byte[] bytes = out.toByteArray();
    assertThrows(SerializationException.class, () -> JdkValues.readInstant(new BinaryInput(bytes)));
    assertThrows(SerializationException.class, () -> JdkValues.readLocalDate(new BinaryInput(bytes)));
    assertThrows(SerializationException.class, () -> JdkValues.readLocalTime(new BinaryInput(bytes)));
    assertThrows(SerializationException.class, () -> JdkValues.readInstant(new BinaryInput(bytes, 0, 11)));
  }
}
