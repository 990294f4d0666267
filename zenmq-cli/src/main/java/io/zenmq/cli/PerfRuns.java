// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import io.zenmq.Option;
import io.zenmq.Socket;
import java.time.Duration;
import java.util.Locale;

/**
 * The measuring loops of libzmq's perf tools, shared by {@code perf} and {@code bench}, and the
 * figures and report lines they print (bench/README.md, "The tool contract"). Each loop uses its
 * socket from the calling thread only.
 */
final class PerfRuns {
    /** The most of each message the receiver copies out: the recycling ring's largest array. */
    private static final int LARGEST_COPY = 4 << 20;
    /** The largest message the receiver copies rather than takes by reference in a reused {@link Msg}. */
    private static final int SMALL_COPY = 4096;

    private PerfRuns() {
    }

    /**
     * Receives {@code count} messages of {@code size} bytes and returns the nanoseconds from the
     * first to the last, allocating nothing in the loop. Like libzmq's local_thr, which receives
     * each message into one {@code zmq_msg_t} and never copies it out, a message above 4 KiB
     * refills one reused {@link Msg} ({@code recvMsg(Msg)}: its frames go back to the connection
     * when the next message comes). Up to 4 KiB, copying the bytes into one reused array
     * ({@code recv(byte[], int, int)}, whose array goes back to the connection at once) costs less
     * than refilling a message. Above 4 MiB only the first 4 MiB are copied (the rest is cut, as
     * {@code zmq_recv} cuts): a message held until the next one arrived would double the heap a
     * 1 GiB stream needs. A message is counted as local_thr counts it, by its real length, checked
     * against {@code size}.
     *
     * @param idle the longest wait for any one message ({@link Option#INFINITE} for none)
     * @throws CliException (failure) for a message of the wrong size or an idle timeout
     */
    static long receiveAll(Socket socket, int size, long count, Duration idle) {
        if (size <= SMALL_COPY || size > LARGEST_COPY) {
            return receiveAllCopied(socket, size, count, idle);
        }
        Msg msg = new Msg();
        receiveWhole(socket, msg, size, idle);
        long start = System.nanoTime();
        for (long i = 1; i < count; i++) {
            receiveWhole(socket, msg, size, idle);
        }
        return System.nanoTime() - start;
    }

    /** {@link #receiveAll} by copying each message (its first 4 MiB) into one reused array. */
    private static long receiveAllCopied(Socket socket, int size, long count, Duration idle) {
        byte[] buffer = new byte[Math.min(size, LARGEST_COPY)];
        checkLength(receiveInto(socket, buffer, idle), size, socket);
        long start = System.nanoTime();
        for (long i = 1; i < count; i++) {
            checkLength(receiveInto(socket, buffer, idle), size, socket);
        }
        return System.nanoTime() - start;
    }

    /** Refills {@code msg} with the next message, which must be one frame of {@code size} bytes. */
    private static void receiveWhole(Socket socket, Msg msg, int size, Duration idle) {
        if (!socket.recvMsg(msg, idle)) {
            throw noMessage(idle);
        }
        checkShape(msg.frame(0).length, msg.size() != 1, size);
    }

    /** The frame's real length (above {@code buffer.length} if it was cut). */
    private static int receiveInto(Socket socket, byte[] buffer, Duration idle) {
        int length = socket.recv(buffer, 0, buffer.length, idle);
        if (length < 0) {
            throw noMessage(idle);
        }
        return length;
    }

    private static void checkLength(int length, int size, Socket socket) {
        checkShape(length, socket.hasMore(), size);
    }

    /** Fails unless a message is one frame of {@code size} bytes, as the sender was told to send. */
    private static void checkShape(int length, boolean moreFrames, int size) {
        if (length != size || moreFrames) {
            throw CliException.failure("message of wrong size: " + length + " B"
                    + (moreFrames ? " with more frames" : "") + ", expected " + size + " B");
        }
    }

    private static CliException noMessage(Duration idle) {
        return CliException.failure("no message for " + idle.toMillis() + " ms");
    }

