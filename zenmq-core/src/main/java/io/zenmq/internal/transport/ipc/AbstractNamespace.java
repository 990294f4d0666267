// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport.ipc;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;

/**
 * Channels and addresses for {@code ipc://@name}: the Linux abstract namespace, where libzmq
 * turns the {@code @} into a NUL byte and the address is exactly that byte and the name.
 *
 * <p>junixsocket is optional at run time. It is first touched (and its native library loaded)
 * when an abstract endpoint is parsed, never by a program that uses none; if it is missing or
 * cannot work here, every method throws {@link ErrorCode#EPROTONOSUPPORT} saying why. Any
 * thread.
 */
public final class AbstractNamespace {
    /** The modules to add when zenmq runs on the module path (io.zenmq requires them statically). */
    static final String MODULES = "org.newsclub.net.unix,com.kohlschutter.junixsocket.nativecommon";

    private AbstractNamespace() {
    }

    /** Probes junixsocket once, on first use (the holder idiom keeps it lazy and thread-safe). */
    private static final class Probe {
        static final String PROBLEM = run();

        private static String run() {
            try {
                return JunixsocketChannels.problem();
            } catch (LinkageError | RuntimeException e) {
                return "junixsocket is not available (" + describe(e) + "); put junixsocket-common and"
                        + " junixsocket-native-common on the class path, or on the module path with"
                        + " --add-modules " + MODULES;
            }
        }
    }

    /** Names a failure without ": ", which callers (the CLI) take as the start of the reason. */
    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()).replace(": ", ", ");
    }

    /**
     * Checks that abstract names work here.
     *
     * @param endpoint the endpoint, for the message
     * @throws ZmqException {@link ErrorCode#EPROTONOSUPPORT} if junixsocket is missing, its
     *     native library did not load, or the system has no abstract namespace
     */
    public static void checkSupported(String endpoint) {
        String problem = Probe.PROBLEM;
        if (problem != null) {
            throw new ZmqException(ErrorCode.EPROTONOSUPPORT, "cannot use " + endpoint + ": " + problem);
        }
    }

    /**
     * Returns the socket address of an abstract name.
     *
     * @param name the name after the {@code @}, as UTF-8 bytes on the wire
     * @return the address: a NUL byte and the name, no trailing NUL
     * @throws IOException if junixsocket refuses the address
     */
    public static SocketAddress address(String name) throws IOException {
        checkSupported("ipc://@" + name);
        return JunixsocketChannels.address(name);
    }

    /**
     * Opens an unbound, unconnected channel for an abstract name.
     *
     * @return the channel, blocking until configured otherwise
     * @throws IOException if the socket cannot be created
     */
    public static SocketChannel openChannel() throws IOException {
        checkSupported("ipc://@");
        return JunixsocketChannels.openChannel();
    }

    /**
     * Opens an unbound listening channel for an abstract name.
     *
     * @return the channel, blocking until configured otherwise
     * @throws IOException if the socket cannot be created
     */
    public static ServerSocketChannel openServerChannel() throws IOException {
        checkSupported("ipc://@");
        return JunixsocketChannels.openServerChannel();
    }

    /**
     * Returns the provider whose selectors accept these channels (no JDK selector does).
     *
     * @return junixsocket's selector provider
     */
    public static SelectorProvider selectorProvider() {
        checkSupported("ipc://@");
        return JunixsocketChannels.selectorProvider();
    }
}
