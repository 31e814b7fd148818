package io.weir.runtime.metrics;

/**
 * Network figures of one task (chain), over its subtasks: how its output buffers were used and
 * how often it had to wait for one (backpressure).
 *
 * @param name the chain's name, e.g. "Lines -> Tokenize"
 * @param parallelism number of subtasks
 * @param bufferPoolCapacity buffers each subtask may have in flight (0: no network output)
 * @param maxBuffersInUse the most buffers any one subtask had out of its pool at once
 * @param backpressureWaits how often, summed over subtasks, a subtask waited for a free buffer
 * @param maxQueuedInputBuffers the longest any subtask's input queue grew, in buffers
 */
public record TaskMetrics(
    String name, int parallelism, int bufferPoolCapacity, int maxBuffersInUse, long backpressureWaits, int maxQueuedInputBuffers) {}
