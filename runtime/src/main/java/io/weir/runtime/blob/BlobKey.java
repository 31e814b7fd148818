package io.weir.runtime.blob;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of a stored blob (a job jar or dependency): the lowercase hex SHA-256 of its bytes.
 * Validated on construction, so a key received from a peer can never name a path outside the store.
 */
public record BlobKey(String sha256) {
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  public BlobKey {
    if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
    }
  }

  static BlobKey ofDigest(byte[] digest) {
    return new BlobKey(HexFormat.of().formatHex(digest));
  }

  @Override
  public String toString() {
    return sha256;
  }
}
