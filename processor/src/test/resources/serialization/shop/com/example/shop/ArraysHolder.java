package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;
import java.util.Arrays;
import java.util.List;

/** Records compare arrays by identity, so this one says what equal means. */
@GenerateSerializer
public record ArraysHolder(
    int[] ints, byte[] bytes, boolean[] flags, char[] chars, short[] shorts, long[] longs, float[] floats,
    double[] doubles, String[] labels, Money[] monies, int[][] grid, Color[] colors, List<String>[] lists) {

  private Object[] parts() {
    return new Object[] {ints, bytes, flags, chars, shorts, longs, floats, doubles, labels, monies, grid, colors, lists};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArraysHolder other && Arrays.deepEquals(parts(), other.parts());
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(parts());
  }
}
