package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;

@GenerateSerializer
public record Money(long cents, String currency) {}
