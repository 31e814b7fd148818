package io.weir.state.rocksdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * A bounded write-back cache in front of RocksDB for the single-value states (value, reducing,
 * aggregating), as Kafka Streams' record cache: one entry per key holds, per cached state (a
 * "slot"), the key's serialized value, whether it is known to be absent, and whether it differs
 * from RocksDB (dirty). Reads of a cached key and repeated updates never cross JNI; dirty values
 * reach RocksDB in write batches when the least recently used entries are evicted (the cache went
 * over its bound) and in {@link #flush} before every snapshot and before anything reads RocksDB
 * directly.
 *
 * <p>Values are held as the bytes their serializer wrote, not as objects: the serializer contract
 * has no copy, so bytes are the only copy a caller cannot mutate afterwards; a read deserializes a
 * fresh object as an uncached read would (same semantics with the cache on or off); a flush writes
 * the bytes as they are (no serialization in a snapshot's synchronous part); and the bound is in
 * real bytes. Values of deeply immutable types ({@code TypeSerializer.immutableValues()}) are also kept as the object
 * last written or read ({@link #object}), so reading them back deserializes nothing. Task thread
 * only, like the backend.
 */
final class RocksRecordCache {
  /**
   * Estimated heap bytes of an entry besides its prefix and value bytes (64-bit JVM, compressed
   * oops): map node 40, entry 40, four array headers 64, the key object kept alive (a short string
   * about 50), the table slot.
   */
  static final int ENTRY_OVERHEAD = 200;
  /** Estimated heap bytes of one slot besides its value bytes: array slots, the value array's header, a kept box. */
  static final int SLOT_OVERHEAD = 40;
  /** Dirty values of one write batch before it is written: bounds the native memory of a flush. */
  private static final long BATCH_BYTES = 1 << 20;

  private static final byte UNKNOWN = 0;
  private static final byte CLEAN = 1;
  private static final byte DIRTY = 2;

  /** One key's cached values. {@code values[slot]} null with a known status means absent. */
  static final class Entry {
    final byte[] prefix;
    byte[][] values;
    /** The value of {@code values[slot]} as an immutable object, or null if none is kept. */
    Object[] objects;
    byte[] status;
    long weight;
    boolean dirty;

    Entry(byte[] prefix, int slots) {
      this.prefix = prefix;
      this.values = new byte[slots][];
      this.objects = new Object[slots];
      this.status = new byte[slots];
      this.weight = ENTRY_OVERHEAD + prefix.length + (long) SLOT_OVERHEAD * slots;
    }
  }

  private final RocksDbKeyedStateBackend backend;
  private final long capacityBytes;
  /** Least recently used first (access order). Keys compare by equals, as the backend's contract says. */
  private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
  private final List<ColumnFamilyHandle> columns = new ArrayList<>();
  private long weight;
  private long evictions;

  RocksRecordCache(RocksDbKeyedStateBackend backend, long capacityBytes) {
    if (capacityBytes <= 0) {
      throw new IllegalArgumentException("record cache bound must be positive: " + capacityBytes);
    }
    this.backend = backend;
    this.capacityBytes = capacityBytes;
  }

  /** A new slot for a state stored in {@code column}. */
  int register(ColumnFamilyHandle column) {
    columns.add(column);
    return columns.size() - 1;
  }

  /** The entry of {@code key}, now the most recently used, or null. */
  Entry find(Object key) {
    return entries.get(key);
  }

  /** A new entry (nothing loaded yet) for {@code key}, whose RocksDB key prefix is {@code prefix}. */
  Entry create(Object key, byte[] prefix) {
    Entry entry = new Entry(prefix, columns.size());
    entries.put(key, entry);
    weight += entry.weight;
    return entry;
  }

  /** The stored bytes of {@code slot} for {@code entry}, loaded from RocksDB on first use; null if absent. */
  byte[] read(Entry entry, int slot) {
    ensureSlots(entry);
    if (entry.status[slot] == UNKNOWN) {
      byte[] stored;
      try {
        stored = backend.db().get(columns.get(slot), entry.prefix);
      } catch (RocksDBException e) {
        throw new RocksDbStateException("RocksDB could not read a cached state's value", e);
      }
      entry.values[slot] = stored;
      entry.objects[slot] = null;
      entry.status[slot] = CLEAN;
      if (stored != null) {
        grow(entry, stored.length);
      }
      evictIfNeeded(entry);
    }
    return entry.values[slot];
  }

  /** The object kept for {@code slot}'s present value (see {@link #read}), or null if none is. */
  Object object(Entry entry, int slot) {
    return entry.objects[slot];
  }

  /** Keeps {@code immutable}, equal to what {@code slot}'s bytes hold, to be returned instead of deserializing them. */
  void remember(Entry entry, int slot, Object immutable) {
    entry.objects[slot] = immutable;
  }

  /**
   * Sets {@code slot} of {@code entry} to {@code length} bytes of {@code bytes} (copied);
   * {@code immutable} is the value they hold if it is of an immutable type, else null.
   */
  void write(Entry entry, int slot, byte[] bytes, int length, Object immutable) {
    ensureSlots(entry);
    entry.objects[slot] = immutable;
    byte[] old = entry.values[slot];
    if (old != null && old.length == length && immutable != null) {
      // Overwritten in place only for the built-in types, whose deserializers copy what they read:
      // another type's object from an earlier read might still view the array (BinaryInput.array()).
      System.arraycopy(bytes, 0, old, 0, length);
    } else {
      entry.values[slot] = Arrays.copyOf(bytes, length);
      grow(entry, length - (old == null ? 0 : old.length));
    }
    markDirty(entry, slot);
    evictIfNeeded(entry);
  }

  /** Marks {@code slot} of {@code entry} absent; RocksDB's value is deleted when the entry is written. */
  void clear(Entry entry, int slot) {
    ensureSlots(entry);
    byte[] old = entry.values[slot];
    if (old != null) {
      grow(entry, -old.length);
      entry.values[slot] = null;
    }
    entry.objects[slot] = null;
    markDirty(entry, slot);
    evictIfNeeded(entry);
  }

  private void markDirty(Entry entry, int slot) {
    entry.status[slot] = DIRTY;
    entry.dirty = true;
  }

  private void grow(Entry entry, long delta) {
    entry.weight += delta;
    weight += delta;
  }

  /** States registered after the entry was created get slots of their own. */
  private void ensureSlots(Entry entry) {
    int slots = columns.size();
    if (entry.status.length < slots) {
      int added = slots - entry.status.length;
      entry.values = Arrays.copyOf(entry.values, slots);
      entry.objects = Arrays.copyOf(entry.objects, slots);
      entry.status = Arrays.copyOf(entry.status, slots);
      grow(entry, (long) SLOT_OVERHEAD * added);
    }
  }

  /**
   * Over the bound: writes and drops least recently used entries until a tenth of the bound is
   * free (one write batch per eviction round, not one JNI call per entry). {@code keep}, the entry
   * being used, is never evicted.
   */
  private void evictIfNeeded(Entry keep) {
    if (weight <= capacityBytes) {
      return;
    }
    long target = capacityBytes - capacityBytes / 10;
    Batch batch = new Batch();
    try {
      Iterator<Entry> it = entries.values().iterator();
      while (weight > target && it.hasNext()) {
        Entry entry = it.next();
        if (entry == keep) {
          continue;
        }
        batch.add(entry);
        it.remove();
        weight -= entry.weight;
        evictions++;
      }
      batch.write();
    } finally {
      batch.close();
    }
  }

  /** Writes every dirty value to RocksDB; the entries stay cached, now clean. */
  void flush() {
    Batch batch = new Batch();
    try {
      for (Entry entry : entries.values()) {
        batch.add(entry);
      }
      batch.write();
    } finally {
      batch.close();
    }
  }

  /** Drops every entry without writing (the database is going away). */
  void discard() {
    entries.clear();
    weight = 0;
  }

  int size() {
    return entries.size();
  }

  long weight() {
    return weight;
  }

  long evictions() {
    return evictions;
  }

  /**
   * Dirty entries collected, then written sorted by RocksDB key in write batches of about
   * {@link #BATCH_BYTES}: in key order, RocksDB's memtable inserts reuse their position in the skip
   * list from one key to the next instead of searching it from the top each time.
   */
  private final class Batch implements AutoCloseable {
    private final List<Entry> dirty = new ArrayList<>();
    private WriteBatch batch;

    void add(Entry entry) {
      if (entry.dirty) {
        dirty.add(entry);
      }
    }

    void write() {
      dirty.sort((a, b) -> Arrays.compareUnsigned(a.prefix, b.prefix));
      try {
        for (Entry entry : dirty) {
          for (int slot = 0; slot < entry.status.length; slot++) {
            if (entry.status[slot] != DIRTY) {
              continue;
            }
            if (batch == null) {
              batch = new WriteBatch();
            }
            byte[] value = entry.values[slot];
            if (value == null) {
              batch.delete(columns.get(slot), entry.prefix);
            } else {
              batch.put(columns.get(slot), entry.prefix, value);
            }
            entry.status[slot] = CLEAN;
          }
          entry.dirty = false;
          if (batch != null && batch.getDataSize() >= BATCH_BYTES) {
            writeBatch();
          }
        }
        writeBatch();
      } catch (RocksDBException e) {
        throw new RocksDbStateException("RocksDB could not write the record cache's values", e);
      }
      dirty.clear();
    }

    private void writeBatch() throws RocksDBException {
      if (batch != null) {
        backend.db().write(backend.writeOptions(), batch);
        batch.close();
        batch = null;
      }
    }

    @Override
    public void close() {
      if (batch != null) {
        batch.close();
      }
    }
  }
}
