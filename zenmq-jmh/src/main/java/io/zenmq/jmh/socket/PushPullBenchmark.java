// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.socket;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import io.zenmq.jmh.support.Background;
import io.zenmq.jmh.support.Mechanisms;
import io.zenmq.jmh.support.SocketPair;
import io.zenmq.jmh.support.ThreadRoles;
import io.zenmq.jmh.support.Transport;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PUSH to PULL throughput, as libzmq's {@code local_thr}/{@code remote_thr} measure it: PULL binds
 * and is timed on the JMH thread (one operation is one message received with {@code recv()}); PUSH
 * connects and sends the same payload as fast as it can on a background thread, for the whole
 * trial: with {@code send(byte[])}, which copies it ({@link #send} {@code copy}), or through one
 * reused {@link Msg} without a copy ({@code zerocopy}, the path that allocates nothing). Between iterations the sender blocks at the high-water mark, so every
 * iteration starts and ends with a full pipeline.
 *
 * <p>Sides for {@code -prof io.zenmq.jmh.support.SideAllocProfiler}: {@code send} (the sending
 * thread and, over tcp/ipc, the sender's I/O thread) and {@code recv} (the receiver's I/O thread and
 * the JMH thread). Over inproc the one context's I/O thread is {@code shared.io} and stays idle.
 *
 * <p>Warm-up is five iterations, not three: compiling the whole path, with four busy threads on
 * two cores, takes several seconds.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PushPullBenchmark {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /** {@code inproc}, {@code tcp} or {@code ipc}. */
    @Param({"inproc", "tcp", "ipc"})
    public String transport;

    /** Message size in bytes. */
    @Param({"16", "256", "4096", "65536"})
    public int size;

    /** {@code null} (default) or {@code curve}: the binding end is the CURVE server. */
    @Param({"null"})
    public String mechanism;

    /** {@code copy}: {@code send(byte[])}; {@code zerocopy}: one reused {@code Msg}, no copy. */
    @Param({"copy"})
    public String send;

    private SocketPair pair;
    private Socket pull;
    private Background sender;

    /**
     * Connects the pair with the chosen {@link #mechanism}, proves the connection with one message,
     * then starts the sender.
     */
    @Setup(Level.Trial)
    public void setUp() {
        pair = SocketPair.open(Transport.of(transport), SocketType.PULL, "recv", SocketType.PUSH, "send",
                Mechanisms.of(mechanism));
        pull = pair.binder();
        Socket push = pair.connecter();
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'z');
        push.send(payload);
        if (pull.recv().length != size) {
            throw new IllegalStateException("first message came back with the wrong size");
        }
        sender = Background.start("send.app", sendLoopStep(push, payload));
    }

    private Runnable sendLoopStep(Socket push, byte[] payload) {
        switch (send) {
            case "copy":
                return () -> push.send(payload);
            case "zerocopy":
                Msg msg = new Msg();
                return () -> push.send(msg.add(payload));
            default:
                throw new IllegalArgumentException("send must be copy or zerocopy, not " + send);
        }
    }

    /** Names the measuring thread for the allocation profiler (JMH may pick a new one per iteration). */
    @Setup(Level.Iteration)
    public void nameReceiver() {
        ThreadRoles.assign(Thread.currentThread(), "recv.app");
    }

    /**
     * Receives one message.
     *
     * @return its bytes, as the API hands them out
     */
    @Benchmark
    public byte[] recv() {
        return pull.recv();
    }

    /** Stops the sender: closing the contexts releases it if it is blocked at the high-water mark. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sender.stop();
        pair.close();
        sender.join(JOIN_TIMEOUT);
    }
}
