package io.weir.state.rocksdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.StringAppendOperator;

/**
 * A RocksDB database with one column family per state name, and the native objects that belong to
 * it: {@link #close} closes the column-family handles, then the database, then options it created
 * itself, also when opening failed halfway. Options passed in by the caller stay the caller's.
 */
final class OpenDatabase implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  final RocksDB db;
  private final ColumnFamilyOptions columnOptions;
  private final Map<String, ColumnFamilyHandle> columns = new LinkedHashMap<>();
  private final Deque<AutoCloseable> owned;

  private OpenDatabase(RocksDB db, ColumnFamilyOptions columnOptions, Deque<AutoCloseable> owned) {
    this.db = db;
    this.columnOptions = columnOptions;
    this.owned = owned;
  }

  /** Opens (creating if missing) the database in {@code path} with the column families {@code names}. */
  static OpenDatabase open(DBOptions dbOptions, ColumnFamilyOptions columnOptions, Path path,
      Collection<String> names) throws RocksDBException {
    return open(dbOptions, columnOptions, path, names, false, new ArrayDeque<>());
  }

  /**
   * Opens the RocksDB files in {@code path} read-only with column families {@code names}, with
   * options of its own (the list-state merge operator, so unmerged list appends read whole).
   */
  static OpenDatabase openReadOnly(Path path, Collection<String> names) throws RocksDBException {
    Deque<AutoCloseable> owned = new ArrayDeque<>();
    try {
      StringAppendOperator append = push(owned, new StringAppendOperator(""));
      ColumnFamilyOptions columnOptions = push(owned, new ColumnFamilyOptions().setMergeOperator(append));
      DBOptions dbOptions = push(owned, new DBOptions());
      return open(dbOptions, columnOptions, path, names, true, owned);
    } catch (RocksDBException | RuntimeException e) {
      closeAll(owned);
      throw e;
    }
  }

  private static OpenDatabase open(DBOptions dbOptions, ColumnFamilyOptions columnOptions, Path path,
      Collection<String> names, boolean readOnly, Deque<AutoCloseable> owned) throws RocksDBException {
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
    for (String name : names) {
      descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB db;
    try {
      db = readOnly
          ? RocksDB.openReadOnly(dbOptions, path.toString(), descriptors, handles)
          : RocksDB.open(dbOptions, path.toString(), descriptors, handles);
    } catch (RocksDBException | RuntimeException e) {
      handles.forEach(ColumnFamilyHandle::close);
      if (!readOnly) {
        closeAll(owned);
      }
      throw e;
    }
    OpenDatabase opened = new OpenDatabase(db, columnOptions, owned);
    owned.push(db);
    handles.forEach(owned::push);
    int i = 1;
    for (String name : names) {
      opened.columns.put(name, handles.get(i++));
    }
    return opened;
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> owned, T object) {
    owned.push(object);
    return object;
  }

  /** The column family of state {@code name}, or null. */
  ColumnFamilyHandle column(String name) {
    return columns.get(name);
  }

  /** The column family of state {@code name}, created if missing. */
  ColumnFamilyHandle columnOrCreate(String name) throws RocksDBException {
    ColumnFamilyHandle handle = columns.get(name);
    if (handle == null) {
      handle = db.createColumnFamily(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
      owned.push(handle);
      columns.put(name, handle);
    }
    return handle;
  }

  /** State name to column family, in the order they were opened or created. */
  Map<String, ColumnFamilyHandle> columns() {
    return columns;
  }

  @Override
  public void close() {
    closeAll(owned);
  }

  private static void closeAll(Deque<AutoCloseable> natives) {
    while (!natives.isEmpty()) {
      try {
        natives.pop().close();
      } catch (Exception e) {
        // Keep closing the others; a failed close of a native handle leaves nothing to retry.
      }
    }
  }
}
