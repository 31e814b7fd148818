package com.example.shop;

public record Pair<A, B>(A first, B second) {}
