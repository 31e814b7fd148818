package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;
import java.util.Objects;

/** A POJO with a POJO superclass: superclass fields come first. */
@GenerateSerializer
public final class PremiumCustomer extends Customer {
  long points;
  Money credit;

  @Override
  protected boolean sameFields(Customer c) {
    PremiumCustomer p = (PremiumCustomer) c;
    return super.sameFields(c) && points == p.points && Objects.equals(credit, p.credit);
  }
}
