// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.oracle;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The oracle: sorts a receive history of {@link Stamp}ed messages into lost, duplicated,
 * unexpected, reordered, torn and corrupt.
 *
 * <ul>
 * <li><b>corrupt</b>: a part whose crc does not match;</li>
 * <li><b>unexpected</b>: shorter than a header, or a sequence number beyond what its producer
 * said it sent;</li>
 * <li><b>torn</b>: parts that do not make one whole message (count, index or owner differ);</li>
 * <li><b>duplicated</b>: a sequence number seen before in the same (producer, epoch);</li>
 * <li><b>reordered</b>: a new sequence number below the highest seen;</li>
 * <li><b>lost</b>: sequence numbers never seen, below the highest seen or the count the
 * producer reported; each run of them is one <b>gap</b>. ZeroMQ allows loss only across a
 * disconnect, so a test allows at most one gap per disconnect it caused, each at most the
 * queues' size ({@link Verdict#assertClean}).</li>
 * </ul>
 *
 * Owner: the one thread that receives.
 */
public final class SeqChecker {
    /** What the checker knows about one (producer, epoch). */
    private static final class Stream {
        final BitSet seen = new BitSet();
        long highest = -1;
        long expected = -1;
        long gaps;
        long maxGap;
    }

    private final Map<Long, Stream> streams = new HashMap<>();
    private long received;
    private long duplicated;
    private long unexpected;
    private long reordered;
    private long torn;
    private long corrupt;

    /**
     * Checks one whole message (all its parts, as received).
     *
     * @param parts the parts; only the first {@code count} are read
     * @param count how many parts the message had
     */
    public void accept(byte[][] parts, int count) {
        received++;
        if (count == 0) {
            unexpected++;
            return;
        }
        for (int i = 0; i < count; i++) {
            if (parts[i].length < Stamp.HEADER) {
                unexpected++;
                return;
            }
            if (!Stamp.intact(parts[i])) {
                corrupt++;
                return;
            }
        }
        byte[] first = parts[0];
        int producer = Stamp.producer(first);
        int epoch = Stamp.epoch(first);
        long seq = Stamp.seq(first);
        for (int i = 0; i < count; i++) {
            byte[] p = parts[i];
            if (Stamp.parts(p) != count || Stamp.partIndex(p) != i || Stamp.producer(p) != producer
                    || Stamp.epoch(p) != epoch || Stamp.seq(p) != seq) {
                torn++;
                return;
            }
        }
        Stream s = stream(producer, epoch);
        if (seq < 0 || seq > Integer.MAX_VALUE || s.expected >= 0 && seq >= s.expected) {
            unexpected++;
            return;
        }
        int at = (int) seq;
        if (s.seen.get(at)) {
            duplicated++;
            return;
        }
        s.seen.set(at);
        if (seq < s.highest) {
            reordered++;
            return;
        }
        noteGap(s, seq - s.highest - 1);
        s.highest = seq;
    }

    /**
     * Checks a one-part message.
     *
     * @param part the message
     */
    public void accept(byte[] part) {
        accept(new byte[][] {part}, 1);
    }

    /**
     * Records how many messages a producer sent in an epoch, so that loss at the end counts too.
     *
     * @param producer the producer
     * @param epoch its epoch
     * @param sent how many messages it sent (sequence numbers 0 .. sent-1)
     */
    public void expect(int producer, int epoch, long sent) {
        stream(producer, epoch).expected = sent;
    }

    /** @return the verdict so far, tail losses included */
    public Verdict verdict() {
        long lost = 0;
        long gaps = 0;
        long maxGap = 0;
        for (Stream s : streams.values()) {
            long end = Math.max(s.expected, s.highest + 1);
            lost += end - s.seen.cardinality();
            long tail = end - 1 - s.highest;
            gaps += s.gaps + (tail > 0 ? 1 : 0);
            maxGap = Math.max(maxGap, Math.max(s.maxGap, tail));
        }
        return new Verdict(received, lost, gaps, maxGap, duplicated, unexpected, reordered, torn, corrupt);
    }

    private static void noteGap(Stream s, long missing) {
        if (missing > 0) {
            s.gaps++;
            s.maxGap = Math.max(s.maxGap, missing);
        }
    }

    private Stream stream(int producer, int epoch) {
        return streams.computeIfAbsent(((long) producer << 32) | (epoch & 0xFFFF_FFFFL), k -> new Stream());
    }
}
