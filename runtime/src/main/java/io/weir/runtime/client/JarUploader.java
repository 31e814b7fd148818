package io.weir.runtime.client;

import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Uploads a file (a job jar) to the JobManager's blob store: hashes it, announces size and
 * checksum, sends it in chunks one at a time (each awaits its reply, which bounds memory on both
 * sides) and returns the key the JobManager verified and stored it under.
 */
public final class JarUploader {
  /** Well under the default frame limit, large enough that per-chunk round trips do not dominate. */
  static final int CHUNK_BYTES = 1024 * 1024;
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

  private JarUploader() {}

  public static BlobKey upload(RpcConnection jobManager, Path file)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    BlobKey key = sha256(file);
    long size = Files.size(file);
    long uploadId = ((Message.UploadStarted) call(jobManager, new Message.BeginUpload(key.sha256(), size))).uploadId();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[CHUNK_BYTES];
      for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
        byte[] chunk = n == buffer.length ? buffer.clone() : java.util.Arrays.copyOf(buffer, n);
        call(jobManager, new Message.UploadChunk(uploadId, chunk));
      }
    }
    Message.BlobStored stored = (Message.BlobStored) call(jobManager, new Message.FinishUpload(uploadId));
    return new BlobKey(stored.sha256());
  }

  private static Message call(RpcConnection connection, Message request)
      throws InterruptedException, ExecutionException, TimeoutException {
    return connection.request(request, REPLY_TIMEOUT).get(REPLY_TIMEOUT.toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  static BlobKey sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return new BlobKey(HexFormat.of().formatHex(digest.digest()));
  }
}
