// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.socket;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.jmh.support.Background;
import io.zenmq.jmh.support.Mechanisms;
import io.zenmq.jmh.support.SocketPair;
import io.zenmq.jmh.support.ThreadRoles;
import io.zenmq.jmh.support.Transport;
import java.time.Duration;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
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
 * The receiving side of PUSH to PULL throughput, by receive call: {@code array} is
 * {@code recv()} (a new array per message, the allocating API, for comparison), {@code bytes} is
 * {@code recv(byte[], int, int)} into one array, {@code buffer} is {@code recv(ByteBuffer)} into
 * one direct buffer, {@code msg} is {@code recvMsg(Msg)} refilling one message. One operation is
 * one message received on the JMH thread; PUSH sends the same payload through one reused
 * {@link Msg} (no copy, no allocation) on a background thread, so {@code alloc.recv.norm} of
 * {@code -prof io.zenmq.jmh.support.SideAllocProfiler} is what the receiving side allocates per
 * message: the JMH thread plus, over tcp/ipc, the receiver's I/O thread (whose decoder refills
 * the arrays the receive calls give back).
 *
 * <p>Before the sender starts, the set-up fills the whole path once (the sender's queue, the
 * kernel's buffers and the receiver's queue at its high-water mark) and drains it with the chosen
 * call. Over tcp and ipc the receiver's decoder makes a new array only when the queue reaches a
 * depth it never had, and the arrays given back are kept for later frames; filling the queue once
 * makes the arrays the stream will need (all but one or two), so the measured iterations show the
 * steady state instead of whichever iteration happens to contain the first deepest burst.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReceiveIntoBenchmark {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    /** The path counts as full once sends have been refused for this long. */
    private static final long FULL_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    /** The drain ends when nothing arrives for this long. */
    private static final Duration DRAINED_AFTER = Duration.ofMillis(300);
    /** The most fill-and-drain rounds before the measurement. */
    private static final int FILL_ROUNDS = 5;
    private static final List<String> RECEIVES = List.of("array", "bytes", "buffer", "msg");

    /** {@code inproc}, {@code tcp} or {@code ipc}. */
    @Param({"inproc", "tcp", "ipc"})
    public String transport;

    /** Message size in bytes. */
    @Param({"16", "65536"})
    public int size;

    /** {@code array}, {@code bytes}, {@code buffer} or {@code msg}: the receive call, see the class comment. */
    @Param({"array", "bytes", "buffer", "msg"})
    public String receive;

    private SocketPair pair;
    private Socket pull;
    private Background sender;
    private byte[] into;
    private ByteBuffer buffer;
    private Msg reuse;
    /** {@link #receive} as its index in {@link #RECEIVES}: no string compare per message. */
    private int mode;

    /** Connects the pair, proves the connection with one message, then starts the sender. */
    @Setup(Level.Trial)
    public void setUp() {
        mode = RECEIVES.indexOf(receive);
        if (mode < 0) {
            throw new IllegalArgumentException("receive must be one of " + RECEIVES + ", not " + receive);
        }
        pair = SocketPair.open(Transport.of(transport), SocketType.PULL, "recv", SocketType.PUSH, "send",
                Mechanisms.of("null"));
        pull = pair.binder();
        Socket push = pair.connecter();
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'z');
        push.send(payload);
        if (pull.recv().length != size) {
            throw new IllegalStateException("first message came back with the wrong size");
        }
        into = new byte[size];
        buffer = ByteBuffer.allocateDirect(size);
        reuse = new Msg();
        Msg msg = new Msg();
        fillThenDrain(push, msg, payload);
        sender = Background.start("send.app", () -> push.send(msg.add(payload)));
    }

    /**
     * Fills the path and drains it, again until one round drained at least what the two queues
     * hold ({@code SNDHWM + RCVHWM} messages, at most {@link #FILL_ROUNDS} rounds): a round that
     * drained less did not reach the receiver's full queue (a thread on the way was descheduled).
     * Runs before the sender thread exists, so the set-up thread owns both sockets.
     */
    private void fillThenDrain(Socket push, Msg msg, byte[] payload) {
        long bothQueues = (long) push.get(SocketOptions.SNDHWM) + pull.get(SocketOptions.RCVHWM);
        for (int round = 0; round < FILL_ROUNDS; round++) {
            fill(push, msg, payload);
            long drained = 0;
            while (receiveWithin(DRAINED_AFTER) >= 0) {
                drained++;      // every array read here goes back to the connection for the next frames
            }
            if (drained >= bothQueues) {
                break;
            }
        }
        msg.clear();
    }

    /** Sends without blocking until sends have been refused for {@link #FULL_AFTER_NANOS}. */
    private static void fill(Socket push, Msg msg, byte[] payload) {
        long refusedSince = -1;
        while (true) {
            if (msg.isEmpty()) {
                msg.add(payload);       // a refused send leaves its frame in the message
            }
            if (push.trySend(msg)) {
                refusedSince = -1;
            } else if (refusedSince < 0) {
                refusedSince = System.nanoTime();
            } else if (System.nanoTime() - refusedSince > FULL_AFTER_NANOS) {
                return;
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** One receive with the chosen call, waiting at most {@code timeout}; -1 if none came. */
    private int receiveWithin(Duration timeout) {
        switch (mode) {
            case 0: {
                byte[] frame = pull.recv(timeout);
                return frame == null ? -1 : frame.length;
            }
            case 1:
                return pull.recv(into, 0, into.length, timeout);
            case 2:
                buffer.clear();
                return pull.recv(buffer, timeout);
            default:
                return pull.recvMsg(reuse, timeout) ? reuse.frame(0).length : -1;
        }
    }

    /** Names the measuring thread for the allocation profiler (JMH may pick a new one per iteration). */
    @Setup(Level.Iteration)
    public void nameReceiver() {
        ThreadRoles.assign(Thread.currentThread(), "recv.app");
    }

    /**
     * Receives one message with the chosen call.
     *
     * @return its length
     */
    @Benchmark
    public int recv() {
        switch (mode) {
            case 0:
                return pull.recv().length;
            case 1:
                return pull.recv(into, 0, into.length);
            case 2:
                buffer.clear();
                return pull.recv(buffer);
            default:
                pull.recvMsg(reuse);
                return reuse.frame(0).length;
        }
    }

    /** Stops the sender: closing the contexts releases it if it is blocked at the high-water mark. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sender.stop();
        pair.close();
        sender.join(JOIN_TIMEOUT);
    }
}
