// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transports a behaviour test runs over, with a fresh bindable endpoint for each:
 * {@code IPC_ABSTRACT} is ipc in the Linux abstract namespace ({@code ipc://@name}).
 */
public enum Transport {
    INPROC, IPC, IPC_ABSTRACT, TCP;

    private static final AtomicInteger NAMES = new AtomicInteger();
    /**
     * Abstract names are shared by every process on the machine (in one network namespace), so
     * they carry this JVM's pid and a random part.
     */
    private static final String ABSTRACT_PREFIX = "zenmq-test-" + ProcessHandle.current().pid() + "-"
            + Long.toHexString(new java.security.SecureRandom().nextLong() >>> 16) + "-";
    private static Path ipcDir;

    /**
     * Returns an endpoint to bind: an ephemeral tcp port, a fresh ipc path or abstract name, a
     * fresh inproc name.
     * Bind it and use the returned endpoint to connect.
     *
     * @return the endpoint to bind
     */
    public String bindable() {
        switch (this) {
            case TCP:
                return "tcp://127.0.0.1:*";
            case IPC:
                return "ipc://" + ipcDir().resolve("s" + NAMES.incrementAndGet() + ".ipc");
            case IPC_ABSTRACT:
                return "ipc://@" + ABSTRACT_PREFIX + NAMES.incrementAndGet();
            default:
                return "inproc://test-" + NAMES.incrementAndGet();
        }
    }

    /**
     * Returns an endpoint that nobody listens on yet, for a test that must connect before anything
     * binds there (its later bind takes the endpoint): {@link #bindable()} except for tcp, which
     * has no such name. For tcp it is a loopback port the kernel handed out and this method released
     * again; another process could take it before the test binds, but the kernel hands ephemeral
     * ports out in turn, so that is rare. This is the only place a test reuses a released port:
     * everything else binds port 0 and reads the endpoint back from {@code bind}.
     *
     * @return the endpoint to connect to first and bind later
     */
    public String unbound() {
        if (this != TCP) {
            return bindable();
        }
        try (ServerSocket released = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + released.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path ipcDir() {
        if (ipcDir == null) {
            try {
                ipcDir = Files.createTempDirectory("zenmq-test");
                ipcDir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ipcDir;
    }
}
