// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A RADIO, DISH or DGRAM in a child process that speaks {@code udp-peer.js}'s line protocol: libzmq
 * 4.3.5 with drafts through node ({@code udp-peer.js}), or zenmq ({@link UdpJavaPeer}) in a child
 * JVM, either of them optionally inside a network namespace ({@code ip netns exec}). Without node
 * and the npm package the test is skipped, or fails when {@code CI=true}.
 */
final class UdpPeer implements AutoCloseable {
    private static final long PROBE_SECONDS = 20;
    private static final String NODE_PROBLEM = probeNode();

    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private final String endpoint;

    private UdpPeer(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", modules().toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = readLine();
        if (!ready.startsWith("ready ")) {
            close();
            throw new IllegalStateException("peer did not start: " + ready);
        }
        endpoint = ready.substring("ready ".length());
    }

    /**
     * Starts libzmq's side.
     *
     * @param netns the network namespace to run in, or null
     * @param args role, bind|connect, endpoint, options (see udp-peer.js)
     * @return the running peer
     */
    static UdpPeer node(String netns, String... args) {
        List<String> command = prefix(netns);
        command.add("node");
        command.add(script().toString());
        command.addAll(List.of(args));
        return new UdpPeer(command);
    }

    /**
     * Starts zenmq's side in a child JVM (for a network namespace: a JVM cannot enter one).
     *
     * @param netns the network namespace to run in, or null
     * @param args role, bind|connect, endpoint, options
     * @return the running peer
     */
    static UdpPeer java(String netns, String... args) {
        List<String> command = prefix(netns);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(UdpJavaPeer.class.getName());
        command.addAll(List.of(args));
        return new UdpPeer(command);
    }

    private static List<String> prefix(String netns) {
        List<String> command = new ArrayList<>();
        if (netns != null) {
            command.addAll(List.of("ip", "netns", "exec", netns));
        }
        return command;
    }

    /** @return the endpoint the peer bound or connected, with the real port */
    String endpoint() {
        return endpoint;
    }

    /**
     * Sends one command and collects the answer: the lines up to the one starting with
     * {@code done}, {@code sent}, {@code ok} or {@code error}.
     *
     * @param command the command line
     * @return every line of the answer, the last one included
     */
    List<String> call(String command) {
        try {
            in.write(command + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            lines.add(line);
            if (line.startsWith("done") || line.startsWith("sent") || line.startsWith("ok")) {
                return lines;
            }
            if (line.startsWith("error")) {
                throw new IllegalStateException("peer failed " + command + ": " + line);
            }
        }
    }

    private String readLine() {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("peer ended");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException e) {
            // gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Returns normally if node can run udp-peer.js; otherwise skips, or fails under CI=true. */
    static void assumeNode() {
        if (NODE_PROBLEM == null) {
            return;
        }
        String message = "udp interop tests need node with the npm package zeromq 6.8.0"
                + " (npm ci --prefix zenmq-interop/node): " + NODE_PROBLEM;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, so not skipping. " + message);
        }
        Assumptions.abort("SKIPPED " + message);
    }

    private static String probeNode() {
        ProcessBuilder builder = new ProcessBuilder("node", "-e",
                "process.removeAllListeners('warning'); const z = require('zeromq'); require('zeromq/draft');"
                        + " if (!z.capability.draft) throw new Error('libzmq without drafts');")
                .redirectErrorStream(true);
        builder.environment().put("NODE_PATH", modules().toString());
        try {
            Process probe = builder.start();
            probe.getOutputStream().close();
            if (!probe.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "node did not answer within " + PROBE_SECONDS + " s";
            }
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return probe.exitValue() == 0 ? null : "exit code " + probe.exitValue() + ": " + output;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private static Path modules() {
        return Path.of("node", "node_modules").toAbsolutePath();
    }

    private static Path script() {
        URL resource = UdpPeer.class.getResource("udp-peer.js");
        if (resource == null) {
            throw new IllegalStateException("udp-peer.js is missing from the test classpath");
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
