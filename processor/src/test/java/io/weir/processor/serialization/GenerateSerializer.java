package io.weir.processor.serialization;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Test-only: asks {@link SerializerTestProcessor} for the serializer of the annotated type, or of
 * the annotated field's type.
 */
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface GenerateSerializer {}
