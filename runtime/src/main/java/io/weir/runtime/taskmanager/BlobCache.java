package io.weir.runtime.taskmanager;

import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.blob.BlobStore;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's local copies of job jars, content-addressed like the JobManager's store. A jar
 * missing here is fetched from the JobManager chunk by chunk (one request in flight) and enters
 * the cache only if its SHA-256 matches the key; a cached one is re-hashed before each use, so a
 * file damaged on disk is noticed, deleted and fetched again.
 */
final class BlobCache {
  private static final Logger LOG = LoggerFactory.getLogger(BlobCache.class);
  private static final Duration CHUNK_TIMEOUT = Duration.ofSeconds(30);
  private static final int CHUNK_BYTES = 1024 * 1024;

  private final BlobStore store;

  BlobCache(Path directory) throws IOException {
    this.store = new BlobStore(directory);
  }

  /** The verified local file of {@code key}, fetched from {@code jobManager} if needed. */
  synchronized Path get(BlobKey key, RpcConnection jobManager) throws IOException, InterruptedException {
    try {
      var cached = store.get(key);
      if (cached.isPresent()) {
        return cached.get();
      }
    } catch (BlobStore.ChecksumMismatchException damaged) {
      LOG.warn("{}; fetching it again", damaged.getMessage());
    }
    long started = System.nanoTime();
    try (BlobStore.Upload upload = store.beginUpload()) {
      long total = -1;
      while (total < 0 || upload.size() < total) {
        Message.BlobChunk chunk = fetch(jobManager, new Message.FetchBlob(key.sha256(), upload.size(), CHUNK_BYTES));
        total = chunk.totalBytes();
        if (chunk.data().length == 0 && upload.size() < total) {
          throw new IOException("the JobManager sent no bytes of blob " + key + " at offset " + upload.size() + " of " + total);
        }
        upload.write(chunk.data(), 0, chunk.data().length);
      }
      upload.commit(key); // throws, storing nothing, unless the bytes hash to the key
      LOG.info("Fetched jar {} ({} bytes) in {} ms", key, total, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
    return store.find(key).orElseThrow(() -> new IOException("blob " + key + " vanished from the cache"));
  }

  private static Message.BlobChunk fetch(RpcConnection jobManager, Message.FetchBlob request)
      throws IOException, InterruptedException {
    try {
      return (Message.BlobChunk) jobManager.request(request, CHUNK_TIMEOUT)
          .get(CHUNK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IOException("fetching blob " + request.sha256() + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("fetching blob " + request.sha256() + " timed out", e);
    }
  }
}
