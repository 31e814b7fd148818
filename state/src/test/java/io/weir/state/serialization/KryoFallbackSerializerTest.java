package io.weir.state.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class KryoFallbackSerializerTest {

  /** No no-arg constructor: Kryo must build it without one. */
  static final class Point {
    final int x;
    final int y;

    Point(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Point p && p.x == x && p.y == y;
    }

    @Override
    public int hashCode() {
      return Objects.hash(x, y);
    }
  }

  record Event(String name, Instant when, List<String> tags, Point where) {}

  interface Shape {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  private static final KryoFallbackSerializer<Event> EVENTS = new KryoFallbackSerializer<>(Event.class, List.of(
      KryoRegistration.of(Event.class, 32),
      KryoRegistration.of(Instant.class, 33),
      KryoRegistration.of(ArrayList.class, 34),
      KryoRegistration.of(Point.class, 35)));

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
    BinaryOutput out = new BinaryOutput(8);
    out.writeByte(0x55); // framing around the value: lengths must be exact
    serializer.serialize(value, out);
    out.writeByte(0x66);
    BinaryInput in = new BinaryInput(out.toByteArray());
    assertEquals(0x55, in.readByte());
    T read = serializer.deserialize(in);
    assertEquals(0x66, in.readByte());
    assertFalse(in.hasRemaining());
    return read;
  }

  @Test
  void roundTripsRegisteredGraph() {
    Event event = new Event("deploy", Instant.ofEpochSecond(1_700_000_000L, 123),
        new ArrayList<>(List.of("a", "ü")), new Point(3, -4));
    assertEquals(event, roundTrip(EVENTS, event));
  }

  @Test
  void roundTripsNullsInsideTheValue() {
    Event event = new Event(null, null, null, null);
    assertEquals(event, roundTrip(EVENTS, event));
  }

  @Test
  void polymorphicValuesOfRegisteredSubclasses() {
    KryoFallbackSerializer<Shape> shapes = new KryoFallbackSerializer<>(Shape.class,
        List.of(KryoRegistration.of(Circle.class, 40), KryoRegistration.of(Square.class, 41)));
    assertEquals(new Circle(1.5), roundTrip(shapes, new Circle(1.5)));
    assertEquals(new Square(2), roundTrip(shapes, new Square(2)));
  }

  @Test
  void unregisteredClassFailsToWrite() {
    KryoFallbackSerializer<Event> missingPoint = new KryoFallbackSerializer<>(Event.class, List.of(
        KryoRegistration.of(Event.class, 32), KryoRegistration.of(Instant.class, 33),
        KryoRegistration.of(ArrayList.class, 34)));
    Event event = new Event("x", Instant.EPOCH, new ArrayList<>(), new Point(1, 2));
    SerializationException e = assertThrows(SerializationException.class,
        () -> missingPoint.serialize(event, new BinaryOutput()));
    assertTrue(e.getMessage().contains(Point.class.getName()), e.getMessage());
  }

  @Test
  void unregisteredTopLevelClassFailsToWrite() {
    KryoFallbackSerializer<Shape> onlyCircles = new KryoFallbackSerializer<>(Shape.class,
        List.of(KryoRegistration.of(Circle.class, 40)));
    assertThrows(SerializationException.class, () -> onlyCircles.serialize(new Square(1), new BinaryOutput()));
  }

  @Test
  void readingWithOtherRegistrationsIsDetected() {
    BinaryOutput out = new BinaryOutput();
    EVENTS.serialize(new Event("x", Instant.EPOCH, new ArrayList<>(), new Point(1, 2)), out);
    KryoFallbackSerializer<Event> shifted = new KryoFallbackSerializer<>(Event.class,
        List.of(KryoRegistration.of(Point.class, 32)));
    assertThrows(SerializationException.class, () -> shifted.deserialize(new BinaryInput(out.toByteArray())));
    assertNotEquals(EVENTS.formatId(), shifted.formatId());
  }

  @Test
  void truncatedBytesThrow() {
    BinaryOutput out = new BinaryOutput();
    EVENTS.serialize(new Event("name", Instant.EPOCH, new ArrayList<>(List.of("t")), new Point(1, 2)), out);
    byte[] bytes = out.toByteArray();
    for (int cut = 0; cut < bytes.length; cut++) {
      BinaryInput in = new BinaryInput(bytes, 0, cut);
      assertThrows(SerializationException.class, () -> EVENTS.deserialize(in), "cut at " + cut);
    }
  }

  @Test
  void lengthPrefixTooShortForTheValueIsDetected() {
    BinaryOutput out = new BinaryOutput();
    EVENTS.serialize(new Event("name", Instant.EPOCH, new ArrayList<>(), new Point(1, 2)), out);
    byte[] bytes = out.toByteArray();
    bytes[0]--; // claims one byte fewer than Kryo needs
    assertThrows(SerializationException.class, () -> EVENTS.deserialize(new BinaryInput(bytes)));
  }

  @Test
  void rejectsBadRegistrations() {
    assertThrows(IllegalArgumentException.class, () -> KryoRegistration.of(Point.class, FIRST_ID_MINUS_ONE));
    assertThrows(IllegalArgumentException.class, () -> new KryoFallbackSerializer<>(Point.class,
        List.of(KryoRegistration.of(Point.class, 40), KryoRegistration.of(Circle.class, 40))));
    assertThrows(IllegalArgumentException.class, () -> new KryoFallbackSerializer<>(Point.class,
        List.of(KryoRegistration.of(Point.class, 40), KryoRegistration.of(Point.class, 41))));
  }

  private static final int FIRST_ID_MINUS_ONE = KryoFallbackSerializer.FIRST_ID - 1;

  @Test
  void formatIdIsDeterministicAndNamesTheType() {
    KryoFallbackSerializer<Event> same = new KryoFallbackSerializer<>(Event.class, EVENTS.registrations());
    assertEquals(EVENTS.formatId(), same.formatId());
    assertTrue(EVENTS.formatId().startsWith("kryo:" + Event.class.getName() + "/"), EVENTS.formatId());
  }

  @Test
  @Timeout(30)
  void threadsUseTheirOwnKryo() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          BinaryOutput out = new BinaryOutput();
          BinaryInput in = new BinaryInput();
          for (int i = 0; i < 2_000; i++) {
            Event e = new Event("t" + thread + "-" + i, Instant.ofEpochMilli(i), new ArrayList<>(List.of("x" + i)),
                new Point(thread, i));
            out.clear();
            EVENTS.serialize(e, out);
            in.reset(out.array(), 0, out.position());
            assertEquals(e, EVENTS.deserialize(in));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(25, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
