// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Receiving into the caller's memory over tcp and ipc gives every array back to the connection's
 * decoder: once the arrays in flight have all come back, however far the I/O thread ran ahead of
 * the reader, the decoder allocates no more. Counted as the bytes the I/O threads allocate (the
 * sender uses a reused {@link Msg}, so its side allocates nothing either), not as a time.
 */
class RecycledArraysTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SIZE = 64 * 1024;
    /** Messages the sender queues before the reader starts: the I/O thread runs up to this far ahead. */
    private static final int BURST = 500;
    private static final int BURSTS = 6;

    /**
     * Each burst is sent before any of it is read, so up to {@link #BURST} frames can wait in the
     * receiver's queue at once (how many do depends on scheduling). Whatever the timing, the
     * decoder needs at most that many arrays, plus the ones the writer fills and the reader holds,
     * over all bursts together: every array it made comes back. (That a full queue's worth comes
     * back, which the former 64-array ring did not do, is checked without threads in
     * {@code FrameQueueRecyclingTest}.)
     */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    void shouldMakeNoMoreArraysThanAreEverInFlight(Transport transport) throws JMException {
        receiveBurstsWithinTheArraysInFlight(transport, false);
    }

    /**
     * The same under CURVE: frames are opened into the arrays given back, and each MESSAGE body,
     * once opened, is read into again by the next one of its size.
     */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    void shouldMakeNoMoreArraysThanAreEverInFlightUnderCurve(Transport transport) throws JMException {
        receiveBurstsWithinTheArraysInFlight(transport, true);
    }

    private void receiveBurstsWithinTheArraysInFlight(Transport transport, boolean curve) throws JMException {
        try (Context sending = Context.create()) {
            Socket pull = ctx.socket(SocketType.PULL);
            Socket push = sending.socket(SocketType.PUSH);
            if (curve) {
                CurveKeyPair server = CurveKeyPair.generate();
                CurveKeyPair client = CurveKeyPair.generate();
                pull.set(SocketOptions.CURVE_SERVER, true).set(SocketOptions.CURVE_SECRETKEY, server.secretKey());
                push.set(SocketOptions.CURVE_SERVERKEY, server.publicKey())
                        .set(SocketOptions.CURVE_PUBLICKEY, client.publicKey())
                        .set(SocketOptions.CURVE_SECRETKEY, client.secretKey());
            }
            push.connect(pull.bind(transport.bindable()));
            byte[] payload = new byte[SIZE];
            byte[] into = new byte[SIZE];
            Msg msg = new Msg();
            long before = ioThreadsAllocated();
            for (int burst = 0; burst < BURSTS; burst++) {
                for (int i = 0; i < BURST; i++) {
                    push.send(msg.add(payload));
                }
                for (int i = 0; i < BURST; i++) {
                    assertThat(pull.recv(into, 0, SIZE, WAIT)).isEqualTo(SIZE);
                }
            }
            long allocated = ioThreadsAllocated() - before;
            long received = (long) BURSTS * BURST * SIZE;
            // at most BURST + a few arrays of SIZE over all bursts, whatever the scheduling
            assertThat(allocated).as("bytes the I/O threads allocated while %d were received", received)
                    .isLessThan((BURST + 16L) * SIZE + (1 << 20));
        }
    }

    /**
     * What every zenmq I/O thread alive now has allocated so far, through the platform's threading
     * MBean (its HotSpot extension counts each thread's allocation; the tests' module reads only
     * {@code java.management}, so it is called through the MBean server).
     */
    private static long ioThreadsAllocated() throws JMException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME);
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("zenmq-io-")) {
                total += (Long) server.invoke(name, "getThreadAllocatedBytes",
                        new Object[] {info.getThreadId()}, new String[] {long.class.getName()});
            }
        }
        return total;
    }
}
