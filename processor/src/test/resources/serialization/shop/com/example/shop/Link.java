package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;
import java.util.Optional;

/** A recursive record with nothing mutable in it: deeply immutable. */
@GenerateSerializer
public record Link(String label, Link next, Optional<Money> toll) {}
