// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.pipe;

import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * One-frame messages through a pipe between two threads: a writer thread does what
 * {@code send} does per message (check the HWM, write, flush) and a reader thread takes them.
 * Group {@code queue} uses a bare {@link FrameQueue}; group {@code pipe} goes through a
 * {@link Pipe} pair, as sockets do. The score of the {@code read} method is messages per second.
 *
 * <p>Both threads spin when they must wait (a full queue, an empty queue) instead of parking, so
 * this is the cost of the queue and its sleep-flag protocol alone; the wakers are no-ops. A waiting
 * thread yields its core after {@link #SPINS_BEFORE_YIELD} spins: with two threads on a two-core
 * machine that others use too, pure spinning mostly measures the scheduler. The frame is one shared
 * array: pipes pass references, so allocation is not part of this benchmark.
 */
@State(Scope.Group)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PipeBenchmark {
    /** Busy-wait rounds before a waiting thread yields. */
    static final int SPINS_BEFORE_YIELD = 64;

    /** The high-water mark in messages; 1000 is libzmq's default SNDHWM and RCVHWM. */
    @Param({"1000"})
    public long hwm;

    /** Frame size in bytes; only the reference moves, so this changes little. */
    @Param({"16"})
    public int size;

    private byte[] frame;
    private FrameQueue queue;
    private Pipe writerEnd;
    private Pipe readerEnd;

    /** Listeners that ignore wake-ups: both benchmark threads spin instead of sleeping. */
    private static final class Spinning implements PipeListener {
        @Override
        public void pipeReadable(Pipe pipe) {
            // the reader spins on read(); nothing to wake
        }

        @Override
        public void pipeWritable(Pipe pipe) {
            // the writer spins on checkWritable(); nothing to wake
        }
    }

    /** Creates the queue and the pipe pair. */
    @Setup
    public void setUp() {
        frame = new byte[size];
        queue = new FrameQueue(hwm);
        Pipe[] ends = Pipe.pair(new Spinning(), hwm, new Spinning(), hwm);
        writerEnd = ends[0];
        readerEnd = ends[1];
    }

    /**
     * Writes and publishes one message to the queue, spinning while it is full.
     *
     * @param control tells when the iteration is over, so a spinning writer can give up
     * @return whether the message was written
     */
    @Benchmark
    @Group("queue")
    @GroupThreads(1)
    public boolean queueWrite(Control control) {
        FrameQueue q = queue;
        int spins = 0;
        while (!q.checkWritable()) {
            if (control.stopMeasurement) {
                return false;
            }
            spins = pause(spins);
        }
        q.write(frame, false);
        q.flush();
        return true;
    }

    /**
     * Reads one message from the queue, spinning while it is empty.
     *
     * @param control tells when the iteration is over
     * @return the frame, or null if the iteration ended first
     */
    @Benchmark
    @Group("queue")
    @GroupThreads(1)
    public byte[] queueRead(Control control) {
        FrameQueue q = queue;
        int spins = 0;
        byte[] f;
        while ((f = q.read()) == null) {
            if (control.stopMeasurement) {
                return null;
            }
            spins = pause(spins);
        }
        return f;
    }

    /**
     * Writes and publishes one message through a pipe end, spinning while it is full.
     *
     * @param control tells when the iteration is over
     * @return whether the message was written
     */
    @Benchmark
    @Group("pipe")
    @GroupThreads(1)
    public boolean pipeWrite(Control control) {
        Pipe p = writerEnd;
        int spins = 0;
        while (!p.checkWritable()) {
            if (control.stopMeasurement) {
                return false;
            }
            spins = pause(spins);
        }
        p.write(frame, false);
        p.flush();
        return true;
    }

    /**
     * Reads one message from the other pipe end, spinning while it is empty.
     *
     * @param control tells when the iteration is over
     * @return the frame, or null if the iteration ended first
     */
    @Benchmark
    @Group("pipe")
    @GroupThreads(1)
    public byte[] pipeRead(Control control) {
        Pipe p = readerEnd;
        int spins = 0;
        byte[] f;
        while ((f = p.read()) == null) {
            if (control.stopMeasurement) {
                return null;
            }
            spins = pause(spins);
        }
        return f;
    }

    /** Spins, or yields once it has spun long enough; returns the new spin count. */
    private static int pause(int spins) {
        if (spins < SPINS_BEFORE_YIELD) {
            Thread.onSpinWait();
            return spins + 1;
        }
        Thread.yield();
        return 0;
    }
}
