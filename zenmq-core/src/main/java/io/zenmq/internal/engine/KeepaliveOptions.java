// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import java.net.SocketOption;

/**
 * The TCP keepalive options of the {@code jdk.net} module, each null where the runtime does not
 * have that module (a class-path application on a runtime image without it): only this class
 * names {@code jdk.net}, so its absence costs those three options and nothing else. Constants.
 */
final class KeepaliveOptions {
    /** {@code TCP_KEEPCNT}, or null. */
    static final SocketOption<Integer> COUNT;
    /** {@code TCP_KEEPIDLE}, or null. */
    static final SocketOption<Integer> IDLE;
    /** {@code TCP_KEEPINTVL}, or null. */
    static final SocketOption<Integer> INTERVAL;

    static {
        SocketOption<Integer> count = null;
        SocketOption<Integer> idle = null;
        SocketOption<Integer> interval = null;
        try {
            count = jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT;
            idle = jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE;
            interval = jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL;
        } catch (LinkageError e) {
            System.getLogger(KeepaliveOptions.class.getName()).log(System.Logger.Level.DEBUG,
                    "no jdk.net module: TCP keepalive count, idle and interval cannot be set", e);
        }
        COUNT = count;
        IDLE = idle;
        INTERVAL = interval;
    }

    private KeepaliveOptions() {
    }
}
