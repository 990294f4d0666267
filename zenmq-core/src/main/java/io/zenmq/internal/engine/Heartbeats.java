// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.io.Timer;

/**
 * ZMTP heartbeats of one connection (RFC 37; spec zmtp.md section 10): a PING every interval,
 * the connection dropped when nothing at all arrives within the timeout after a PING, or within
 * the time-to-live the peer put in its own PING.
 *
 * <p>Owner: the connection's I/O thread. Any received byte counts as proof of life; the engine
 * reports it once per read batch, so nothing is done per frame.
 */
final class Heartbeats {
    private static final long DECISECOND_NANOS = 100_000_000L;

    /** What the heartbeats need from the engine. */
    interface Target {
        /** Queue a PING command carrying this TTL and send it. */
        void sendPing(int ttlDeciseconds);

        /** The peer went silent: drop the connection (a timeout, not a protocol error). */
        void heartbeatExpired();
    }

    private final IoThread io;
    private final ConnectionOptions.Heartbeat settings;
    private final Target target;
    private long lastInput = System.nanoTime();
    private Timer pingTimer;
    private Timer timeoutTimer;
    private Timer ttlTimer;

    Heartbeats(IoThread io, ConnectionOptions.Heartbeat settings, Target target) {
        this.io = io;
        this.settings = settings;
        this.target = target;
    }

    /** The handshake finished: start pinging if configured. */
    void start() {
        if (settings.ivlNanos() > 0) {
            pingTimer = io.schedule(settings.ivlNanos(), this::ping);
        }
    }

    /** Bytes arrived from the peer. */
    void inputSeen() {
        lastInput = System.nanoTime();
    }

    /**
     * The peer sent a PING: if it carries a TTL, expect traffic within it.
     *
     * @param ttlDeciseconds the TTL from the PING
     */
    void pingReceived(int ttlDeciseconds) {
        if (ttlDeciseconds <= 0 || ttlTimer != null) {
            return;
        }
        long receivedAt = lastInput;
        ttlTimer = io.schedule(ttlDeciseconds * DECISECOND_NANOS, () -> {
            ttlTimer = null;
            if (lastInput - receivedAt <= 0) {
                target.heartbeatExpired();
            }
        });
    }

    private void ping() {
        pingTimer = io.schedule(settings.ivlNanos(), this::ping);
        long sentAt = System.nanoTime();
        target.sendPing((int) Math.min(0xFFFF, settings.ttlNanos() / DECISECOND_NANOS));
        if (timeoutTimer == null && settings.timeoutNanos() > 0) {
            timeoutTimer = io.schedule(settings.timeoutNanos(), () -> {
                timeoutTimer = null;
                if (lastInput - sentAt < 0) {
                    target.heartbeatExpired();
                }
            });
        }
    }

    /** The connection is gone: cancel every timer. */
    void stop() {
        for (Timer timer : new Timer[] {pingTimer, timeoutTimer, ttlTimer}) {
            if (timer != null) {
                timer.cancel();
            }
        }
        pingTimer = null;
        timeoutTimer = null;
        ttlTimer = null;
    }
}
