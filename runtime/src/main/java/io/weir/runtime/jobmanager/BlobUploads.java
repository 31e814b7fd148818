package io.weir.runtime.jobmanager;

import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.blob.BlobStore;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcConnection;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JobManager's side of jar uploads: BEGIN_UPLOAD, UPLOAD_CHUNKs, FINISH_UPLOAD into the
 * {@link BlobStore}. An upload belongs to the connection that began it: other connections cannot
 * write to it, and it is discarded if that connection closes first. The announced size is checked
 * against a limit up front and enforced on every chunk, the checksum when it finishes.
 *
 * <p>Chunks are written on the connection's event loop. Uploads are rare, chunks are at most one
 * frame, and the uploader waits for each reply, so this blocks one loop briefly per chunk.
 */
final class BlobUploads {
  private record Pending(RpcConnection owner, BlobKey expected, long totalBytes, BlobStore.Upload upload) {}

  private final BlobStore store;
  private final long maxBlobBytes;
  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

  BlobUploads(BlobStore store, long maxBlobBytes) {
    this.store = store;
    this.maxBlobBytes = maxBlobBytes;
  }

  Message begin(RpcConnection connection, Message.BeginUpload begin) throws IOException {
    BlobKey expected = new BlobKey(begin.sha256());
    if (begin.totalBytes() > maxBlobBytes) {
      throw new IllegalArgumentException("upload of " + begin.totalBytes() + " bytes exceeds the limit of " + maxBlobBytes);
    }
    long id = nextId.getAndIncrement();
    pending.put(id, new Pending(connection, expected, begin.totalBytes(), store.beginUpload()));
    return new Message.UploadStarted(id);
  }

  Message chunk(RpcConnection connection, Message.UploadChunk chunk) throws IOException {
    Pending upload = owned(connection, chunk.uploadId());
    if (upload.upload().size() + chunk.data().length > upload.totalBytes()) {
      abort(chunk.uploadId());
      throw new IllegalArgumentException("upload " + chunk.uploadId() + " sent more than the announced " + upload.totalBytes() + " bytes");
    }
    upload.upload().write(chunk.data(), 0, chunk.data().length);
    return new Message.UploadChunkAccepted(chunk.uploadId(), upload.upload().size());
  }

  Message finish(RpcConnection connection, Message.FinishUpload finish) throws IOException {
    Pending upload = owned(connection, finish.uploadId());
    pending.remove(finish.uploadId());
    try (BlobStore.Upload blob = upload.upload()) {
      if (blob.size() != upload.totalBytes()) {
        throw new IllegalArgumentException("upload " + finish.uploadId() + " ended after " + blob.size()
            + " of the announced " + upload.totalBytes() + " bytes");
      }
      return new Message.BlobStored(blob.commit(upload.expected()).sha256());
    }
  }

  /** Discards the unfinished uploads of a closed connection. */
  void connectionClosed(RpcConnection connection) {
    pending.entrySet().removeIf(entry -> {
      if (entry.getValue().owner() != connection) {
        return false;
      }
      closeQuietly(entry.getValue().upload());
      return true;
    });
  }

  private Pending owned(RpcConnection connection, long uploadId) {
    Pending upload = pending.get(uploadId);
    if (upload == null || upload.owner() != connection) {
      throw new IllegalArgumentException("no upload " + uploadId + " on this connection");
    }
    return upload;
  }

  private void abort(long uploadId) {
    Pending upload = pending.remove(uploadId);
    if (upload != null) {
      closeQuietly(upload.upload());
    }
  }

  private static void closeQuietly(BlobStore.Upload upload) {
    try {
      upload.close();
    } catch (IOException ignored) {
      // a temporary file that cannot be deleted is left for the next cleanup of the directory
    }
  }
}
