// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real libzmq socket in a child process: {@code peer.py} run by {@link Libzmq#python()}
 * (libzmq 4.3.4 through pyzmq), or {@code peer.js} run by {@link Node#node()} (libzmq 4.3.5 with
 * the draft API through the npm package zeromq), driven one command line at a time in the same
 * protocol (described at the top of each script; the node one adds the draft types' metadata).
 *
 * <p>Replies are read by a daemon thread into a queue and awaited with a deadline, so a silent
 * or dead peer fails the test with the peer's stderr and the last commands sent, instead of
 * hanging it. Commands are answered in order; {@link #begin} lets a test start a long command
 * (receive 10 000 messages, echo requests) and collect its reply after driving zenmq.
 *
 * <p>Used by one test thread. {@link #close()} asks the peer to quit and kills it if it does not.
 */
final class LibzmqPeer implements AutoCloseable {
    /** Slack added to a command's own timeout before the harness gives up on its reply. */
    static final Duration REPLY_MARGIN = Duration.ofSeconds(5);
    /** Deadline for commands that do not wait for the network themselves. */
    static final Duration QUICK = Duration.ofSeconds(10);
    /** How {@link #diagnostics()} starts, so that nobody attaches them twice. */
    static final String DIAGNOSTICS_HEADER = "libzmq peer (";
    private static final String EOF = "\u0000end of peer output";
    private static final int STDERR_LIMIT = 16 * 1024;
    private static final int HISTORY_LIMIT = 12;
    private static final HexFormat HEX = HexFormat.of();

    private final Process process;
    /** The interpreter running the peer, for diagnostics. */
    private final String program;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Deque<String> history = new ArrayDeque<>();
    private String version;

    private LibzmqPeer(Process process, String program) {
        this.process = process;
        this.program = program;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pump("stdout", process.getInputStream(), replies::add, () -> replies.add(EOF));
        pump("stderr", process.getErrorStream(), this::appendStderr, () -> { });
    }

    /**
     * Starts a peer process and waits for its READY line.
     *
     * @return the running peer
     */
    static LibzmqPeer start() {
        Libzmq.assumeAvailable();
        return start(new ProcessBuilder(Libzmq.python(), "-u", script("peer.py").toString()), Libzmq.python());
    }

    /**
     * Starts a node peer (libzmq 4.3.5 with drafts) and waits for its READY line. Skipped without
     * node and the npm package, failed instead when {@code CI=true} (see {@link Node}).
     *
     * @return the running peer
     */
    static LibzmqPeer startNode() {
        Node.assumeAvailable();
        ProcessBuilder builder = new ProcessBuilder(Node.node(), script("peer.js").toString());
        builder.environment().put("NODE_PATH", Node.modules().toString());
        return start(builder, Node.node());
    }

    private static LibzmqPeer start(ProcessBuilder builder, String program) {
        LibzmqPeer peer;
        try {
            peer = new LibzmqPeer(builder.start(), program);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
        try {
            peer.awaitReady();
            return peer;
        } catch (RuntimeException | Error e) {
            peer.close();
            throw e;
        }
    }

    private void awaitReady() {
        String ready = awaitLine("(start)", QUICK);
        if (!ready.startsWith("READY ")) {
            throw failure("expected READY, got: " + abbreviate(ready));
        }
        version = ready.substring("READY ".length());
    }

    /** Returns the libzmq version the peer reported, e.g. {@code 4.3.4}. */
    String version() {
        return version;
    }

    // ---- typed commands -------------------------------------------------------------------

    /** Replaces the peer's socket with a new one of the given type ({@code PUSH}, {@code REP}...). */
    LibzmqPeer socket(String type) {
        ok("socket " + type);
        return this;
    }

    /** Binds and returns libzmq's resolved endpoint (its {@code ZMQ_LAST_ENDPOINT}). */
    String bind(String endpoint) {
        return ok("bind " + endpoint);
    }

    void unbind(String endpoint) {
        ok("unbind " + endpoint);
    }

    void connect(String endpoint) {
        ok("connect " + endpoint);
    }

    /** Sets an integer option by its libzmq name without {@code ZMQ_}, e.g. {@code LINGER}. */
    void setsockopt(String name, long value) {
        ok("setsockopt " + name + " " + value);
    }

    /** Sets a binary option such as {@code ROUTING_ID}. */
    void setsockopt(String name, byte[] value) {
        ok("setsockopt " + name + " " + HEX.formatHex(value));
    }

    /** Sends one multipart message (blocking in libzmq up to the peer's SNDTIMEO, 10 s). */
    void send(byte[]... frames) {
        send(Arrays.asList(frames));
    }

    void send(List<byte[]> frames) {
        ok("send " + encode(frames));
    }

    /**
     * Receives one whole message.
     *
     * @return its frames, or null if nothing arrived within the timeout
     */
    List<byte[]> recv(Duration timeout) {
        Received received = recvWithMetadata(timeout);
        return received == null ? null : received.frames();
    }

    /**
     * A message as the peer received it, with the draft metadata the node peer reports.
     *
     * @param frames the frames
     * @param metadata {@code routing} (a SERVER's routing id, decimal) and the like; empty if none
     */
    record Received(List<byte[]> frames, Map<String, String> metadata) {
        /** @return the routing id the peer's SERVER saw on the message */
        int routingId() {
            String id = metadata.get("routing");
            if (id == null) {
                throw new AssertionError("the message has no routing id: " + metadata);
            }
            return (int) Long.parseLong(id);
        }
    }

    /**
     * Receives one whole message with its metadata ({@code MSG HEX,... [KEY=VALUE...]}).
     *
     * @return the message, or null if nothing arrived within the timeout
     */
    Received recvWithMetadata(Duration timeout) {
        String command = "recv " + timeout.toMillis();
        String reply = call(command, timeout.plus(REPLY_MARGIN));
        if (reply.equals("TIMEOUT")) {
            return null;
        }
        if (!reply.startsWith("MSG ")) {
            throw failure("unexpected reply to " + command + ": " + abbreviate(reply));
        }
        String[] words = reply.substring("MSG ".length()).split(" ", -1);
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int at = words[i].indexOf('=');
            if (at < 0) {
                throw failure("unexpected metadata in " + abbreviate(reply));
            }
            metadata.put(words[i].substring(0, at), words[i].substring(at + 1));
        }
        return new Received(decode(words[0]), metadata);
    }

    /** Sends a single-frame message from the node peer's SERVER to a routing id. */
    void sendTo(int routingId, byte[] frame) {
        ok("send " + HEX.formatHex(frame) + " routing=" + Integer.toUnsignedString(routingId));
    }

    /** Starts receiving {@code count} messages; the reply parses with {@link Digest#parse}. */
    Pending beginRecvn(int count, Duration timeout) {
        return begin("recvn " + count + " " + timeout.toMillis(), timeout);
    }

    /** Starts sending {@code count} messages numbered as by {@link Payloads#numbered}. */
    Pending beginSendn(int count, int size, Duration timeout) {
        return begin("sendn " + count + " " + size, timeout);
    }

    /** Starts echoing {@code count} messages back to their sender; replies {@code OK <echoed>}. */
    Pending beginEcho(int count, Duration timeout) {
        return begin("echo " + count + " " + timeout.toMillis(), timeout);
    }

    /** Closes the peer's socket (with its LINGER, 2 s unless set). */
    /**
     * Serves ZAP in the peer's context: rule {@code any}, {@code none}, {@code plain} (with user
     * and password) or {@code curve} (with the client's 32-byte public key).
     */
    void zap(String rule, byte[]... credentials) {
        StringBuilder command = new StringBuilder("zap ").append(rule);
        for (byte[] credential : credentials) {
            command.append(' ').append(HEX.formatHex(credential));
        }
        ok(command.toString());
    }

    /** Asks libzmq for a fresh CURVE key pair: {public, secret} as Z85 text. */
    String[] keypair() {
        return ok("keypair").split(" ");
    }

    void closeSocket() {
        ok("close");
    }

    // ---- raw protocol ---------------------------------------------------------------------

    /** Sends a command and returns the rest of its {@code OK} reply; anything else fails. */
    String ok(String command) {
        return expectOk(command, call(command, QUICK));
    }

    /** Sends a command and returns its reply line, waiting at most {@code timeout}. */
    String call(String command, Duration timeout) {
        write(command);
        return awaitLine(command, timeout);
    }

    /** Sends a command whose reply is collected later; the peer answers commands in order. */
    Pending begin(String command, Duration commandTimeout) {
        write(command);
        return new Pending(command, System.nanoTime() + commandTimeout.plus(REPLY_MARGIN).toNanos());
    }

    /** Closes the peer's stdin, which makes it exit once the current command is done. */
    void closeInput() {
        try {
            commands.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end; true if it did within the timeout. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Returns the tail of everything the peer wrote to stderr so far. */
    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Describes the peer's state for a failure message: commands sent, exit code, stderr. */
    String diagnostics() {
        String exit = process.isAlive() ? "running" : "exited with " + process.exitValue();
        List<String> recent;
        synchronized (history) {
            recent = new ArrayList<>(history);
        }
        // a reply nobody read yet (a background command that failed, say) is often the whole story
        List<String> unread = new ArrayList<>(replies);
        unread.remove(EOF);
        return DIAGNOSTICS_HEADER + program + ", " + exit + ")\n  last commands: " + recent
                + "\n  unread replies: " + unread + "\n  stderr:\n" + stderr().indent(4);
    }

    /**
     * Sends a signal to the peer process, e.g. {@code STOP} to freeze it as a hung host would
     * look, {@code CONT} to let it go on.
     *
     * @param name the signal name for kill(1)
     */
    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw failure("kill -" + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while signalling");
        }
    }

    /** Kills the peer process at once (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the peer to quit, then kills it if it is still there. Never throws. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                commands.write("quit\n");
                commands.close();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            // the peer is already gone; nothing to tell it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }

    // ---- plumbing -------------------------------------------------------------------------

    private void write(String command) {
        synchronized (history) {
            if (history.size() == HISTORY_LIMIT) {
                history.removeFirst();
            }
            history.addLast(abbreviate(command));
        }
        try {
            commands.write(command);
            commands.write('\n');
            commands.flush();
        } catch (IOException e) {
            throw failure("cannot send " + abbreviate(command) + ": " + e);
        }
    }

    private String awaitLine(String command, Duration timeout) {
        String line;
        try {
            line = replies.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for the reply to " + abbreviate(command));
        }
        if (line == null) {
            throw failure("no reply to " + abbreviate(command) + " within " + timeout.toMillis() + " ms");
        }
        if (line.equals(EOF)) {
            replies.add(EOF);
            awaitQuietly();
            throw failure("peer closed its stdout before answering " + abbreviate(command));
        }
        return line;
    }

    private String expectOk(String command, String reply) {
        if (reply.equals("OK")) {
            return "";
        }
        if (!reply.startsWith("OK ")) {
            throw failure("expected OK for " + abbreviate(command) + ", got: " + abbreviate(reply));
        }
        return reply.substring("OK ".length());
    }

    private void awaitQuietly() {
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private AssertionError failure(String message) {
        return new AssertionError(message + "\n" + diagnostics());
    }

    private void appendStderr(String line) {
        synchronized (stderr) {
            stderr.append(line).append('\n');
            if (stderr.length() > STDERR_LIMIT) {
                stderr.delete(0, stderr.length() - STDERR_LIMIT);
            }
        }
    }

    private static void pump(String name, InputStream stream, Consumer<String> sink, Runnable atEnd) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("(" + name + " unreadable: " + e + ")");
            } finally {
                atEnd.run();
            }
        }, "libzmq-peer-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static String encode(List<byte[]> frames) {
        StringJoiner line = new StringJoiner(",");
        for (byte[] frame : frames) {
            line.add(HEX.formatHex(frame));
        }
        return line.toString();
    }

    static List<byte[]> decode(String hexFrames) {
        List<byte[]> frames = new ArrayList<>();
        for (String frame : hexFrames.split(",", -1)) {
            frames.add(HEX.parseHex(frame));
        }
        return frames;
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "... (" + text.length() + " chars)";
    }

    private static Path script(String name) {
        URL resource = LibzmqPeer.class.getResource(name);
        if (resource == null) {
            throw new IllegalStateException(name + " is missing from the test classpath");
        }
        try {
            if (resource.getProtocol().equals("file")) {
                return Path.of(resource.toURI());
            }
            Path copy = Files.createTempFile("zenmq-interop-peer", name.substring(name.lastIndexOf('.')));
            copy.toFile().deleteOnExit();
            try (InputStream in = resource.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A command sent with {@link #begin}, whose reply has not been read yet. */
    final class Pending {
        private final String command;
        private final long deadlineNanos;

        private Pending(String command, long deadlineNanos) {
            this.command = command;
            this.deadlineNanos = deadlineNanos;
        }

        /** Waits for the reply line until the command's deadline. */
        String reply() {
            return awaitLine(command, Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
        }

        /** Waits for an {@code OK} reply and returns what follows it. */
        String ok() {
            return expectOk(command, reply());
        }
    }
}
