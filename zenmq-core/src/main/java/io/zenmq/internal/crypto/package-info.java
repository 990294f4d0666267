// SPDX-License-Identifier: MPL-2.0
/**
 * NaCl's {@code crypto_box} and {@code crypto_secretbox} (X25519, HSalsa20, XSalsa20, Poly1305), as
 * CurveZMQ needs them (spec/security.md section 3.2). X25519 is Bouncy Castle's; Salsa20, HSalsa20
 * and Poly1305 are written here (Bouncy Castle's per-message re-keying and byte-wise XOR made them
 * CURVE's bottleneck), constant-time, and tested against NaCl's and libsodium's vectors and against
 * Bouncy Castle on random input. Bouncy Castle is never registered as a JCA provider.
 *
 * <p>Pure code: no I/O, clock, threads or logging; randomness comes in as a {@code SecureRandom}.
 * The static operations are thread-safe; a {@link io.zenmq.internal.crypto.SecretBox} instance is
 * owned by one thread (a connection's I/O thread). Failures caused by peer input (a tag that does not
 * verify, a low-order public key) are return values, never exceptions.
 */
package io.zenmq.internal.crypto;
