// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.net;

import io.zenmq.reliability.lab.NetLab;
import io.zenmq.reliability.peer.PeerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers one test started in the lab, all ended by {@link #close()} (in {@code @AfterEach}),
 * whatever happened. Owner: the test thread.
 */
final class LabPeers implements AutoCloseable {
    private final NetLab lab;
    private final Path logDir;
    private final List<PeerProcess> started = new ArrayList<>();

    LabPeers(NetLab lab, Path logDir) {
        this.lab = lab;
        this.logDir = logDir;
    }

    /**
     * Starts a peer in one side's namespace.
     *
     * @param side where
     * @param name its log name
     * @param args its arguments
     * @return the peer
     */
    PeerProcess start(NetLab.Side side, String name, String... args) {
        PeerProcess p = PeerProcess.start(logDir, name, lab.exec(side, List.of()), List.of("-Xmx256m"), args);
        started.add(p);
        return p;
    }

    /** @return the endpoint a peer bound, read from its READY line */
    static String endpoint(PeerProcess p) {
        return p.await("READY ", java.time.Duration.ofSeconds(30)).substring("READY ".length());
    }

    static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    @Override
    public void close() {
        for (PeerProcess p : started) {
            p.close();
        }
        started.clear();
    }
}
