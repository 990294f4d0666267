// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The transports a behaviour test runs over, with a fresh bindable endpoint for each. */
public enum Transport {
    INPROC, IPC, TCP;

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static Path ipcDir;

    /**
     * Returns an endpoint to bind: an ephemeral tcp port, a fresh ipc path, a fresh inproc name.
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
            default:
                return "inproc://test-" + NAMES.incrementAndGet();
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
