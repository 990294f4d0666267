// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.peer;

import io.zenmq.Context;
import io.zenmq.EventType;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import io.zenmq.reliability.oracle.SeqChecker;
import io.zenmq.reliability.oracle.Stamp;
import io.zenmq.reliability.probe.Probe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A peer in its own JVM (often inside a lab namespace), driven by {@code key=value} arguments
 * and a few stdin commands, reporting on stdout one line per fact. See {@link PeerProcess} for the
 * driving side.
 *
 * <pre>
 * role=send|recv|echo|req  type=PUSH|PULL|...  bind=EP | connect=EP
 * send: count= rate=msgs/s producer= epoch= min= max= multipart=every sndtimeoMs= big=bytes bigAt=seq
 *       bigEvery=n waitGo=1 (sends only after "go") waitSub=1 (an XPUB: sends only after a
 *       subscription arrived) nodrop=1 (XPUB_NODROP)
 * recv: count= progress= slowMicros= expect=P:E:N,... latency=1 (senders stamp their send time)
 * req:  count= window= replyTimeoutMs=
 * reqs: (a REQ) parallel= REQs in as many threads, REQ_CORRELATE + REQ_RELAXED, each count= lock-step
 *       requests, resending after replyTimeoutMs= without an answer; reports RETRIES and CROSSTALK
 * echo: dropPercent= (a ROUTER: that share of replies, seeded, is never sent; ECHO-DONE says how many)
 * many: (a ROUTER) count= DEALERs of its own connect to it and say hello; reports how many arrived
 * any:  sndhwm= rcvhwm= hbIvlMs= hbTimeoutMs= hbTtlMs= reconnectMs= reconnectMaxMs= lingerMs=
 *       maxSeconds= (the process ends itself after this)
 * stdin: stop | probe | go | snapshot (a receiver prints its verdict so far and the latencies
 *        since the last snapshot)
 * stdout: READY ep | EVENT ms TYPE value | SENT n | SENDING-BIG seq | SENT-DONE n eagain=k maxSendMicros=m
 *         | RECV n | VERDICT {json} | RES resources | BYE
 * </pre>
 *
 * Owner: its main thread drives the socket; one thread reads the monitor, one reads stdin.
 */
