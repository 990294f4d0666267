// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

/**
 * ZMTP heartbeats of one connection as deadlines (RFC 37; spec zmtp.md section 10): a PING every
 * interval, the connection dropped when nothing at all arrives within the timeout after a PING,
 * or within the time-to-live the peer put in its own PING. Any received byte counts as proof of
 * life; the connection reports it once per batch of bytes, so nothing is done per frame.
 *
 * <p>Pure: times are {@code System.nanoTime}-style values handed in. Owner: the connection's I/O
 * thread (through its {@link ZmtpConnection}).
 */
final class Heartbeats {
    private static final long DECISECOND_NANOS = 100_000_000L;

    private final long ivlNanos;
    private final long ttlNanos;
    private final long timeoutNanos;
    private long lastInput;
    private boolean pinging;
    private long pingAt;
    /** A PING went out and its timeout runs: expired unless input arrives after {@link #pingSentAt}. */
    private boolean awaitingInput;
    private long timeoutAt;
    private long pingSentAt;
    /** The peer's PING had a TTL: expired unless input arrives after {@link #ttlFrom}. */
    private boolean ttlRunning;
    private long ttlAt;
    private long ttlFrom;

    Heartbeats(long ivlNanos, long ttlNanos, long timeoutNanos, long now) {
        this.ivlNanos = ivlNanos;
        this.ttlNanos = ttlNanos;
        this.timeoutNanos = timeoutNanos;
        this.lastInput = now;
    }

    /** The handshake finished: start pinging if configured. */
    void start(long now) {
        if (ivlNanos > 0) {
            pinging = true;
            pingAt = now + ivlNanos;
        }
    }

    /**
     * Bytes arrived from the peer: proof of life, which also ends a running PING timeout, so that
     * the next PING arms a fresh one (as libzmq cancels its timeout timer on input). Without this,
     * a timeout armed before the answer kept running and the next one was armed only when it
     * ran out: a peer that stopped right after answering was caught up to twice the timeout
     * late instead of within one interval plus the timeout.
     */
    void inputSeen(long now) {
        lastInput = now;
        awaitingInput = false;
    }

    /** The peer sent a PING: if it carries a TTL, expect traffic within it (counted from its batch). */
    void pingReceived(int ttlDeciseconds) {
        if (ttlDeciseconds <= 0 || ttlRunning) {
            return;
        }
        ttlRunning = true;
        ttlFrom = lastInput;
        ttlAt = lastInput + ttlDeciseconds * DECISECOND_NANOS;
    }

    /**
     * Runs out the deadlines due at {@code now}.
     *
     * @return true if the peer went silent (the connection must be dropped)
     */
    boolean expired(long now) {
        boolean expired = false;
        if (ttlRunning && now - ttlAt >= 0) {
            ttlRunning = false;
            expired = lastInput - ttlFrom <= 0;
        }
        if (awaitingInput && now - timeoutAt >= 0) {
            awaitingInput = false;
            expired |= lastInput - pingSentAt < 0;
        }
        return expired;
    }

    /**
     * Tells whether a PING is due at {@code now}; if so, the next one and the timeout are armed.
     *
     * @return true if a PING must be sent now
     */
    boolean pingDue(long now) {
        if (!pinging || now - pingAt < 0) {
            return false;
        }
        pingAt = now + ivlNanos;
        if (!awaitingInput && timeoutNanos > 0) {
            awaitingInput = true;
            pingSentAt = now;
            timeoutAt = now + timeoutNanos;
        }
        return true;
    }

    /** The TTL to put in our PINGs, in deciseconds. */
    int pingTtl() {
        return (int) Math.min(ZmtpLayout.MAX_PING_TTL, ttlNanos / DECISECOND_NANOS);
    }

    /** Whether any deadline is armed. */
    boolean armed() {
        return pinging || awaitingInput || ttlRunning;
    }

    /** The earliest armed deadline; only meaningful while {@link #armed()}. */
    long nextDeadline() {
        long next = 0;
        boolean any = false;
        if (pinging) {
            next = pingAt;
            any = true;
        }
        if (awaitingInput && (!any || timeoutAt - next < 0)) {
            next = timeoutAt;
            any = true;
        }
        if (ttlRunning && (!any || ttlAt - next < 0)) {
            next = ttlAt;
        }
        return next;
    }

    /** The connection is gone: nothing more is due. */
    void stop() {
        pinging = false;
        awaitingInput = false;
        ttlRunning = false;
    }
}
