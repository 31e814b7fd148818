package io.weir.state.serialization;

import java.util.Objects;

/**
 * One class registered with the Kryo fallback under a fixed id. Generated code lists these with
 * class literals, ids assigned at compile time, so writer and reader agree without sending names.
 *
 * @param type the class Kryo may meet at run time (the exact runtime class, not a supertype)
 * @param id its id; at least {@link KryoFallbackSerializer#FIRST_ID}, unique within one serializer
 */
public record KryoRegistration(Class<?> type, int id) {
  public KryoRegistration {
    Objects.requireNonNull(type, "type");
    if (id < KryoFallbackSerializer.FIRST_ID) {
      throw new IllegalArgumentException(
          "Kryo id " + id + " of " + type.getName() + " is below " + KryoFallbackSerializer.FIRST_ID
              + ", which Kryo reserves for its built-in registrations");
    }
  }

  public static KryoRegistration of(Class<?> type, int id) {
    return new KryoRegistration(type, id);
  }
}
