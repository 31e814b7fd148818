package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;
import java.util.List;
import java.util.Objects;

/** A POJO: a public field, private fields with accessors, a protected field, skipped ones. */
@GenerateSerializer
public class Customer {
  public String name;
  private int age;
  protected List<String> tags;
  private boolean vip;
  transient String cache;
  static int instances;

  public int getAge() {
    return age;
  }

  public void setAge(int age) {
    this.age = age;
  }

  public boolean isVip() {
    return vip;
  }

  public void setVip(boolean vip) {
    this.vip = vip;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && sameFields((Customer) o);
  }

  protected boolean sameFields(Customer c) {
    return Objects.equals(name, c.name) && age == c.age && Objects.equals(tags, c.tags) && vip == c.vip;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, age, tags, vip);
  }
}
