// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds node and the npm package zeromq 6.8.0 (libzmq 4.3.5 built with the draft API) that run
 * {@code peer.js}, and decides what a test does when they are missing: skip loudly on a developer
 * machine, fail when {@code CI=true}, like {@link Libzmq} for python.
 *
 * <p>node is {@code $ZENMQ_INTEROP_NODE} or {@code node} on the PATH; the package is installed by
 * {@code npm ci --prefix zenmq-interop/node} into {@code zenmq-interop/node/node_modules} (or
 * {@code $ZENMQ_INTEROP_NODE_MODULES}).
 */
final class Node {
    static final String NODE_ENV = "ZENMQ_INTEROP_NODE";
    static final String MODULES_ENV = "ZENMQ_INTEROP_NODE_MODULES";
    private static final long PROBE_SECONDS = 20;

    /** Probed once per JVM: the libzmq version with drafts, or why there is none. */
    private static final Probe PROBE = probe();

    private Node() {
    }

    /** Returns the node executable. */
    static String node() {
        String configured = System.getenv(NODE_ENV);
        return configured == null || configured.isBlank() ? "node" : configured;
    }

    /** Returns the {@code node_modules} directory holding zeromq, as NODE_PATH for the peer. */
    static Path modules() {
        String configured = System.getenv(MODULES_ENV);
        Path path = configured == null || configured.isBlank() ? Path.of("node", "node_modules") : Path.of(configured);
        return path.toAbsolutePath();
    }

    /**
     * Returns normally if node can load zeromq with drafts. Otherwise aborts the calling test
     * (reported as skipped), or fails it when the {@code CI} variable is {@code true}.
     */
    static void assumeAvailable() {
        if (PROBE.version() != null) {
            return;
        }
        String message = "draft interop tests need node with the npm package zeromq 6.8.0 (npm ci --prefix"
                + " zenmq-interop/node; or set " + NODE_ENV + " and " + MODULES_ENV + "): " + PROBE.problem();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, so not skipping. " + message);
        }
        Assumptions.abort("SKIPPED " + message);
    }

    private static Probe probe() {
        String script = "process.removeAllListeners('warning'); const z = require('zeromq'); require('zeromq/draft');"
                + " if (!z.capability.draft) throw new Error('libzmq ' + z.version + ' without drafts');"
                + " console.log(z.version)";
        ProcessBuilder builder = new ProcessBuilder(node(), "-e", script).redirectErrorStream(true);
        builder.environment().put("NODE_PATH", modules().toString());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Probe.missing("probe did not finish within " + PROBE_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                return Probe.missing("exit code " + process.exitValue() + ": " + output);
            }
            return new Probe(output, null);
        } catch (IOException e) {
            return Probe.missing(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.missing("interrupted");
        }
    }

    private record Probe(String version, String problem) {
        static Probe missing(String problem) {
            System.err.println("WARNING: node interop peer unavailable (" + node() + ", " + modules() + "): " + problem);
            return new Probe(null, problem);
        }
    }
}
