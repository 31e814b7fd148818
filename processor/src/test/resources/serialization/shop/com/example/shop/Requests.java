package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Top-level types that get no class of their own: built-ins, or classes in the fallback package. */
public class Requests {
  @GenerateSerializer List<String> strings;
  @GenerateSerializer Map<String, List<Long>> index;
  @GenerateSerializer Long boxed;
  @GenerateSerializer String text;
  @GenerateSerializer int[] ints;
  @GenerateSerializer Optional<Money> maybeMoney;
  @GenerateSerializer DayOfWeek day;
  @GenerateSerializer Instant instant;
  @GenerateSerializer Set<Outer.Inner> inners;
}
