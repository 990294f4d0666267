// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.poll;

import io.zenmq.Context;
import io.zenmq.Option;
import io.zenmq.Poller;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.ArrayList;
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
 * The cost of a poll with one ready socket among {@link #idle} idle registered ones, which must
 * not grow with the idle count, and of registering a socket.
 *
 * <ul>
 *   <li>{@link #pollReady}: a socket holds one message it never receives, so it stays readable
 *       (level-triggered); one operation is one non-blocking poll that finds it.
 *   <li>{@link #sendPollRecv}: one message over inproc from a PUSH to a registered PULL, then a
 *       poll that finds it (the PULL's wake-up reaches the poller through its queue) and the
 *       receive: the whole cycle of a poll loop, all on the JMH thread.
 *   <li>{@link #registerUnregister}: one socket registered and unregistered again.
 * </ul>
 *
 * <p>The idle sockets are PULLs bound to inproc names, which cost no file descriptor.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PollerBenchmark {
    /** How many idle sockets are registered besides the busy one. */
    @Param({"10", "100", "1000"})
    public int idle;

    private Context ctx;
    private Poller poller;
    private final List<Socket> idleSockets = new ArrayList<>();
    private Socket ready;
    private Socket pull;
    private Socket push;
    private Socket extra;
    private final byte[] payload = new byte[16];

    /** Opens the sockets and registers them all. */
    @Setup(Level.Trial)
    public void setUp() {
        ctx = Context.create();
        poller = new Poller();
        for (int i = 0; i < idle; i++) {
            Socket socket = ctx.socket(SocketType.PULL);
            socket.bind("inproc://idle-" + i);
            idleSockets.add(socket);
            poller.register(socket, Poller.IN);
        }
        ready = ctx.socket(SocketType.PULL);
        ready.bind("inproc://ready");
        Socket feeder = ctx.socket(SocketType.PUSH);
        feeder.connect("inproc://ready");
        feeder.send(payload);
        idleSockets.add(feeder);
        poller.register(ready, Poller.IN);

        pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://cycle");
        push = ctx.socket(SocketType.PUSH);
        push.connect("inproc://cycle");
        poller.register(pull, Poller.IN);
        extra = ctx.socket(SocketType.PULL);
        if (poller.poll(Duration.ofSeconds(5)) != 1) {
            throw new IllegalStateException("the ready socket was not found");
        }
    }

    /**
     * Polls without waiting; the ready socket is found every time.
     *
     * @return the number of ready sockets (1)
     */
    @Benchmark
    public int pollReady() {
        return poller.poll(Duration.ZERO);
    }

    /**
     * Sends one message to a registered socket, polls until it is readable and receives it.
     *
     * @return the message
     */
    @Benchmark
    public byte[] sendPollRecv() {
        push.send(payload);
        poller.poll(Option.INFINITE);
        if (!poller.isReadable(pull)) {
            throw new IllegalStateException("the socket that got a message is not readable");
        }
        return pull.recv();
    }

    /**
     * Registers one more socket and unregisters it again.
     *
     * @return the poller's size while it was registered
     */
    @Benchmark
    public int registerUnregister() {
        poller.register(extra, Poller.IN);
        int size = poller.size();
        poller.unregister(extra);
        return size;
    }

    /** Closes the poller and the context. */
    @TearDown(Level.Trial)
    public void tearDown() {
        poller.close();
        ctx.close();
    }
}
