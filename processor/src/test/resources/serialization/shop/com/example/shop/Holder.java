package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;

@GenerateSerializer
public record Holder(Pair<String, Long> names, Pair<Color, Money> prices, Outer.Inner inner) {}
