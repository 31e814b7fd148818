package io.weir.runtime.jobmanager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.client.JarUploader;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcClient;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Jar uploads from a client to a JobManager in this JVM, over the real transport. */
@Timeout(30)
class JarUploadTest {
  @TempDir Path blobs;
  @TempDir Path work;

  private JobManager jobManager;
  private RpcClient client;

  @BeforeEach
  void start() throws Exception {
    jobManager = JobManager.start(null, 0, ClusterSecret.NONE, RpcOptions.DEFAULT, blobs);
    client = new RpcClient(ClusterSecret.NONE, RpcOptions.DEFAULT);
  }

  @AfterEach
  void stop() {
    client.close();
    jobManager.close();
  }

  private RpcConnection connect() throws Exception {
    return client.connect("127.0.0.1", jobManager.address().getPort(), (c, m) -> null).get(5, TimeUnit.SECONDS);
  }

  private Message call(RpcConnection connection, Message request) throws Exception {
    return connection.request(request, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
  }

  private long filesIn(Path directory, String suffix) throws Exception {
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.filter(p -> p.toString().endsWith(suffix)).count();
    }
  }

  @Test
  void aMultiChunkJarIsStoredUnderItsChecksumOnce() throws Exception {
    byte[] content = new byte[2 * 1024 * 1024 + 12345];
    new Random(7).nextBytes(content);
    Path jar = Files.write(work.resolve("job.jar"), content);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

    RpcConnection connection = connect();
    BlobKey key = JarUploader.upload(connection, jar);
    assertEquals(expected, key.sha256());
    assertArrayEquals(content, Files.readAllBytes(jobManager.blobs().get(key).orElseThrow()));
    assertEquals(key, JarUploader.upload(connection, jar));
    assertEquals(1, filesIn(blobs, ".blob"));
    assertEquals(0, filesIn(blobs, ".tmp"));
  }

  @Test
  void aWrongChecksumIsRejectedAndNothingIsStored() throws Exception {
    RpcConnection connection = connect();
    String claimed = "00".repeat(32);
    long id = ((Message.UploadStarted) call(connection, new Message.BeginUpload(claimed, 3))).uploadId();
    call(connection, new Message.UploadChunk(id, new byte[] {1, 2, 3}));
    ExecutionException e = assertThrows(ExecutionException.class, () -> call(connection, new Message.FinishUpload(id)));
    assertTrue(e.getCause().getMessage().contains("hashes to"), e.getCause().getMessage());
    assertFalse(jobManager.blobs().contains(new BlobKey(claimed)));
    assertEquals(0, filesIn(blobs, ".blob") + filesIn(blobs, ".tmp"));
  }

  @Test
  void uploadsCannotExceedTheirSizeOrBeWrittenByAnotherConnection() throws Exception {
    RpcConnection owner = connect();
    RpcConnection other = connect();
    long id = ((Message.UploadStarted) call(owner, new Message.BeginUpload("11".repeat(32), 2))).uploadId();
    ExecutionException foreign = assertThrows(ExecutionException.class,
        () -> call(other, new Message.UploadChunk(id, new byte[] {1})));
    assertTrue(foreign.getCause().getMessage().contains("no upload"), foreign.getCause().getMessage());
    ExecutionException tooMuch = assertThrows(ExecutionException.class,
        () -> call(owner, new Message.UploadChunk(id, new byte[] {1, 2, 3})));
    assertTrue(tooMuch.getCause().getMessage().contains("more than the announced"), tooMuch.getCause().getMessage());
    ExecutionException tooLarge = assertThrows(ExecutionException.class,
        () -> call(owner, new Message.BeginUpload("11".repeat(32), JobManager.MAX_BLOB_BYTES + 1)));
    assertTrue(tooLarge.getCause().getMessage().contains("exceeds the limit"), tooLarge.getCause().getMessage());
  }

  @Test
  void anUploadCutOffByADisconnectLeavesNoTemporaryFile() throws Exception {
    RpcConnection connection = connect();
    long id = ((Message.UploadStarted) call(connection, new Message.BeginUpload("22".repeat(32), 10))).uploadId();
    call(connection, new Message.UploadChunk(id, new byte[] {1, 2, 3}));
    assertEquals(1, filesIn(blobs, ".tmp"));
    connection.close().get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 250 && filesIn(blobs, ".tmp") > 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(0, filesIn(blobs, ".tmp"));
  }
}
