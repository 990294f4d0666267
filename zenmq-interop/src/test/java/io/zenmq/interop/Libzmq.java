// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Python interpreter with pyzmq that runs the libzmq peer, and decides what a test does
 * when there is none: skip loudly on a developer machine, fail when {@code CI=true}.
 *
 * <p>The interpreter is {@code /usr/bin/python3} (Debian's {@code python3-zmq}, libzmq 4.3.4),
 * or {@code $ZENMQ_INTEROP_PYTHON}. A {@code python3} on the PATH is deliberately not used: it is
 * often a pyenv or venv interpreter without zmq, or with a pip wheel bundling another libzmq.
 */
final class Libzmq {
    static final String PYTHON_ENV = "ZENMQ_INTEROP_PYTHON";
    private static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final long PROBE_SECONDS = 20;

    /** Probed once per JVM: the libzmq version, or why there is none. */
    private static final Probe PROBE = probe();

    private Libzmq() {
    }

    /** Returns the interpreter that runs the peer script. */
    static String python() {
        String configured = System.getenv(PYTHON_ENV);
        return configured == null || configured.isBlank() ? DEFAULT_PYTHON : configured;
    }

    /**
     * Returns normally if libzmq is reachable through {@link #python()}. Otherwise aborts the
     * calling test (reported as skipped), or fails it when the {@code CI} variable is
     * {@code true}, so that CI never passes by skipping every interop test.
     */
    static void assumeAvailable() {
        if (PROBE.version() != null) {
            return;
        }
        String message = "libzmq interop tests need " + python() + " with pyzmq (Debian: apt-get install"
                + " python3-zmq; or set " + PYTHON_ENV + "): " + PROBE.problem();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, so not skipping. " + message);
        }
        Assumptions.abort("SKIPPED " + message);
    }

    private static Probe probe() {
        ProcessBuilder builder = new ProcessBuilder(python(), "-c", "import zmq; print(zmq.zmq_version())")
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Probe.missing("probe did not finish within " + PROBE_SECONDS + " s");
            }
            String output = readAll(process.getInputStream()).strip();
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

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private record Probe(String version, String problem) {
        static Probe missing(String problem) {
            System.err.println("WARNING: libzmq interop peer unavailable (" + python() + "): " + problem);
            return new Probe(null, problem);
        }
    }
}
