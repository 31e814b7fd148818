package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;
import java.util.List;

@GenerateSerializer
public record Node(String label, Node next, List<Node> children) {}
