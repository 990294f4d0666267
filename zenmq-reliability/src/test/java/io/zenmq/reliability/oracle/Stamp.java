// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.oracle;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * The one layout of a test message part: a 24-byte header, then filler bytes.
 *
 * <pre>
 * offset 0  int   producer      who sent it (one per sending socket or process)
 *        4  int   epoch         the producer's incarnation: a restarted producer takes a new one
 *        8  long  seq           0, 1, 2... per (producer, epoch), one per message
 *       16  short part          0 .. parts-1
 *       18  short parts         how many parts the message has
 *       20  int   crc32         over bytes 0..19 and the filler
 * </pre>
 *
 * Stateless; any thread.
 */
public final class Stamp {
    /** Bytes before the filler. */
    public static final int HEADER = 24;

    private Stamp() {
    }

    /**
     * Builds one part.
     *
     * @param producer the producer
     * @param epoch the producer's epoch
     * @param seq the message's sequence number
     * @param part this part's index
     * @param parts the message's part count
     * @param filler how many filler bytes follow the header
     * @return the part's bytes
     */
    public static byte[] part(int producer, int epoch, long seq, int part, int parts, int filler) {
        byte[] bytes = new byte[HEADER + filler];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.putInt(producer).putInt(epoch).putLong(seq).putShort((short) part).putShort((short) parts);
        // filler derived from the header, so that a swapped filler is caught by the crc too
        long x = seq * 0x9E3779B97F4A7C15L + part;
        for (int i = HEADER; i < bytes.length; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            bytes[i] = (byte) x;
        }
        b.putInt(20, crc(bytes));
        return bytes;
    }

    /**
     * Builds all parts of message {@code seq}: every {@code multipartEvery}-th message has 4
     * parts, the others one; filler sizes drawn from {@code random} within [minFiller, maxFiller].
     *
     * @param producer the producer
     * @param epoch the producer's epoch
     * @param seq the message's sequence number
     * @param multipartEvery every how many messages one has 4 parts (0: never)
     * @param minFiller the smallest filler
     * @param maxFiller the largest filler
     * @param random the draws (seeded by the caller)
     * @return the parts
     */
    public static byte[][] message(int producer, int epoch, long seq, int multipartEvery, int minFiller,
            int maxFiller, SplittableRandom random) {
        int parts = multipartEvery > 0 && seq % multipartEvery == multipartEvery - 1 ? 4 : 1;
        byte[][] message = new byte[parts][];
        for (int i = 0; i < parts; i++) {
            int filler = maxFiller > minFiller ? random.nextInt(minFiller, maxFiller + 1) : minFiller;
            message[i] = part(producer, epoch, seq, i, parts, filler);
        }
        return message;
    }

    /**
     * Writes the send time into the first 8 filler bytes (and fixes the crc), for latency.
     *
     * @param part a part from {@link #part} with at least 8 filler bytes
     * @param nanos {@code System.nanoTime()} at sending (one clock for all processes on Linux)
     */
    public static void stampTime(byte[] part, long nanos) {
        ByteBuffer b = ByteBuffer.wrap(part);
        b.putLong(HEADER, nanos);
        b.putInt(20, crc(part));
    }

    /**
     * @param part a received part
     * @return the send time {@link #stampTime} wrote, or -1 if the part is too short
     */
    public static long sentAt(byte[] part) {
        return part.length >= HEADER + 8 ? ByteBuffer.wrap(part).getLong(HEADER) : -1;
    }

    static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 20);
        crc.update(bytes, HEADER, bytes.length - HEADER);
        return (int) crc.getValue();
    }

    /** @return whether the part is long enough and its crc matches */
    static boolean intact(byte[] bytes) {
        return bytes.length >= HEADER && ByteBuffer.wrap(bytes).getInt(20) == crc(bytes);
    }

    static int producer(byte[] b) {
        return ByteBuffer.wrap(b).getInt(0);
    }

    static int epoch(byte[] b) {
        return ByteBuffer.wrap(b).getInt(4);
    }

    static long seq(byte[] b) {
        return ByteBuffer.wrap(b).getLong(8);
    }

    static int partIndex(byte[] b) {
        return ByteBuffer.wrap(b).getShort(16);
    }

    static int parts(byte[] b) {
        return ByteBuffer.wrap(b).getShort(18);
    }
}