    /**
     * Sends {@code count} messages of {@code size} bytes, each send blocking as long as needed.
     * Like libzmq's tools (which hand each message over with {@code zmq_msg_send}, no copy) and
     * JeroMQ's (which wraps one array), the payload is handed over without a copy: one
     * unchanging array through one reused {@link Msg}, so the loop allocates nothing.
     */
    static void sendAll(Socket socket, int size, long count) {
        byte[] payload = new byte[size];
        Msg msg = new Msg();
        for (long i = 0; i < count; i++) {
            socket.send(msg.add(payload));
        }
    }

    /**
     * Does {@code count} request/reply roundtrips of {@code size} bytes and returns their total
     * nanoseconds. Like {@link #sendAll} and {@link #receiveAll}, the loop allocates nothing: the
     * request is one unchanging array through one reused {@link Msg}, and each reply is copied into
     * one reused array, whose frame goes back to the connection to be refilled. A fresh array per
     * reply would cost the receiving I/O thread a page fault and a clear per message while the young
     * generation is still untouched memory, which is most of a short run
     * (docs/bench/2026-12-07-latency-warm-up.md).
     */
    static long roundtrips(Socket socket, int size, long count, Duration idle) {
        byte[] payload = new byte[size];
        byte[] reply = new byte[Math.min(size, LARGEST_COPY)];
        Msg msg = new Msg();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            socket.send(msg.add(payload));
            checkLength(receiveInto(socket, reply, idle), size, socket);
        }
        return System.nanoTime() - start;
    }

    /**
     * Answers {@code count} requests with their own bytes. Up to 4 MiB each request is copied into
     * one reused array, which goes back as the reply without a copy, so the loop allocates nothing
     * (see {@link #roundtrips}). That array is refilled only by the next request, which a REQ peer
     * sends after it has read this reply, so the connection is done with the reply by then: the
     * tool serves one peer at a time, as libzmq's local_lat is used. A larger request is sent
     * back as the array it came in (as libzmq's tool does), not copied.
     */
    static void echo(Socket socket, int size, long count, Duration idle) {
        Msg msg = new Msg();
        if (size > LARGEST_COPY) {
            for (long i = 0; i < count; i++) {
                byte[] request = receive(socket, idle);
                check(request, size, socket);
                socket.send(msg.add(request));
            }
            return;
        }
        byte[] buffer = new byte[size];
        for (long i = 0; i < count; i++) {
            checkLength(receiveInto(socket, buffer, idle), size, socket);
            socket.send(msg.add(buffer));
        }
    }

    private static byte[] receive(Socket socket, Duration idle) {
        byte[] frame = socket.recv(idle);
        if (frame == null) {
            throw noMessage(idle);
        }
        return frame;
    }

    private static void check(byte[] frame, int size, Socket socket) {
        checkLength(frame.length, size, socket);
    }

    /** {@code ⌊count / seconds⌋}, as libzmq's local_thr computes it. */
    static long messagesPerSecond(long count, long nanos) {
        return (long) (count * 1e9 / Math.max(1, nanos));
    }

    /** msg/s × size × 8 / 10^6. */
    static double megabitsPerSecond(long messagesPerSecond, int size) {
        return messagesPerSecond * (double) size * 8 / 1e6;
    }

    /** One-way latency in µs: total roundtrip time / (2 × count). */
    static double latencyMicros(long nanos, long count) {
        return nanos / 1e3 / (2.0 * count);
    }

    static String throughputReport(int size, long count, long nanos) {
        long rate = messagesPerSecond(count, nanos);
        return String.format(Locale.ROOT, "message size: %d [B]\nmessage count: %d\nmean throughput: %d [msg/s]\n"
                + "mean throughput: %.3f [Mb/s]\n", size, count, rate, megabitsPerSecond(rate, size));
    }

    static String latencyReport(int size, long count, long nanos) {
        return String.format(Locale.ROOT, "message size: %d [B]\nroundtrip count: %d\naverage latency: %.3f [us]\n",
                size, count, latencyMicros(nanos, count));
    }
}
