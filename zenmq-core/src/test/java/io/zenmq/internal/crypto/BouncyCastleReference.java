// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl's secretbox and its parts composed from Bouncy Castle's engines, the independent reference the
 * hand-written {@link Salsa20}, {@link Poly1305} and {@link SecretBox} are cross-checked against.
 * Tests only.
 */
final class BouncyCastleReference {
    private BouncyCastleReference() {
    }

    /** XSalsa20 keystream XORed into a copy of {@code message}, from keystream byte {@code skip}. */
    static byte[] xsalsa20(byte[] key, byte[] nonce, int skip, byte[] message) {
        XSalsa20Engine cipher = new XSalsa20Engine();
        cipher.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        cipher.skip(skip);
        byte[] out = new byte[message.length];
        cipher.processBytes(message, 0, message.length, out, 0);
        return out;
    }

    /** Poly1305 of a message under a 32-byte one-time key. */
    static byte[] poly1305(byte[] key, byte[] message) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] tag = new byte[16];
        mac.doFinal(tag, 0);
        return tag;
    }

    /** crypto_secretbox: tag(16) || ciphertext. */
    static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        byte[] macKey = xsalsa20(key, nonce, 0, new byte[32]);
        byte[] ciphertext = xsalsa20(key, nonce, 32, message);
        byte[] tag = poly1305(macKey, ciphertext);
        byte[] boxed = new byte[16 + message.length];
        System.arraycopy(tag, 0, boxed, 0, 16);
        System.arraycopy(ciphertext, 0, boxed, 16, ciphertext.length);
        return boxed;
    }
}
