package io.weir.runtime.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shared secret every process of a cluster knows; peers prove knowledge of it with
 * HMAC-SHA256 over nonces, so the secret itself never crosses the wire.
 *
 * <p>{@link #NONE} (an empty key) keeps the handshake's shape on loopback-only clusters: it still
 * checks magic and version, but any local process can compute the proof. That is why servers refuse
 * non-loopback addresses without a real secret.
 */
public final class ClusterSecret {
  /** Environment variable read by the command line when no {@code --secret-file} is given. */
  public static final String ENVIRONMENT_VARIABLE = "WEIR_CLUSTER_SECRET";
  public static final ClusterSecret NONE = new ClusterSecret(new byte[0]);
  private static final int MIN_LENGTH = 16;

  private final byte[] key;

  private ClusterSecret(byte[] key) {
    this.key = key.clone();
  }

  /** A secret from its text (UTF-8); at least 16 bytes so that it is not trivially guessable. */
  public static ClusterSecret of(String text) {
    byte[] bytes = text.strip().getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_LENGTH) {
      throw new IllegalArgumentException("cluster secret must be at least " + MIN_LENGTH + " bytes, got " + bytes.length);
    }
    return new ClusterSecret(bytes);
  }

  /** The secret stored in a file (surrounding whitespace ignored). */
  public static ClusterSecret fromFile(Path file) throws IOException {
    return of(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** {@code --secret-file} if given, else {@link #ENVIRONMENT_VARIABLE} if set, else {@link #NONE}. */
  public static ClusterSecret resolve(Path secretFile) throws IOException {
    if (secretFile != null) {
      return fromFile(secretFile);
    }
    String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank() ? NONE : of(fromEnvironment);
  }

  public boolean isNone() {
    return key.length == 0;
  }

  /** HMAC-SHA256 of the concatenated parts. */
  byte[] hmac(byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // an empty key is not accepted by SecretKeySpec; a single zero byte is equivalent under HMAC's padding
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  /** Constant-time comparison, so a forged proof leaks nothing through timing. */
  static boolean proofMatches(byte[] expected, byte[] actual) {
    return MessageDigest.isEqual(expected, actual);
  }

  @Override
  public String toString() {
    return isNone() ? "ClusterSecret[none]" : "ClusterSecret[" + key.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterSecret other && MessageDigest.isEqual(key, other.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }
}
