// SPDX-License-Identifier: MPL-2.0
/**
 * NaCl's {@code crypto_box} and {@code crypto_secretbox} (X25519, HSalsa20, XSalsa20, Poly1305), as
 * CurveZMQ needs them (spec/security.md section 3.2), composed from Bouncy Castle's low-level
 * primitives. No primitive is implemented here, and Bouncy Castle is never registered as a JCA
 * provider.
 *
 * <p>Pure code: no I/O, clock, threads or logging; randomness comes in as a {@code SecureRandom}.
 * The static operations are thread-safe; a {@link io.zenmq.internal.crypto.SecretBox} instance is
 * owned by one thread (a connection's I/O thread). Failures caused by peer input (a tag that does not
 * verify, a low-order public key) are return values, never exceptions.
 */
package io.zenmq.internal.crypto;
