package io.weir.runtime.time;

/**
 * Reads a record's event timestamp through the source's {@code @EventTime} method; the processor
 * generates it as a lambda in the job plan, casting {@code reader} and {@code record}.
 */
@FunctionalInterface
public interface SourceTimestamps {
  long timestamp(Object reader, Object record);
}
