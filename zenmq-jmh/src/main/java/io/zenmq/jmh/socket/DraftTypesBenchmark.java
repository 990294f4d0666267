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
 * Throughput of the thread-safe draft types next to the classic types they mirror, in the shape of
 * {@link PushPullBenchmark}: the receiving end binds and is timed on the JMH thread (one operation
 * is one message received with {@code recvMsg()}), the sending end connects and sends the same
 * payload with {@code send(byte[])} as fast as it can on a background thread. {@link #types} pairs
 * SCATTER/GATHER with PUSH/PULL and CLIENT/SERVER with DEALER/ROUTER (where the ROUTER's message
 * has its routing-id frame, the SERVER's a routing id on the {@code Msg}), so one run measures each
 * pair back to back.
 *
 * <p>Sides for {@code -prof io.zenmq.jmh.support.SideAllocProfiler}: {@code send} and {@code recv},
 * as in {@link PushPullBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DraftTypesBenchmark {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /** Sender and receiver type: {@code PUSH-PULL}, {@code SCATTER-GATHER}, {@code DEALER-ROUTER}, {@code CLIENT-SERVER}. */
    @Param({"PUSH-PULL", "SCATTER-GATHER", "DEALER-ROUTER", "CLIENT-SERVER"})
    public String types;

    /** {@code inproc}, {@code tcp} or {@code ipc}. */
    @Param({"inproc", "tcp", "ipc"})
    public String transport;

    /** Message size in bytes. */
    @Param({"16", "4096"})
    public int size;

    private SocketPair pair;
    private Socket receiver;
    private Background sender;

    /** Connects the pair, proves the connection with one message, then starts the sender. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] names = types.split("-");
        pair = SocketPair.open(Transport.of(transport), SocketType.valueOf(names[1]), "recv",
                SocketType.valueOf(names[0]), "send", Mechanisms.of("null"));
        receiver = pair.binder();
        Socket sending = pair.connecter();
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'z');
        sending.send(payload);
        Msg first = receiver.recvMsg();
        if (first.last().length != size) {
            throw new IllegalStateException("first message came back with the wrong size");
        }
        sender = Background.start("send.app", () -> sending.send(payload));
    }

    /** Names the measuring thread for the allocation profiler. */
    @Setup(Level.Iteration)
    public void nameReceiver() {
        ThreadRoles.assign(Thread.currentThread(), "recv.app");
    }

    /**
     * Receives one message.
     *
     * @return it, as the API hands it out
     */
    @Benchmark
    public Msg recv() {
        return receiver.recvMsg();
    }

    /** Stops the sender: closing the contexts releases it if it is blocked at the high-water mark. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sender.stop();
        pair.close();
        sender.join(JOIN_TIMEOUT);
    }
}
