package io.weir.runtime.jobmanager;

import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.blob.BlobStore;
import io.weir.runtime.rpc.Message;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Serves stored blobs (job jars) to TaskManagers in ranges: each FETCH_BLOB returns up to one
 * chunk from an offset, so a fetch of any size keeps one bounded frame in flight. The reader checks
 * the SHA-256 of the whole; this side only refuses keys it does not hold.
 */
final class BlobServer {
  /** The largest chunk served, well under the default frame limit. */
  static final int MAX_CHUNK = 1024 * 1024;

  private final BlobStore store;

  BlobServer(BlobStore store) {
    this.store = store;
  }

  Message fetch(Message.FetchBlob request) throws IOException {
    BlobKey key = new BlobKey(request.sha256());
    Path path = store.find(key).orElseThrow(() -> new NoSuchFileException("no blob " + key + " on this JobManager"));
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      if (request.offset() > size) {
        throw new IllegalArgumentException("offset " + request.offset() + " beyond the " + size + " bytes of blob " + key);
      }
      int length = (int) Math.min(Math.min(request.maxBytes(), MAX_CHUNK), size - request.offset());
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, request.offset() + buffer.position()) < 0) {
          throw new IOException("blob " + key + " shrank while being read");
        }
      }
      return new Message.BlobChunk(size, buffer.array());
    }
  }
}
