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

    private PerfRuns() {
    }

    /**
     * Receives {@code count} messages of {@code size} bytes and returns the nanoseconds from the
     * first to the last. Each message is copied into one reused array ({@code recv(byte[], int,
     * int)}, whose array goes back to the connection), so the loop allocates nothing; past 4 MiB
     * only the first 4 MiB are copied (the rest is cut, as {@code zmq_recv} cuts); a message is
     * counted as libzmq's local_thr counts it, by its real length, checked against {@code size}.
     *
     * @param idle the longest wait for any one message ({@link Option#INFINITE} for none)
     * @throws CliException (failure) for a message of the wrong size or an idle timeout
     */
    static long receiveAll(Socket socket, int size, long count, Duration idle) {
        // a large message is only counted, like libzmq's local_thr, which never looks inside: a
        // copy target as big as it would double the heap a 1 GiB message needs
        byte[] buffer = new byte[Math.min(size, LARGEST_COPY)];
        checkLength(receiveInto(socket, buffer, idle), size, socket);
        long start = System.nanoTime();
        for (long i = 1; i < count; i++) {
            checkLength(receiveInto(socket, buffer, idle), size, socket);
        }
        return System.nanoTime() - start;
    }

    /** The frame's real length (above {@code buffer.length} if it was cut). */
    private static int receiveInto(Socket socket, byte[] buffer, Duration idle) {
        int length = socket.recv(buffer, 0, buffer.length, idle);
        if (length < 0) {
            throw CliException.failure("no message for " + idle.toMillis() + " ms");
        }
        return length;
    }

    private static void checkLength(int length, int size, Socket socket) {
        if (length != size || socket.hasMore()) {
            throw CliException.failure("message of wrong size: " + length + " B"
                    + (socket.hasMore() ? " with more frames" : "") + ", expected " + size + " B");
        }
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
            throw CliException.failure("no message for " + idle.toMillis() + " ms");
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
