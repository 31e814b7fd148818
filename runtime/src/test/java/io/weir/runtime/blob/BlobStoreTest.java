package io.weir.runtime.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  // SHA-256 of "hello", from `printf hello | sha256sum`
  private static final BlobKey HELLO = new BlobKey("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");

  @TempDir Path directory;

  private static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private long files() throws Exception {
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.count();
    }
  }

  @Test
  void storesUnderTheContentsHashAndDeduplicates() throws Exception {
    BlobStore store = new BlobStore(directory);
    assertEquals(HELLO, store.put(bytes("hello"), null));
    assertEquals(HELLO, store.put(bytes("hello"), HELLO));
    assertEquals(1, files());
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(store.get(HELLO).orElseThrow()));
    assertTrue(store.delete(HELLO));
    assertTrue(store.get(HELLO).isEmpty());
  }

  @Test
  void aMismatchedChecksumStoresNothing() throws Exception {
    BlobStore store = new BlobStore(directory);
    assertThrows(BlobStore.ChecksumMismatchException.class, () -> store.put(bytes("hellO"), HELLO));
    assertFalse(store.contains(HELLO));
    assertEquals(0, files(), "the temporary file is removed too");
  }

  @Test
  void aBlobDamagedOnDiskIsDetectedAndDeleted() throws Exception {
    BlobStore store = new BlobStore(directory);
    Path path = store.get(store.put(bytes("hello"), HELLO)).orElseThrow();
    Files.writeString(path, "jello");
    assertThrows(BlobStore.ChecksumMismatchException.class, () -> store.get(HELLO));
    assertFalse(store.contains(HELLO));
  }

  @Test
  void keysThatAreNotHashesAreRejected() {
    for (String bad : new String[] {"../../etc/passwd", "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", "abc", ""}) {
      assertThrows(IllegalArgumentException.class, () -> new BlobKey(bad), bad);
    }
  }
}
