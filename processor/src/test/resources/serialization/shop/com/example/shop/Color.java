package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;

@GenerateSerializer
public enum Color {
  RED,
  GREEN,
  BLUE
}
