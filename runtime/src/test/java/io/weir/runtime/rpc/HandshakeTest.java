package io.weir.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HandshakeTest {
  private static final ClusterSecret SECRET = ClusterSecret.of("a-cluster-secret-of-enough-bytes");
  private static final ClusterSecret OTHER = ClusterSecret.of("another-secret-of-enough-bytes!!");

  @Test
  void bothSidesAuthenticateWithTheSameSecret() {
    byte[] serverNonce = Handshake.newNonce();
    byte[] clientNonce = Handshake.newNonce();
    assertArrayEquals(serverNonce, Handshake.parseChallenge(Handshake.challenge(serverNonce)));
    byte[] hello = Handshake.hello(SECRET, serverNonce, clientNonce);
    assertArrayEquals(clientNonce, Handshake.verifyHello(SECRET, serverNonce, hello));
    Handshake.verifyWelcome(SECRET, clientNonce, serverNonce, Handshake.welcome(SECRET, clientNonce, serverNonce));
  }

  @Test
  void wrongSecretOrReplayedHelloIsRejected() {
    byte[] serverNonce = Handshake.newNonce();
    byte[] clientNonce = Handshake.newNonce();
    byte[] forged = Handshake.hello(OTHER, serverNonce, clientNonce);
    assertThrows(ProtocolException.class, () -> Handshake.verifyHello(SECRET, serverNonce, forged));
    // a HELLO recorded from an earlier connection answers a different challenge
    byte[] recorded = Handshake.hello(SECRET, serverNonce, clientNonce);
    assertThrows(ProtocolException.class, () -> Handshake.verifyHello(SECRET, Handshake.newNonce(), recorded));
    // a fake server cannot produce the welcome proof
    byte[] fakeWelcome = Handshake.welcome(OTHER, clientNonce, serverNonce);
    assertThrows(ProtocolException.class, () -> Handshake.verifyWelcome(SECRET, clientNonce, serverNonce, fakeWelcome));
  }

  @Test
  void malformedFramesAreRejected() {
    byte[] nonce = Handshake.newNonce();
    assertThrows(ProtocolException.class, () -> Handshake.parseChallenge(new byte[3]));
    byte[] badMagic = Handshake.challenge(nonce);
    badMagic[0] = 'X';
    assertThrows(ProtocolException.class, () -> Handshake.parseChallenge(badMagic));
    byte[] badVersion = Handshake.challenge(nonce);
    badVersion[4] = 2;
    assertThrows(ProtocolException.class, () -> Handshake.parseChallenge(badVersion));
  }

  @Test
  void shortSecretsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClusterSecret.of("short"));
  }
}
