// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * How many messages went by and a SHA-256 over all of them in order, as {@code peer.py}'s
 * {@code recvn} reports it: per message the frame count (uint32 BE), then per frame its length
 * (uint32 BE) and bytes. Lets 10 000 messages be compared without crossing the peer's stdout.
 *
 * @param count the number of messages
 * @param sha256 the lowercase hex digest
 */
record Digest(long count, String sha256) {

    /** Parses {@code DIGEST <count> <sha256>}. */
    static Digest parse(String reply) {
        String[] words = reply.split(" ");
        if (words.length != 3 || !words[0].equals("DIGEST")) {
            throw new AssertionError("not a digest reply: " + reply);
        }
        return new Digest(Long.parseLong(words[1]), words[2]);
    }

    /** Accumulates messages in the order they were sent or received. Not thread-safe. */
    static final class Accumulator {
        private final MessageDigest sha256;
        private final ByteBuffer word = ByteBuffer.allocate(Integer.BYTES);
        private long count;

        Accumulator() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        /** Adds one message made of the given frames. */
        Accumulator add(List<byte[]> frames) {
            putLength(frames.size());
            for (byte[] frame : frames) {
                putLength(frame.length);
                sha256.update(frame);
            }
            count++;
            return this;
        }

        Accumulator add(byte[] singleFrame) {
            return add(List.of(singleFrame));
        }

        /** Returns the digest so far; the accumulator must not be used afterwards. */
        Digest finish() {
            return new Digest(count, HexFormat.of().formatHex(sha256.digest()));
        }

        private void putLength(int length) {
            word.clear();
            word.putInt(length);
            sha256.update(word.array());
        }
    }
}
