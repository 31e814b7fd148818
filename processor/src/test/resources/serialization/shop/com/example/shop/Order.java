package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

@GenerateSerializer
public record Order(
    long id,
    List<Item> items,
    Map<String, Integer> counts,
    Set<Color> colors,
    Long boxedTotal,
    Optional<Money> discount,
    TreeMap<String, Long> sorted,
    LinkedList<String> linked,
    HashSet<Integer> hashed,
    SortedSet<String> sortedSet,
    Collection<String> collection,
    List<List<String>> nested,
    Map<Color, List<Money>> byColor,
    Optional<List<String>> maybeList) {}
