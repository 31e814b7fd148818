/**
 * Generation of binary serializers ({@link io.weir.processor.serialization.SerializerWriter} is the
 * entry point). The decisions that fix the bytes:
 *
 * <ul>
 *   <li><b>Primitives</b> are fixed width, big-endian, floats as raw IEEE bits; never boxed on the way.
 *   <li><b>Strings</b> use {@code BinaryOutput.writeString} (UTF-16 length, one byte per char when all are ASCII);
 *       a nullable one {@code writeNullableString}: the presence byte and the same string bytes in one call.
 *   <li><b>JDK values</b> {@code Instant}, {@code Duration}, {@code LocalDate}, {@code LocalTime},
 *       {@code LocalDateTime} and {@code UUID} have fixed layouts in {@code JdkValues} (no Kryo).
 *   <li><b>Nulls:</b> every reference nested in a value (component, field, element, key, map value,
 *       array element, Optional itself) is preceded by a presence byte, 0 = null, 1 = present. The
 *       top-level value is never null and has no presence byte.
 *   <li><b>Enums</b> are their ordinal as a varint: one byte, fast, but reordering or inserting
 *       constants changes the meaning of old bytes. The enum's constant list is part of every
 *       reaching serializer's {@code FORMAT_ID}, so a snapshot restore can detect the change.
 *   <li><b>Records</b> are their components in declaration order, read through the accessors and
 *       rebuilt with the canonical constructor. Generic records get one class per parameterization.
 *   <li><b>POJOs</b> follow {@link io.weir.processor.serialization.PojoAnalyzer}'s rules; a non-final
 *       POJO's serializer rejects subclasses at run time rather than dropping their fields.
 *   <li><b>Arrays</b> are a varint length then the elements; primitive arrays in bulk.
 *   <li><b>Collections</b> are a varint size then the elements in iteration order (maps: key, value);
 *       the classes read back are listed in {@link io.weir.processor.serialization.TypeClassifier}. A
 *       value declared {@code List} or {@code ArrayList} is walked by index when it is {@code
 *       RandomAccess} (same order, same bytes, no iterator).
 *   <li><b>Optional</b> is a present byte, then the value when present.
 *   <li><b>Everything else</b> (JDK classes other than the above, interfaces, {@code Object}, classes
 *       that are not POJOs) goes through {@code KryoFallbackSerializer} with {@code
 *       registrationRequired}: each such type gets a generated class holding a Kryo serializer with
 *       the classes {@link io.weir.processor.serialization.KryoClosure} finds, ids from 32 in
 *       discovery order, as class literals. A {@code weir.kryo-fallback} warning names the field.
 *   <li><b>Errors</b> ({@code weir.serializer}): type variables, wildcards, raw types, private or
 *       local types (generated code cannot name them, not even to register them with Kryo).
 * </ul>
 *
 * <p>Classes: {@code <Simple>_WeirSerializer} in the type's package (nested types {@code
 * Outer_Inner_...}, type arguments appended: {@code Pair_String_Long_...}); JDK enums, JDK types on
 * the Kryo fallback and top-level containers ({@code List_String_...}) go in a fallback package. A
 * name already taken by another type in the same package gets a hash of the type appended. Each
 * class has a {@code FORMAT_ID}: its name and a 16-hex-digit hash of its own layout and those of
 * all classes it reaches. {@code formatVersion()} stays 1 (this encoding scheme).
 */
package io.weir.processor.serialization;
