package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;

/**
 * Members that fall back to Kryo: a class without a no-arg constructor, Object, a sealed interface,
 * a generic class, a JDK class.
 */
@GenerateSerializer
public record Wallet(
    String owner, Balance balance, Object note, Shape shape, Labelled<String> label, java.util.Currency currency) {

  /** Not a POJO (final fields, no no-arg constructor). Kryo registers ArrayList for the list. */
  public static final class Balance {
    private final long cents;
    private final java.util.List<String> history;

    public Balance(long cents) {
      this.cents = cents;
      this.history = new java.util.ArrayList<>(java.util.List.of("opened", "€"));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Balance b && b.cents == cents && b.history.equals(history);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(cents);
    }
  }

  /** A generic class that is not a POJO: the Kryo class is generated for Labelled<String>. */
  public static final class Labelled<T> {
    private final T value;

    public Labelled(T value) {
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Labelled<?> l && java.util.Objects.equals(l.value, value);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hashCode(value);
    }
  }

  /** Kryo registers the permitted subclasses. */
  public sealed interface Shape permits Circle, Square {}

  public record Circle(double radius) implements Shape {}

  public record Square(double side) implements Shape {}
}
