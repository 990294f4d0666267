// SPDX-License-Identifier: MPL-2.0
import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load for bench/proxy/run.sh: the same zenmq peers drive zenmq's proxy and libzmq's, so the
 * proxy is the only difference. Run with the source launcher on the core jar.
 *
 * <pre>
 * queue FRONT BACK CLIENTS WORKERS SECONDS SIZE   REQ clients to FRONT, REP workers to BACK;
 *                                                 prints "queue <roundtrips/s>"
 * stream FRONT BACK COUNT SIZE                    PUSH to FRONT, PULL from BACK;
 *                                                 prints "stream <msg/s>" (first to last received)
 * </pre>
 */
public final class ProxyPeers {
    private static final Duration WARM_UP = Duration.ofMillis(500);

    public static void main(String[] args) throws Exception {
        try (Context ctx = Context.builder().ioThreads(1).build()) {
            switch (args[0]) {
                case "queue" -> queue(ctx, args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Integer.parseInt(args[6]));
                case "stream" -> stream(ctx, args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        }
    }

    private static void queue(Context ctx, String front, String back, int clients, int workers, int seconds,
            int size) throws InterruptedException {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        LongAdder roundtrips = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Socket rep = ctx.socket(SocketType.REP);
            rep.set(SocketOptions.LINGER, Duration.ZERO);
            rep.connect(back);
            threads.add(daemon(() -> serve(rep)));
        }
        CountDownLatch finished = new CountDownLatch(clients);
        byte[] payload = new byte[size];
        for (int i = 0; i < clients; i++) {
            Socket req = ctx.socket(SocketType.REQ);
            req.set(SocketOptions.LINGER, Duration.ZERO);
            req.connect(front);
            threads.add(daemon(() -> {
                Msg msg = new Msg();
                while (!done.get()) {
                    req.send(msg.add(payload));
                    if (req.recv(Duration.ofSeconds(10)) == null) {
                        throw new IllegalStateException("no reply within 10 s");
                    }
                    if (counting.get()) {
                        roundtrips.increment();
                    }
                }
                finished.countDown();
            }));
        }
        waitFor(WARM_UP);
        counting.set(true);
        long start = System.nanoTime();
        waitFor(Duration.ofSeconds(seconds));
        counting.set(false);
        long elapsed = System.nanoTime() - start;
        done.set(true);
        finished.await();
        System.out.printf(Locale.ROOT, "queue %d%n", (long) (roundtrips.sum() * 1e9 / elapsed));
    }

    /** A REP worker echoing requests until the context closes (after every client is done). */
    private static void serve(Socket rep) {
        try {
            while (true) {
                rep.send(rep.recvMsg(io.zenmq.Option.INFINITE));
            }
        } catch (ZmqException e) {
            // the context closed at the end of the run
        }
    }

    private static void stream(Context ctx, String front, String back, int count, int size) {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.connect(back);
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.LINGER, Duration.ofSeconds(30));
        push.connect(front);
        byte[] payload = new byte[size];
        Thread sender = daemon(() -> {
            Msg msg = new Msg();
            for (int i = 0; i < count; i++) {
                push.send(msg.add(payload));
            }
        });
        pull.recv();
        long start = System.nanoTime();
        for (int i = 1; i < count; i++) {
            pull.recv();
        }
        long elapsed = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "stream %d%n", (long) ((count - 1) * 1e9 / elapsed));
        sender.interrupt();
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A benchmark's pause: parks until the time is up (no Thread.sleep in this code base). */
    private static void waitFor(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        for (long left = time.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }
}
