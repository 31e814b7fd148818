package com.example.shop;

import io.weir.processor.serialization.GenerateSerializer;

/** Package-private: its serializer lives in this package. */
@GenerateSerializer
record Secretive(String code, Color color) {}
