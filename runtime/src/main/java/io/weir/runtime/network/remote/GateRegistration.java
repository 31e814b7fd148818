package io.weir.runtime.network.remote;

/** A gate's registration with the {@link DataPlane}; closing it stops delivery and frees its receive buffers. */
public interface GateRegistration extends AutoCloseable {
  @Override
  void close();
}
