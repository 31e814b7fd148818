package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;

@GenerateSerializer
public record Primitives(
    boolean z, byte b, short s, char c, int i, long l, float f, double d,
    Boolean boxedZ, Byte boxedB, Short boxedS, Character boxedC, Integer boxedI, Long boxedL, Float boxedF,
    Double boxedD) {}
