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
 * <li><b>reordered</b>: a new sequence number below the highest seen, while the receiver saw no
 * reconnect;</li>
 * <li><b>late</b>: the same after a reconnect, which is allowed: ZeroMQ keeps order per
 * connection, and what the old connection left in the receiving queue is read interleaved with
 * what the new one brings (libzmq's fair queue does the same);</li>
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
    }

    private final Map<Long, Stream> streams = new HashMap<>();
    private boolean reconnected;
    private long late;
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
            if (reconnected) {
                late++;
            } else {
                reordered++;
            }
            return;
        }
        s.highest = seq;
    }

    /**
     * Tells the checker that a connection of the receiving socket went down (a monitor
     * DISCONNECTED): from now on a message older than the newest seen is late, not reordered.
     */
    public void reconnected() {
        reconnected = true;
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
            int end = (int) Math.max(s.expected, s.highest + 1);
            // each run of sequence numbers never received is one gap (late arrivals filled theirs)
            for (int from = s.seen.nextClearBit(0); from < end; ) {
                int to = Math.min(end, nextSetOrEnd(s.seen, from));
                lost += to - from;
                gaps++;
                maxGap = Math.max(maxGap, to - from);
                from = s.seen.nextClearBit(to);
            }
        }
        return new Verdict(received, lost, gaps, maxGap, duplicated, unexpected, reordered, late, torn, corrupt);
    }

    private static int nextSetOrEnd(BitSet seen, int from) {
        int next = seen.nextSetBit(from);
        return next < 0 ? Integer.MAX_VALUE : next;
    }

    private Stream stream(int producer, int epoch) {
        return streams.computeIfAbsent(((long) producer << 32) | (epoch & 0xFFFF_FFFFL), k -> new Stream());
    }
}
