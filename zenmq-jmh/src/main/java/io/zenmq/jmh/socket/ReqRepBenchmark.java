// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.socket;

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
 * REQ/REP round trips, as libzmq's {@code local_lat}/{@code remote_lat} measure them: REP binds and
 * echoes every request on a background thread; REQ connects and is timed on the JMH thread. One
 * operation is one round trip ({@code send} then {@code recv}); libzmq's perf tools report half of
 * it as the one-way latency.
 *
 * <p>Sides for {@code -prof io.zenmq.jmh.support.SideAllocProfiler}: {@code client} (the JMH thread
 * and the REQ side's I/O thread) and {@code server} (the REP side's I/O thread and the echo thread).
 *
 * <p>Warm-up is five iterations, not three: compiling the whole path, with four busy threads on
 * two cores, takes several seconds.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReqRepBenchmark {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /** {@code inproc}, {@code tcp} or {@code ipc}. */
    @Param({"inproc", "tcp", "ipc"})
    public String transport;

    /** Request and reply size in bytes. */
    @Param({"16", "4096"})
    public int size;

    /** {@code null} (default) or {@code curve}: the binding end is the CURVE server. */
    @Param({"null"})
    public String mechanism;

    private SocketPair pair;
    private Socket req;
    private byte[] request;
    private Background echo;

    /** Connects the pair, starts the echo thread and makes one round trip to prove the connection. */
    @Setup(Level.Trial)
    public void setUp() {
        pair = SocketPair.open(Transport.of(transport), SocketType.REP, "server", SocketType.REQ, "client",
                Mechanisms.of(mechanism));
        Socket rep = pair.binder();
        req = pair.connecter();
        request = new byte[size];
        Arrays.fill(request, (byte) 'z');
        echo = Background.start("server.app", () -> rep.send(rep.recv()));
        if (roundTrip().length != size) {
            throw new IllegalStateException("first reply came back with the wrong size");
        }
    }

    /** Names the measuring thread for the allocation profiler. */
    @Setup(Level.Iteration)
    public void nameClient() {
        ThreadRoles.assign(Thread.currentThread(), "client.app");
    }

    /**
     * Sends one request and waits for its reply.
     *
     * @return the reply
     */
    @Benchmark
    public byte[] roundTrip() {
        req.send(request);
        return req.recv();
    }

    /** Stops the echo thread, which is blocked in {@code recv} until the contexts close. */
    @TearDown(Level.Trial)
    public void tearDown() {
        echo.stop();
        pair.close();
        echo.join(JOIN_TIMEOUT);
    }
}
