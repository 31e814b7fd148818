package io.weir.benchmarks.micro;

import java.util.List;

/** Benchmark record (c): a list of short strings. */
public record Sentence(long id, List<String> words) {}
