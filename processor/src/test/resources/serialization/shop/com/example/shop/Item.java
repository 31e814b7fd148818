package com.example.shop;

import java.util.Optional;

public record Item(String name, int quantity, Money price, Color color, Optional<String> note) {}
