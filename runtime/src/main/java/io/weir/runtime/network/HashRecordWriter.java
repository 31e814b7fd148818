package io.weir.runtime.network;

import io.weir.runtime.operator.KeySelector;
import io.weir.state.KeyGroups;
import io.weir.state.serialization.TypeSerializer;

/**
 * Sends each record to the downstream subtask that owns its key group:
 * {@code keyGroupFor(selector.keyHash(input, record), maxParallelism)}, then the owner of that group.
 * The group-to-channel mapping is precomputed, so routing costs a hash mix and an array read.
 * Channels that hand over objects pass the key group along, so the consumer does not hash again.
 */
public final class HashRecordWriter extends RecordWriter {
  private final KeySelector selector;
  private final int input;
  private final KeyGroupAssigner keyGroups;
  private final int[] channelOfKeyGroup;

  /**
   * @param selector the downstream vertex's key selector
   * @param input the downstream input this edge feeds
   * @param targets one per downstream subtask, in subtask order
   */
  public HashRecordWriter(TypeSerializer<?> serializer, BufferPool pool, ChannelTarget[] targets, int[] channelIndexes,
      String target, KeySelector selector, int input, int maxParallelism) {
    super(serializer, pool, targets, channelIndexes, target);
    this.selector = selector;
    this.input = input;
    this.keyGroups = new KeyGroupAssigner(maxParallelism);
    this.channelOfKeyGroup = new int[maxParallelism];
    for (int keyGroup = 0; keyGroup < maxParallelism; keyGroup++) {
      channelOfKeyGroup[keyGroup] = KeyGroups.subtaskFor(keyGroup, maxParallelism, targets.length);
    }
  }

  @Override
  public void emit(Object record) {
    int hash;
    try {
      hash = selector.keyHash(input, record);
    } catch (RuntimeException e) {
      throw new RecordWriteException("could not compute the key of a record for '" + target() + "'", e);
    }
    int keyGroup = keyGroups.keyGroup(hash);
    write(channelOfKeyGroup[keyGroup], record, keyGroup);
  }
}
