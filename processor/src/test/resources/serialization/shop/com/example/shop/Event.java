package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** JDK value types with fixed layouts. */
@GenerateSerializer
public record Event(
    String name, Instant when, Duration took, LocalDate day, LocalTime at, LocalDateTime local, UUID id) {}
