// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Context;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code zenmq perf MODE ARGS}: libzmq's six perf tools with their arguments and output lines
 * (cli.md, "perf"; bench/README.md), so that either end of a run can be another implementation.
 */
final class PerfCommand {
    private static final String INPROC_ENDPOINT = "inproc://zenmq-perf";

    private PerfCommand() {
    }

    /** Runs {@code perf} with the arguments after the command name; returns the exit status. */
    static int run(List<String> argv, PrintStream out) {
        if (argv.isEmpty()) {
            throw CliException.usage("perf: missing mode (local-thr, remote-thr, local-lat, remote-lat, "
                    + "inproc-thr, inproc-lat)");
        }
        String mode = argv.get(0).replace('_', '-');
        List<String> rest = argv.subList(1, argv.size());
        switch (mode) {
            case "local-thr", "remote-thr", "local-lat", "remote-lat" -> {
                expectArgs(mode, rest, 3, "ENDPOINT MSG_SIZE COUNT");
                String endpoint = endpoint(rest.get(0));
                int size = size(rest.get(1));
                long count = count(rest.get(2));
                out.print(runRemote(mode, endpoint, size, count));
            }
            case "inproc-thr", "inproc-lat" -> {
                expectArgs(mode, rest, 2, "MSG_SIZE COUNT");
                int size = size(rest.get(0));
                long count = count(rest.get(1));
                out.print(mode.equals("inproc-thr") ? inprocThroughput(size, count) : inprocLatency(size, count));
            }
            default -> throw CliException.usage("perf: unknown mode '" + argv.get(0) + "'");
        }
        out.flush();
        return 0;
    }

    private static String runRemote(String mode, String endpoint, int size, long count) {
        try (Context ctx = PerfEnvironment.contextBuilder().maxLinger(Option.INFINITE).build()) {
            switch (mode) {
                case "local-thr" -> {
                    try (Socket pull = ctx.socket(SocketType.PULL)) {
                        PerfEnvironment.applySecurity(pull, true);
                        bind(pull, endpoint);
                        return PerfRuns.throughputReport(size, count,
                                PerfRuns.receiveAll(pull, size, count, Option.INFINITE));
                    }
                }
                case "remote-thr" -> {
                    Socket push = ctx.socket(SocketType.PUSH);
                    push.set(SocketOptions.LINGER, Option.INFINITE);
                    PerfEnvironment.applySecurity(push, false);
                    connect(push, endpoint);
                    PerfRuns.sendAll(push, size, count);
                    push.close();
                    return "";
                }
                case "local-lat" -> {
                    try (Socket rep = ctx.socket(SocketType.REP)) {
                        PerfEnvironment.applySecurity(rep, true);
                        bind(rep, endpoint);
                        PerfRuns.echo(rep, size, count, Option.INFINITE);
                        rep.set(SocketOptions.LINGER, Option.INFINITE);
                    }
                    return "";
                }
                default -> {
                    try (Socket req = ctx.socket(SocketType.REQ)) {
                        PerfEnvironment.applySecurity(req, false);
                        connect(req, endpoint);
                        return PerfRuns.latencyReport(size, count,
                                PerfRuns.roundtrips(req, size, count, Option.INFINITE));
                    }
                }
            }
        }
    }

    private static String inprocThroughput(int size, long count) {
        try (Context ctx = PerfEnvironment.contextBuilder().build(); Socket pull = ctx.socket(SocketType.PULL)) {
            bind(pull, INPROC_ENDPOINT);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread sender = start("zenmq-perf-push", failure, () -> {
                try (Socket push = ctx.socket(SocketType.PUSH)) {
                    push.connect(INPROC_ENDPOINT);
                    PerfRuns.sendAll(push, size, count);
                }
            });
            long nanos = PerfRuns.receiveAll(pull, size, count, Option.INFINITE);
            join(sender, failure);
            return PerfRuns.throughputReport(size, count, nanos);
        }
    }

    private static String inprocLatency(int size, long count) {
        try (Context ctx = PerfEnvironment.contextBuilder().build()) {
            Socket rep = ctx.socket(SocketType.REP);
            bind(rep, INPROC_ENDPOINT);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread echo = start("zenmq-perf-rep", failure, () -> {
                try (rep) {
                    PerfRuns.echo(rep, size, count, Option.INFINITE);
                }
            });
            long nanos;
            try (Socket req = ctx.socket(SocketType.REQ)) {
                req.connect(INPROC_ENDPOINT);
                nanos = PerfRuns.roundtrips(req, size, count, Option.INFINITE);
            }
            join(echo, failure);
            return PerfRuns.latencyReport(size, count, nanos);
        }
    }

    /** Starts a worker thread that records its exception instead of printing it. */
    static Thread start(String name, AtomicReference<RuntimeException> failure, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void join(Thread thread, AtomicReference<RuntimeException> failure) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failure("interrupted");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    static String bind(Socket socket, String endpoint) {
        try {
            return socket.bind(endpoint);
        } catch (ZmqException e) {
            throw CliException.attachFailed(true, endpoint, e);
        }
    }

    static void connect(Socket socket, String endpoint) {
        try {
            socket.connect(endpoint);
        } catch (ZmqException e) {
            throw CliException.attachFailed(false, endpoint, e);
        }
    }

    private static void expectArgs(String mode, List<String> args, int n, String synopsis) {
        if (args.size() != n) {
            throw CliException.usage("perf " + mode + ": expected " + synopsis + ", got " + args.size()
                    + " argument" + (args.size() == 1 ? "" : "s"));
        }
    }

    private static String endpoint(String arg) {
        int sep = arg.indexOf("://");
        if (sep <= 0 || arg.startsWith("@") || arg.startsWith(">") || sep + 3 == arg.length()) {
            throw CliException.usage("perf: malformed endpoint '" + arg + "' (plain TRANSPORT://ADDRESS)");
        }
        return arg;
    }

    private static int size(String arg) {
        return (int) integer("MSG_SIZE", arg, 0, Integer.MAX_VALUE);
    }

    private static long count(String arg) {
        return integer("COUNT", arg, 1, Integer.MAX_VALUE);
    }

    private static long integer(String what, String arg, long min, long max) {
        if (arg.isEmpty() || arg.length() > 10 || !arg.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(arg) < min || Long.parseLong(arg) > max) {
            throw CliException.usage(String.format(Locale.ROOT, "perf: %s must be an integer %d to %d, got '%s'",
                    what, min, max, arg));
        }
        return Long.parseLong(arg);
    }
}
