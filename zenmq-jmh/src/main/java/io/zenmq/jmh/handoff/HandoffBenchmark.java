// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.handoff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * A ping-pong between the JMH thread and an echo thread over one wake-up primitive; one operation
 * is one round trip, so half of it is one hand-off (a wake-up and whatever carries the 16 bytes).
 * A zenmq round trip over tcp is six hand-offs: the application thread wakes its I/O thread
 * ({@code selector}), the I/O threads wake each other through the kernel ({@code tcp-selector}), an
 * I/O thread wakes the application thread ({@code park}), and back.
 *
 * <ul>
 *   <li>{@code park}: {@link LockSupport#park}/{@code unpark} on a volatile counter (a socket
 *       thread waiting for its mailbox).
 *   <li>{@code selector}: each thread blocked in {@link Selector#select()}, woken with
 *       {@link Selector#wakeup()} (an application thread waking an I/O thread).
 *   <li>{@code tcp-selector}: 16 bytes over a loopback tcp connection, each end non-blocking and
 *       waiting in its own selector (two I/O threads).
 *   <li>{@code tcp-blocking}: the same with blocking reads and writes (the "raw Java loopback
 *       ping-pong" baseline, no I/O thread).
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandoffBenchmark {
    private static final int SIZE = 16;

    /** The wake-up primitive. */
    @Param({"park", "selector", "tcp-selector", "tcp-blocking"})
    public String primitive;

    private PingPong pingPong;
    private Thread echo;

    /** Opens the primitive and starts the echo thread. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        switch (primitive) {
            case "park":
                pingPong = new ParkPingPong();
                break;
            case "selector":
                pingPong = new SelectorPingPong();
                break;
            case "tcp-selector":
                pingPong = new TcpPingPong(false);
                break;
            case "tcp-blocking":
                pingPong = new TcpPingPong(true);
                break;
            default:
                throw new IllegalArgumentException("unknown primitive " + primitive);
        }
        echo = new Thread(pingPong::echoLoop, "handoff-echo");
        echo.setDaemon(true);
        echo.start();
        pingPong.start(echo);
    }

    /** One round trip. */
    @Benchmark
    public void roundTrip() throws IOException {
        pingPong.roundTrip();
    }

    /** Stops the echo thread. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException, InterruptedException {
        pingPong.stop();
        echo.join(TimeUnit.SECONDS.toMillis(10));
        pingPong.close();
    }

    /** One primitive: the timed side's round trip and the echo thread's loop. */
    private abstract static class PingPong {
        volatile boolean running = true;

        void start(Thread echoThread) throws IOException {
        }

        abstract void roundTrip() throws IOException;

        abstract void echoLoop();

        /** Makes the echo thread leave its loop. */
        abstract void stop() throws IOException;

        /** Closes what is left, once the echo thread is gone. */
        void close() throws IOException {
        }
    }

    /** Counters in volatile fields; a thread parks until the other's counter moves. */
    private static final class ParkPingPong extends PingPong {
        private volatile Thread pinger;
        private volatile Thread echoThread;
        private volatile long ping;
        private volatile long pong;

        @Override
        void start(Thread echo) {
            this.echoThread = echo;
        }

        @Override
        void roundTrip() {
            Thread self = Thread.currentThread();
            if (pinger != self) {
                pinger = self;
            }
            long next = ping + 1;
            ping = next;
            LockSupport.unpark(echoThread);
            while (pong != next) {
                LockSupport.park(this);
            }
        }

        @Override
        void echoLoop() {
            long seen = 0;
            while (running) {
                long now = ping;
                if (now == seen) {
                    LockSupport.park(this);
                    continue;
                }
                seen = now;
                pong = now;
                LockSupport.unpark(pinger);
            }
        }

        @Override
        void stop() {
            running = false;
            LockSupport.unpark(echoThread);
        }
    }

    /** Counters in volatile fields; a thread waits in its selector until the other wakes it. */
    private static final class SelectorPingPong extends PingPong {
        private final Selector pingSelector;
        private final Selector echoSelector;
        private volatile long ping;
        private volatile long pong;

        SelectorPingPong() throws IOException {
            pingSelector = Selector.open();
            echoSelector = Selector.open();
        }

        @Override
        void roundTrip() throws IOException {
            long next = ping + 1;
            ping = next;
            echoSelector.wakeup();
            while (pong != next) {
                pingSelector.select();
            }
        }

        @Override
        void echoLoop() {
            long seen = 0;
            try {
                while (running) {
                    long now = ping;
                    if (now == seen) {
                        echoSelector.select();
                        continue;
                    }
                    seen = now;
                    pong = now;
                    pingSelector.wakeup();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void stop() {
            running = false;
            echoSelector.wakeup();
        }

        @Override
        void close() throws IOException {
            pingSelector.close();
            echoSelector.close();
        }
    }

    /** 16 bytes each way over loopback tcp, blocking or through a selector per end. */
    private static final class TcpPingPong extends PingPong {
        private final boolean blocking;
        private final SocketChannel pingEnd;
        private final SocketChannel echoEnd;
        private final ByteBuffer pingBuffer = ByteBuffer.allocateDirect(SIZE);
        private final ByteBuffer echoBuffer = ByteBuffer.allocateDirect(SIZE);
        private final Selector pingSelector;
        private final Selector echoSelector;

        TcpPingPong(boolean blocking) throws IOException {
            this.blocking = blocking;
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                pingEnd = SocketChannel.open(server.getLocalAddress());
                echoEnd = server.accept();
            }
            for (SocketChannel channel : new SocketChannel[] {pingEnd, echoEnd}) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(blocking);
            }
            pingSelector = blocking ? null : Selector.open();
            echoSelector = blocking ? null : Selector.open();
            if (!blocking) {
                pingEnd.register(pingSelector, SelectionKey.OP_READ);
                echoEnd.register(echoSelector, SelectionKey.OP_READ);
            }
        }

        @Override
        void roundTrip() throws IOException {
            pingBuffer.clear();
            while (pingBuffer.hasRemaining()) {
                pingEnd.write(pingBuffer);
            }
            pingBuffer.clear();
            readFully(pingEnd, pingBuffer, pingSelector);
        }

        @Override
        void echoLoop() {
            try {
                while (running) {
                    echoBuffer.clear();
                    if (!readFully(echoEnd, echoBuffer, echoSelector)) {
                        return;
                    }
                    echoBuffer.flip();
                    while (echoBuffer.hasRemaining()) {
                        echoEnd.write(echoBuffer);
                    }
                }
            } catch (IOException e) {
                if (running) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** Reads until the buffer is full; false at end of stream or once stopped. */
        private boolean readFully(SocketChannel channel, ByteBuffer buffer, Selector selector)
                throws IOException {
            while (buffer.hasRemaining()) {
                if (!running) {
                    return false;
                }
                if (selector != null) {
                    selector.select();
                    selector.selectedKeys().clear();
                }
                if (channel.read(buffer) < 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void stop() throws IOException {
            running = false;
            if (echoSelector != null) {
                echoSelector.wakeup();
            } else {
                // a blocked read ends with AsynchronousCloseException
                echoEnd.close();
            }
        }

        @Override
        void close() throws IOException {
            pingEnd.close();
            echoEnd.close();
            if (!blocking) {
                pingSelector.close();
                echoSelector.close();
            }
        }
    }
}