public final class PeerMain {
    private static final PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
            true, StandardCharsets.UTF_8);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, String> args;
    private volatile boolean stop;
    private volatile boolean go;
    private volatile boolean snapshot;
    /** Connection changes the monitor saw (DISCONNECTED, or a handshake after the first). */
    private static final java.util.concurrent.atomic.AtomicLong RECONNECTS = new java.util.concurrent.atomic.AtomicLong();
    private static boolean firstHandshake = true;
    private final Latencies latencies = new Latencies();

    private PeerMain(Map<String, String> args) {
        this.args = args;
    }

    /**
     * Runs one peer.
     *
     * @param argv {@code key=value} arguments
     */
    public static void main(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new PeerMain(args).run();
    }

    static synchronized void say(String line) {
        OUT.println(line);
    }

    private long num(String key, long dflt) {
        String v = args.get(key);
        return v == null ? dflt : Long.parseLong(v);
    }

    private void run() {
        long maxSeconds = num("maxSeconds", 300);
        Thread reaper = new Thread(() -> {
            LockSupport.parkNanos(Duration.ofSeconds(maxSeconds).toNanos());
            say("EXPIRED");
            Runtime.getRuntime().halt(3);
        }, "peer-lifetime");
        reaper.setDaemon(true);
        reaper.start();
        Thread input = new Thread(this::readCommands, "peer-stdin");
        input.setDaemon(true);
        input.start();

        SocketType type = SocketType.valueOf(args.get("type"));
        try (Context ctx = Context.builder().maxLinger(Duration.ofMillis(num("lingerMs", 2000))).build()) {
            Socket s = ctx.socket(type);
            configure(s);
            SocketMonitor monitor = s.monitor(EnumSet.allOf(EventType.class));
            Thread events = new Thread(() -> printEvents(monitor), "peer-monitor");
            events.setDaemon(true);
            events.start();
            if (type == SocketType.SUB) {
                s.subscribe("");
            }
            if (args.containsKey("bind")) {
                say("READY " + s.bind(args.get("bind")));
            } else {
                s.connect(args.get("connect"));
                say("READY " + args.get("connect"));
            }
            switch (args.get("role")) {
                case "send" -> send(s);
                case "recv" -> receive(s, type == SocketType.ROUTER);
                case "echo" -> echo(s, type);
                case "req" -> request(s);
                case "reqs" -> parallelRequests(ctx, s);
                case "many" -> many(ctx, s);
                default -> throw new IllegalArgumentException("role " + args.get("role"));
            }
            awaitStop();
            s.close();
        }
        say("BYE");
        System.exit(0);
    }

    private void configure(Socket s) {
        if (args.containsKey("sndhwm")) {
            s.set(SocketOptions.SNDHWM, (int) num("sndhwm", 1000));
        }
        if (args.containsKey("rcvhwm")) {
            s.set(SocketOptions.RCVHWM, (int) num("rcvhwm", 1000));
        }
        if (args.containsKey("hbIvlMs")) {
            s.set(SocketOptions.HEARTBEAT_IVL, Duration.ofMillis(num("hbIvlMs", 0)));
        }
        if (args.containsKey("hbTimeoutMs")) {
            s.set(SocketOptions.HEARTBEAT_TIMEOUT, Duration.ofMillis(num("hbTimeoutMs", 0)));
        }
        if (args.containsKey("hbTtlMs")) {
            s.set(SocketOptions.HEARTBEAT_TTL, Duration.ofMillis(num("hbTtlMs", 0)));
        }
        if (args.containsKey("reconnectMs")) {
            s.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(num("reconnectMs", 100)));
        }
        if (args.containsKey("reconnectMaxMs")) {
            s.set(SocketOptions.RECONNECT_IVL_MAX, Duration.ofMillis(num("reconnectMaxMs", 0)));
        }
        if (num("nodrop", 0) == 1) {
            s.set(SocketOptions.XPUB_NODROP, true);
        }
        s.set(SocketOptions.LINGER, Duration.ofMillis(num("lingerMs", 2000)));
    }

    private void readCommands() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if ("probe".equals(line.trim())) {
                    say("RES " + Probe.self());
                } else if ("snapshot".equals(line.trim())) {
                    snapshot = true;
                } else if ("go".equals(line.trim())) {
                    go = true;
                } else if ("stop".equals(line.trim())) {
                    stop = true;
                }
            }
        } catch (IOException e) {
            // the parent went away: stop as on "stop"
        }
        stop = true;
    }

    private static void printEvents(SocketMonitor monitor) {
        while (!monitor.isFinished()) {
            SocketEvent e = monitor.next(Duration.ofSeconds(1));
            if (e != null) {
                if (e.type() == EventType.DISCONNECTED
                        || e.type() == EventType.HANDSHAKE_SUCCEEDED && !firstHandshake) {
                    RECONNECTS.incrementAndGet();
                }
                if (e.type() == EventType.HANDSHAKE_SUCCEEDED) {
                    firstHandshake = false;
                }
                say("EVENT " + System.nanoTime() / 1_000_000 + " " + e.type() + " " + e.value());
            }
        }
    }

    private void awaitStop() {
        while (!stop) {
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private void send(Socket s) {
        long count = num("count", 1000);
        long rate = num("rate", 0);
        int producer = (int) num("producer", 1);
        int epoch = (int) num("epoch", 0);
        int multipart = (int) num("multipart", 10);
        int min = (int) num("min", 1);
        int max = (int) num("max", 200);
        long sndtimeo = num("sndtimeoMs", -1);
        long bigAt = num("bigAt", -1);
        long bigEvery = num("bigEvery", 0);
        int big = (int) num("big", 0);
        long progress = num("progress", Math.max(1, count / 20));
        boolean stampTimes = num("latency", 0) == 1;
        if (stampTimes) {
            min = Math.max(min, Stamp.HEADER + 8);
            max = Math.max(max, min);
        }
        SplittableRandom random = new SplittableRandom(num("seed", 1));
        while (num("waitGo", 0) == 1 && !go && !stop) {
            LockSupport.parkNanos(1_000_000);
        }
        if (num("waitSub", 0) == 1) {
            Msg subscription = null;
            while (subscription == null && !stop) {
                subscription = s.recvMsg(POLL);
            }
            say("SUBSCRIBED");
        }
        long eagain = 0;
        long maxSend = 0;
        long sent = 0;
        long start = System.nanoTime();
        for (long seq = 0; seq < count && !stop; seq++) {
            byte[][] parts;
            if (seq == bigAt || bigEvery > 0 && seq % bigEvery == bigEvery - 1) {
                parts = new byte[][] {Stamp.part(producer, epoch, seq, 0, 2, 16),
                    Stamp.part(producer, epoch, seq, 1, 2, big)};
                say("SENDING-BIG " + seq);
            } else {
                parts = Stamp.message(producer, epoch, seq, multipart, Math.max(0, min - Stamp.HEADER),
                        Math.max(0, max - Stamp.HEADER), random);
            }
            if (rate > 0) {
                long due = start + seq * 1_000_000_000L / rate;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            long t0 = System.nanoTime();
            if (stampTimes) {
                Stamp.stampTime(parts[0], t0);
            }
            try {
                if (sndtimeo >= 0) {
                    while (!s.send(Msg.of(parts), Duration.ofMillis(sndtimeo))) {
                        eagain++;
                        if (stop) {
                            break;
                        }
                    }
                } else {
                    s.send(Msg.of(parts));
                }
            } catch (ZmqException e) {
                say("SEND-ERROR " + e.getMessage());
                break;
            }
            maxSend = Math.max(maxSend, System.nanoTime() - t0);
            sent++;
            if (sent % progress == 0) {
                say("SENT " + sent);
            }
        }
        say("SENT-DONE " + sent + " eagain=" + eagain + " maxSendMicros=" + maxSend / 1000);
    }

    private void receive(Socket s, boolean router) {
        long count = num("count", Long.MAX_VALUE);
        long progress = num("progress", 1000);
        long slow = num("slowMicros", 0);
        boolean latency = num("latency", 0) == 1;
        SeqChecker checker = new SeqChecker();
        String expect = args.get("expect");
        if (expect != null) {
            for (String e : expect.split(",", -1)) {
                String[] f = e.split(":", -1);
                checker.expect(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]));
            }
        }
        long received = 0;
        while (received < count && !stop) {
            Msg m = s.recvMsg(POLL);
            if (m == null) {
                if (snapshot) {
                    snapshot = false;
                    say("SNAPSHOT received=" + received + " " + checker.verdict().toJson() + " " + latencies.drain());
                }
                continue;
            }
            List<byte[]> frames = m.frames();
            int skip = router ? 1 : 0;
            byte[][] parts = frames.subList(skip, frames.size()).toArray(new byte[0][]);
            if (RECONNECTS.get() > 0) {
                checker.reconnected();
            }
            checker.accept(parts, parts.length);
            received++;
            if (latency && parts.length > 0) {
                long sent = Stamp.sentAt(parts[0]);
                if (sent > 0) {
                    latencies.record(System.nanoTime() - sent);
                }
            }
            if (snapshot) {
                snapshot = false;
                say("SNAPSHOT received=" + received + " " + checker.verdict().toJson() + " " + latencies.drain());
            }
            if (received % progress == 0) {
                say("RECV " + received);
            }
            if (slow > 0) {
                LockSupport.parkNanos(slow * 1000);
            }
        }
        say("VERDICT " + checker.verdict().toJson());
    }

    private void echo(Socket s, SocketType type) {
        long echoed = 0;
        long dropped = 0;
        int dropPercent = (int) num("dropPercent", 0);
        SplittableRandom random = new SplittableRandom(num("seed", 1));
        while (!stop) {
            Msg m = s.recvMsg(POLL);
            if (m == null) {
                continue;
            }
            if (dropPercent > 0 && random.nextInt(100) < dropPercent) {
                dropped++;
                continue;
            }
            s.send(m);
            echoed++;
            if (echoed % 1000 == 0 && type != SocketType.REP) {
                say("ECHOED " + echoed);
            }
        }
        say("ECHO-DONE echoed=" + echoed + " dropped=" + dropped);
    }

    /**
     * R2's recovery: {@code parallel} REQs (the given one and more like it), one thread each, send
     * {@code count} lock-step requests; a request without an answer in {@code replyTimeoutMs} is
     * sent again (REQ_RELAXED allows it; REQ_CORRELATE drops a late answer to the old one). Every
     * reply must be the answer to the request just sent: anything else is cross-talk.
     */
    private void parallelRequests(Context ctx, Socket first) {
        int parallel = (int) num("parallel", 50);
        long count = num("count", 40);
        Duration replyTimeout = Duration.ofMillis(num("replyTimeoutMs", 1000));
        SeqChecker checker = new SeqChecker();
        java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong crosstalk = new java.util.concurrent.atomic.AtomicLong();
        List<Socket> sockets = new java.util.ArrayList<>(List.of(first));
        for (int i = 1; i < parallel; i++) {
            Socket req = ctx.socket(SocketType.REQ);
            configure(req);
            req.connect(args.get("connect"));
            sockets.add(req);
        }
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            Socket req = sockets.get(i);
            int producer = i + 1;
            req.set(SocketOptions.REQ_CORRELATE, true);
            req.set(SocketOptions.REQ_RELAXED, true);
            Thread t = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(producer);
                for (long seq = 0; seq < count && !stop; seq++) {
                    byte[][] request = Stamp.message(producer, 0, seq, 10, 0, 100, random);
                    Msg reply = null;
                    while (reply == null && !stop) {
                        req.send(Msg.of(request));
                        reply = req.recvMsg(replyTimeout);
                        if (reply == null) {
                            retries.incrementAndGet();
                        }
                    }
                    if (reply == null) {
                        break;
                    }
                    byte[][] parts = reply.frames().toArray(new byte[0][]);
                    if (!java.util.Arrays.deepEquals(parts, request)) {
                        crosstalk.incrementAndGet();
                    }
                    synchronized (checker) {
                        checker.accept(parts, parts.length);
                    }
                }
            }, "req-" + producer);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (int i = 1; i < parallel; i++) {
            sockets.get(i).close();
        }
        for (int producer = 1; producer <= parallel; producer++) {
            checker.expect(producer, 0, count);
        }
        say("REQS-DONE retries=" + retries.get() + " crosstalk=" + crosstalk.get());
        say("VERDICT " + checker.verdict().toJson());
    }

    /**
     * Connects {@code count} DEALERs of this process to its own ROUTER and counts the hellos that
     * arrive: run under a low {@code ulimit -n}, it shows what the limit does to zenmq.
     */
    private void many(Context ctx, Socket router) {
        long count = num("count", 1000);
        String ep = router.get(SocketOptions.LAST_ENDPOINT);
        List<Socket> dealers = new java.util.ArrayList<>();
        String error = "none";
        try {
            for (int i = 0; i < count; i++) {
                Socket d = ctx.socket(SocketType.DEALER);
                dealers.add(d);
                d.connect(ep);
                d.send("hello");
            }
        } catch (ZmqException e) {
            error = e.code().name();
        }
        long arrived = 0;
        while (router.recvMsg(Duration.ofSeconds(3)) != null) {
            arrived++;
        }
        say("MANY sockets=" + dealers.size() + " arrived=" + arrived + " error=" + error);
        long t0 = System.nanoTime();
        for (Socket d : dealers) {
            d.set(SocketOptions.LINGER, Duration.ZERO);
            d.close();
        }
        say("CLOSED-ALL ms=" + (System.nanoTime() - t0) / 1_000_000);
        // the descriptors are back: the ROUTER must serve a newcomer (its I/O thread survived)
        try (Socket late = ctx.socket(SocketType.DEALER)) {
            late.set(SocketOptions.LINGER, Duration.ZERO);
            late.connect(ep);
            late.send("late");
            Msg m;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                m = router.recvMsg(Duration.ofSeconds(1));
            } while ((m == null || !"late".equals(m.string(m.size() - 1))) && System.nanoTime() - deadline < 0);
            say("AFTER " + (m != null && "late".equals(m.string(m.size() - 1)) ? "ok" : "deaf"));
        }
    }

    private void request(Socket s) {
        long count = num("count", 1000);
        long window = num("window", 1);
        Duration replyTimeout = Duration.ofMillis(num("replyTimeoutMs", 10_000));
        int producer = (int) num("producer", 1);
        long progress = num("progress", Math.max(1, count / 20));
        SplittableRandom random = new SplittableRandom(num("seed", 1));
        SeqChecker checker = new SeqChecker();
        long sent = 0;
        long replies = 0;
        while (replies < count && !stop) {
            while (sent < count && sent - replies < window) {
                s.send(Msg.of(Stamp.message(producer, 0, sent, 10, 0, 100, random)));
                sent++;
            }
            Msg reply = s.recvMsg(replyTimeout);
            if (reply == null) {
                say("TIMEOUT after " + replies + " replies");
                break;
            }
            byte[][] parts = reply.frames().toArray(new byte[0][]);
            checker.accept(parts, parts.length);
            replies++;
            if (replies % progress == 0) {
                say("RECV " + replies);
            }
        }
        checker.expect(producer, 0, sent);
        say("VERDICT " + checker.verdict().toJson());
    }
}
