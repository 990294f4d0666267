// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two network namespaces, {@code <prefix>-a} (10.77.0.1) and {@code <prefix>-b} (10.77.0.2),
 * joined by one veth pair created inside them, and the faults a test puts on that link: delay,
 * jitter and loss ({@link #impair}, through {@code nfqdelay} on NFQUEUE because this kernel has
 * no netem), plain loss, a rate limit, a cut link, a silent host, reset connections.
 *
 * <p>Faults on a→b traffic act at b's ingress (packets held at the sender count against its
 * TCP small-queue budget, which would throttle the flow far below the link). Nothing outside
 * the two namespaces changes: no host interface, route, rule, qdisc or sysctl. {@link #close()}
 * ends every process left inside and deletes both namespaces.
 *
 * <p>Owner: the test thread that created it. Needs root, iproute2 and iptables (see
 * {@link Privileges}).
 */
public final class NetLab implements AutoCloseable {
    /** A side of the link. */
    public enum Side {
        /** Namespace a, 10.77.0.1: where senders usually run. */
        A,
        /** Namespace b, 10.77.0.2: where receivers usually bind. */
        B
    }

    private static final AtomicInteger LABS = new AtomicInteger();
    private static final int QUEUE = 77;
    private static final String MARK = "zenmq-lab";

    private final String prefix;
    private final Path workDir;
    private final List<Process> helpers = new ArrayList<>();
    private boolean closed;

    private NetLab(String prefix, Path workDir) {
        this.prefix = prefix;
        this.workDir = workDir;
    }

    /**
     * Creates the lab.
     *
     * @param workDir where the helper is built and its logs go
     * @return the lab, up
     */
    public static NetLab up(Path workDir) {
        String prefix = "zr" + ProcessHandle.current().pid() % 100_000 + (char) ('a' + LABS.getAndIncrement() % 26);
        NetLab lab = new NetLab(prefix, workDir);
        try {
            lab.create();
            return lab;
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
    }

    private void create() {
        for (Side side : Side.values()) {
            run("ip", "netns", "add", ns(side));
            run("ip", "-n", ns(side), "link", "set", "dev", "lo", "alias", MARK);
            run("ip", "-n", ns(side), "link", "set", "dev", "lo", "up");
        }
        run("ip", "-n", ns(Side.A), "link", "add", dev(Side.A), "type", "veth", "peer", "name", dev(Side.B), "netns",
                ns(Side.B));
        for (Side side : Side.values()) {
            run("ip", "-n", ns(side), "addr", "add", ip(side) + "/24", "dev", dev(side));
            run("ip", "-n", ns(side), "link", "set", dev(side), "up");
            inNs(side, "iptables", "-N", "ZR-SILENT-IN");
            inNs(side, "iptables", "-N", "ZR-SILENT-OUT");
            inNs(side, "iptables", "-N", "ZR-IMPAIR-IN");
            inNs(side, "iptables", "-A", "INPUT", "-i", dev(side), "-j", "ZR-SILENT-IN");
            inNs(side, "iptables", "-A", "INPUT", "-i", dev(side), "-j", "ZR-IMPAIR-IN");
            inNs(side, "iptables", "-A", "OUTPUT", "-o", dev(side), "-j", "ZR-SILENT-OUT");
        }
    }

    /**
     * @param side a side
     * @return its address inside the lab
     */
    public static String ip(Side side) {
        return side == Side.A ? "10.77.0.1" : "10.77.0.2";
    }

    /**
     * @param side a side
     * @return its namespace's name
     */
    public String ns(Side side) {
        return prefix + (side == Side.A ? "-a" : "-b");
    }

    private String dev(Side side) {
        return prefix + (side == Side.A ? "-va" : "-vb");
    }

    /**
     * Prefixes a command so that it runs inside a side's namespace ({@code ip netns exec} execs,
     * so the started process's pid is the command's own).
     *
     * @param side where to run
     * @param command the command
     * @return the full command line
     */
    public List<String> exec(Side side, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns(side)));
        full.addAll(command);
        return full;
    }

    /**
     * Delays traffic towards {@code receiver} by delay ± jitter ms (so packets overtake each
     * other) and drops {@code lossPercent} of it, at the receiver's ingress.
     *
     * @param receiver the side whose incoming packets are impaired
     * @param delayMs mean delay
     * @param jitterMs uniform jitter around it
     * @param lossPercent random loss, 0-100
     * @param seed the helper's draws
     */
    public void impair(Side receiver, int delayMs, int jitterMs, double lossPercent, long seed) {
        inNs(receiver, "iptables", "-F", "ZR-IMPAIR-IN");
        List<String> cmd = exec(receiver, List.of(Nfqdelay.binary(workDir).toString(), Integer.toString(QUEUE),
                Integer.toString(delayMs), Integer.toString(jitterMs), Double.toString(lossPercent),
                Long.toString(seed)));
        try {
            Process helper = new ProcessBuilder(cmd)
                    .redirectError(workDir.resolve("nfqdelay-" + ns(receiver) + "-" + seed + ".log").toFile())
                    .start();
            helpers.add(helper);
            helper.getOutputStream().close();
            byte[] ready = helper.getInputStream().readNBytes(6);
            if (!"ready\n".equals(new String(ready, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("nfqdelay did not start in " + ns(receiver));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start nfqdelay", e);
        }
        // --queue-bypass: should the helper die, packets pass instead of vanishing
        inNs(receiver, "iptables", "-A", "ZR-IMPAIR-IN", "-j", "NFQUEUE", "--queue-num", Integer.toString(QUEUE),
                "--queue-bypass");
    }

    /**
     * Drops a share of the packets entering {@code receiver}, with no delay (a kernel rule).
     *
     * @param receiver the side
     * @param percent 0-100
     */
    public void loss(Side receiver, double percent) {
        inNs(receiver, "iptables", "-F", "ZR-IMPAIR-IN");
        inNs(receiver, "iptables", "-A", "ZR-IMPAIR-IN", "-m", "statistic", "--mode", "random", "--probability",
                String.format(java.util.Locale.ROOT, "%.6f", percent / 100), "-j", "DROP");
    }

    /**
     * Limits what {@code sender} sends with a token bucket.
     *
     * @param sender the side whose egress is limited
     * @param rate e.g. {@code 1mbit}
     */
    public void rate(Side sender, String rate) {
        inNs(sender, "tc", "qdisc", "replace", "dev", dev(sender), "root", "tbf", "rate", rate, "burst", "32kb",
                "latency", "400ms");
    }

    /** Takes a's end of the link down: packets are lost, both TCP stacks keep their connections. */
    public void cut() {
        run("ip", "-n", ns(Side.A), "link", "set", dev(Side.A), "down");
    }

    /** Brings a's end of the link back up. */
    public void restore() {
        run("ip", "-n", ns(Side.A), "link", "set", dev(Side.A), "up");
    }

    /**
     * Makes a side drop everything in and out: a host that vanished without closing anything.
     *
     * @param side the side
     * @param on true to silence, false to undo
     */
    public void silence(Side side, boolean on) {
        inNs(side, "iptables", "-F", "ZR-SILENT-IN");
        inNs(side, "iptables", "-F", "ZR-SILENT-OUT");
        if (on) {
            inNs(side, "iptables", "-A", "ZR-SILENT-IN", "-j", "DROP");
            inNs(side, "iptables", "-A", "ZR-SILENT-OUT", "-j", "DROP");
        }
    }

    /**
     * Sets a namespaced sysctl inside one side (the host's value is not touched), e.g. a low
     * {@code net.ipv4.tcp_retries2} so that the kernel gives up on a silent peer in seconds.
     *
     * @param side where
     * @param key the sysctl's name
     * @param value the new value
     * @return the value it had before, for putting it back
     */
    public String sysctl(Side side, String key, String value) {
        // through /proc/sys, which shows the namespace of the process reading it: no procps needed
        String path = "/proc/sys/" + key.replace('.', '/');
        String before = inNs(side, "cat", path).trim();
        inNs(side, "sh", "-c", "echo '" + value + "' > " + path);
        return before;
    }

    /**
     * Aborts (RST) every established TCP connection on a port, seen from side a.
     *
     * @param port the port
     * @return the output of {@code ss}, one line per connection aborted
     */
    public String reset(int port) {
        return inNs(Side.A, "ss", "-K", "-H", "-t", "-n", "state", "established", "( sport = :" + port
                + " or dport = :" + port + " )");
    }

    /**
     * Sums {@code bytes_received} over a side's TCP connections on a port.
     *
     * @param side where to look
     * @param port the port
     * @return the bytes the side's connections on that port received so far
     */
    public long bytesReceived(Side side, int port) {
        String out = inNs(side, "ss", "-t", "-i", "-n", "-H", "state", "established", "( sport = :" + port
                + " or dport = :" + port + " )");
        long sum = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes_received:(\\d+)").matcher(out);
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    /** Removes every fault: impairment, loss, rate, silence and cut. */
    public void clear() {
        stopHelpers();
        for (Side side : Side.values()) {
            inNs(side, "iptables", "-F", "ZR-IMPAIR-IN");
            silence(side, false);
            tryRun("ip", "netns", "exec", ns(side), "tc", "qdisc", "del", "dev", dev(side), "root");
        }
        restore();
    }

    private void stopHelpers() {
        for (Process helper : helpers) {
            helper.destroy(); // SIGTERM: it releases what it holds first
            try {
                if (!helper.waitFor(5, TimeUnit.SECONDS)) {
                    helper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        helpers.clear();
    }

    /** Ends the helpers and every process left in the lab, then deletes both namespaces. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopHelpers();
        for (Side side : Side.values()) {
            String pids = tryRun("ip", "netns", "pids", ns(side));
            for (String pid : pids.split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            tryRun("ip", "netns", "del", ns(side));
        }
    }

    private String inNs(Side side, String... command) {
        List<String> full = exec(side, List.of(command));
        return run(full.toArray(new String[0]));
    }

    /**
     * Runs a command to its end (at most 20 s) and returns its output.
     *
     * @param command the command
     * @return its standard output
     * @throws IllegalStateException if it fails
     */
    static String run(String... command) {
        Result r = execute(command);
        if (r.code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.code + ": " + r.output);
        }
        return r.output;
    }

    private static String tryRun(String... command) {
        return execute(command).output;
    }

    private record Result(int code, String output) {
    }

    private static Result execute(String... command) {
        try {
            Path out = Files.createTempFile("zenmq-lab", ".out");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                if (!p.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
