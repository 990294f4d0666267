// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.Option;
import io.zenmq.SocketOptions;

/**
 * The socket options a pattern reads while routing, captured when they are set so that sending
 * and receiving read a field instead of looking an option up. Starts at the options' defaults;
 * the socket calls {@link #update} after each successful set. Socket thread only.
 */
public final class PatternOptions {
    /** {@code ZMQ_ROUTER_MANDATORY}. */
    boolean routerMandatory = SocketOptions.ROUTER_MANDATORY.defaultValue();
    /** {@code ZMQ_ROUTER_HANDOVER}. */
    boolean routerHandover = SocketOptions.ROUTER_HANDOVER.defaultValue();
    /** {@code ZMQ_PROBE_ROUTER}. */
    boolean probeRouter = SocketOptions.PROBE_ROUTER.defaultValue();
    /** {@code ZMQ_REQ_RELAXED}. */
    boolean reqRelaxed = SocketOptions.REQ_RELAXED.defaultValue();
    /** {@code ZMQ_REQ_CORRELATE}. */
    boolean reqCorrelate = SocketOptions.REQ_CORRELATE.defaultValue();
    /** {@code ZMQ_INVERT_MATCHING}. */
    boolean invertMatching = SocketOptions.INVERT_MATCHING.defaultValue();
    /** {@code ZMQ_XPUB_NODROP}. */
    boolean xpubNoDrop = SocketOptions.XPUB_NODROP.defaultValue();
    /** {@code ZMQ_XPUB_VERBOSE}. */
    boolean xpubVerbose = SocketOptions.XPUB_VERBOSE.defaultValue();
    /** {@code ZMQ_XPUB_VERBOSER}. */
    boolean xpubVerboser = SocketOptions.XPUB_VERBOSER.defaultValue();
    /** {@code ZMQ_XPUB_MANUAL}. */
    boolean xpubManual = SocketOptions.XPUB_MANUAL.defaultValue();
    /** {@code ZMQ_XPUB_WELCOME_MSG}; empty for none. Never changed in place. */
    byte[] xpubWelcomeMessage = SocketOptions.XPUB_WELCOME_MSG.defaultValue();
    /** {@code ZMQ_HELLO_MSG}; empty for none. Never changed in place. */
    byte[] helloMessage = SocketOptions.HELLO_MSG.defaultValue();
    /** {@code ZMQ_DISCONNECT_MSG}; empty for none. Never changed in place. */
    byte[] disconnectMessage = SocketOptions.DISCONNECT_MSG.defaultValue();

    /**
     * Records an option's new value if a pattern reads it; other options are ignored.
     *
     * @param option the key
     * @param value the validated value, owned by this object from now on
     * @param <T> the value type
     */
    public <T> void update(Option<T> option, T value) {
        if (option == SocketOptions.XPUB_WELCOME_MSG) {
            xpubWelcomeMessage = SocketOptions.XPUB_WELCOME_MSG.type().cast(value);
        } else if (option == SocketOptions.HELLO_MSG) {
            helloMessage = SocketOptions.HELLO_MSG.type().cast(value);
        } else if (option == SocketOptions.DISCONNECT_MSG) {
            disconnectMessage = SocketOptions.DISCONNECT_MSG.type().cast(value);
        } else if (option.type() == Boolean.class) {
            updateFlag(option, Boolean.TRUE.equals(value));
        }
    }

    private void updateFlag(Option<?> option, boolean on) {
        if (option == SocketOptions.ROUTER_MANDATORY) {
            routerMandatory = on;
        } else if (option == SocketOptions.ROUTER_HANDOVER) {
            routerHandover = on;
        } else if (option == SocketOptions.PROBE_ROUTER) {
            probeRouter = on;
        } else if (option == SocketOptions.REQ_RELAXED) {
            reqRelaxed = on;
        } else if (option == SocketOptions.REQ_CORRELATE) {
            reqCorrelate = on;
        } else if (option == SocketOptions.INVERT_MATCHING) {
            invertMatching = on;
        } else if (option == SocketOptions.XPUB_NODROP) {
            xpubNoDrop = on;
        } else if (option == SocketOptions.XPUB_VERBOSE) {
            xpubVerbose = on;
        } else if (option == SocketOptions.XPUB_VERBOSER) {
            xpubVerboser = on;
        } else if (option == SocketOptions.XPUB_MANUAL) {
            xpubManual = on;
        }
    }
}
