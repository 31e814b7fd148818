package io.weir.runtime.rpc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The three handshake frames, as fixed-layout byte arrays (parsed here and nowhere else, so no
 * general decoder ever sees bytes from an unauthenticated peer):
 *
 * <pre>
 * CHALLENGE server→client: magic "WEIR" (4) | version (1) | serverNonce (32)
 * HELLO     client→server: magic "WEIR" (4) | version (1) | clientNonce (32) | HMAC(secret, "weir-hello"   | serverNonce | clientNonce) (32)
 * WELCOME   server→client: magic "WEIR" (4) | version (1) | HMAC(secret, "weir-welcome" | clientNonce | serverNonce) (32)
 * </pre>
 *
 * Both sides prove the secret, each over a nonce the other chose, so neither a replayed HELLO nor a
 * fake server gets through. The distinct labels keep one direction's proof from being reflected
 * back as the other's.
 */
final class Handshake {
  static final int MAGIC = 0x57454952; // "WEIR"
  static final byte VERSION = 1;
  static final int NONCE_BYTES = 32;
  static final int PROOF_BYTES = 32;
  static final int CHALLENGE_BYTES = 5 + NONCE_BYTES;
  static final int HELLO_BYTES = 5 + NONCE_BYTES + PROOF_BYTES;
  static final int WELCOME_BYTES = 5 + PROOF_BYTES;
  /** The frame limit while the peer is unauthenticated: the largest handshake frame. */
  static final int MAX_HANDSHAKE_FRAME = HELLO_BYTES;

  private static final byte[] HELLO_LABEL = "weir-hello".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WELCOME_LABEL = "weir-welcome".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Handshake() {}

  static byte[] newNonce() {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return nonce;
  }

  static byte[] challenge(byte[] serverNonce) {
    return ByteBuffer.allocate(CHALLENGE_BYTES).putInt(MAGIC).put(VERSION).put(serverNonce).array();
  }

  /** The server nonce from a CHALLENGE. */
  static byte[] parseChallenge(byte[] frame) {
    ByteBuffer in = header(frame, CHALLENGE_BYTES, "challenge");
    byte[] serverNonce = new byte[NONCE_BYTES];
    in.get(serverNonce);
    return serverNonce;
  }

  static byte[] hello(ClusterSecret secret, byte[] serverNonce, byte[] clientNonce) {
    return ByteBuffer.allocate(HELLO_BYTES).putInt(MAGIC).put(VERSION).put(clientNonce)
        .put(secret.hmac(HELLO_LABEL, serverNonce, clientNonce)).array();
  }

  /** Checks a HELLO's proof against our challenge; returns the client's nonce. */
  static byte[] verifyHello(ClusterSecret secret, byte[] serverNonce, byte[] frame) {
    ByteBuffer in = header(frame, HELLO_BYTES, "hello");
    byte[] clientNonce = new byte[NONCE_BYTES];
    byte[] proof = new byte[PROOF_BYTES];
    in.get(clientNonce).get(proof);
    if (!ClusterSecret.proofMatches(secret.hmac(HELLO_LABEL, serverNonce, clientNonce), proof)) {
      throw new ProtocolException("authentication failed: the peer does not know the cluster secret");
    }
    return clientNonce;
  }

  static byte[] welcome(ClusterSecret secret, byte[] clientNonce, byte[] serverNonce) {
    return ByteBuffer.allocate(WELCOME_BYTES).putInt(MAGIC).put(VERSION)
        .put(secret.hmac(WELCOME_LABEL, clientNonce, serverNonce)).array();
  }

  static void verifyWelcome(ClusterSecret secret, byte[] clientNonce, byte[] serverNonce, byte[] frame) {
    ByteBuffer in = header(frame, WELCOME_BYTES, "welcome");
    byte[] proof = new byte[PROOF_BYTES];
    in.get(proof);
    if (!ClusterSecret.proofMatches(secret.hmac(WELCOME_LABEL, clientNonce, serverNonce), proof)) {
      throw new ProtocolException("authentication failed: the server does not know the cluster secret");
    }
  }

  private static ByteBuffer header(byte[] frame, int expectedLength, String what) {
    if (frame.length != expectedLength) {
      throw new ProtocolException("malformed " + what + ": " + frame.length + " bytes, expected " + expectedLength);
    }
    ByteBuffer in = ByteBuffer.wrap(frame);
    int magic = in.getInt();
    if (magic != MAGIC) {
      throw new ProtocolException("malformed " + what + ": bad magic 0x" + Integer.toHexString(magic));
    }
    byte version = in.get();
    if (version != VERSION) {
      throw new ProtocolException("unsupported protocol version " + version + " (this process speaks " + VERSION + ")");
    }
    return in;
  }
}
