// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.monitor;

import io.zenmq.SocketEvent;
import io.zenmq.ZmqException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a sink's events as libzmq's version 1 monitor messages on a PAIR socket bound to an
 * inproc endpoint: frame 1 is the event number (uint16) and value (uint32) in little-endian
 * order, as libzmq writes them on x86; frame 2 is the endpoint.
 *
 * <p>Runs on its own daemon thread, which owns the PAIR socket and closes it once the sink ends
 * (after {@link io.zenmq.EventType#MONITOR_STOPPED}) or the context closes.
 */
public final class MonitorPublisher implements Runnable {
    private static final System.Logger LOG = System.getLogger(MonitorPublisher.class.getName());
    private static final AtomicInteger IDS = new AtomicInteger();
    /** How long one event may wait for the reader's queue once monitoring has ended. */
    private static final long FINAL_SEND_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long SEND_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final MonitorSink sink;
    private final EventSocket pair;

    private MonitorPublisher(MonitorSink sink, EventSocket pair) {
        this.sink = sink;
        this.pair = pair;
    }

    /**
     * Starts a publisher thread; from then on the thread owns {@code pair}.
     *
     * @param sink the events to send
     * @param pair a PAIR socket already bound to the monitor endpoint
     * @return the started thread
     */
    public static Thread start(MonitorSink sink, EventSocket pair) {
        Thread thread = new Thread(new MonitorPublisher(sink, pair), "zenmq-monitor-" + IDS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Encodes an event's first frame in libzmq's version 1 format.
     *
     * @param event the event
     * @return 6 bytes: uint16 event, uint32 value, little-endian
     */
    public static byte[] header(SocketEvent event) {
        return ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) event.type().value())
                .putInt((int) event.value())
                .array();
    }

    @Override
    public void run() {
        try {
            while (true) {
                SocketEvent event = sink.next(-1);
                if (event == null) {
                    return;
                }
                if (!deliver(event)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ZmqException e) {
            // the context closed under us
            LOG.log(System.Logger.Level.DEBUG, () -> "monitor publisher ends: " + e.getMessage());
        } finally {
            sink.stop();
            try {
                pair.close();
            } catch (ZmqException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "monitor socket close: " + e.getMessage());
            }
        }
    }

    /** Sends one event; false if monitoring has ended and the reader does not take it. */
    private boolean deliver(SocketEvent event) {
        List<byte[]> frames = List.of(header(event), event.endpoint().getBytes(StandardCharsets.UTF_8));
        while (true) {
            boolean finishing = sink.isStopped();
            if (pair.sendMsg(frames, finishing ? FINAL_SEND_WAIT_NANOS : SEND_WAIT_NANOS)) {
                return true;
            }
            if (finishing) {
                return false;
            }
        }
    }
}
