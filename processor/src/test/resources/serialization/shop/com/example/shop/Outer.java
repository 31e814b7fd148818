package com.example.shop;

public class Outer {
  public record Inner(String x) {}
}
