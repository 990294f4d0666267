// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing one handler, task or timer throws ends the I/O thread: not even an OutOfMemoryError. The
 * failed handler is told (and closes its own connection); every other one goes on.
 */
class IoThreadSurvivalTest {
    private final Resolver resolver = new Resolver("test-resolver");
    private final IoThread io = new IoThread("test-io", resolver);

    @AfterEach
    void stop() throws InterruptedException {
        io.stop(System.nanoTime());
        assertThat(io.join(10_000)).isTrue();
        resolver.close(10_000);
    }

    private void assertStillRuns() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        io.post(ran::countDown);
        assertThat(ran.await(10, TimeUnit.SECONDS)).as("a task posted after the failure ran").isTrue();
    }

    @Test
    void shouldSurviveATaskThatRunsOutOfMemory() throws InterruptedException {
        io.post(() -> {
            throw new OutOfMemoryError("test");
        });
        assertStillRuns();
    }

    @Test
    void shouldSurviveATimerThatThrowsAnError() throws InterruptedException {
        io.post(() -> io.schedule(0, () -> {
            throw new StackOverflowError("test");
        }));
        assertStillRuns();
    }

    @Test
    void shouldTellAHandlerThatRanOutOfMemoryAndKeepServingTheOthers() throws Exception {
        Pipe bad = Pipe.open();
        Pipe good = Pipe.open();
        AtomicReference<Throwable> told = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        CountDownLatch goodRead = new CountDownLatch(1);
        io.post(() -> {
            try {
                bad.source().configureBlocking(false);
                io.register(bad.source(), SelectionKey.OP_READ, new IoHandler() {
                    private SelectionKey own;

                    @Override
                    public void ready(SelectionKey key) {
                        own = key;
                        throw new OutOfMemoryError("decoding one peer's frame");
                    }

                    @Override
                    public void failed(Throwable error) {
                        told.set(error);
                        own.cancel();
                        failed.countDown();
                    }
                });
                good.source().configureBlocking(false);
                io.register(good.source(), SelectionKey.OP_READ, new IoHandler() {
                    @Override
                    public void ready(SelectionKey key) {
                        try {
                            good.source().read(ByteBuffer.allocate(16));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        goodRead.countDown();
                    }

                    @Override
                    public void failed(Throwable error) {
                        throw new AssertionError("the good handler failed", error);
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        bad.sink().write(ByteBuffer.wrap(new byte[] {1}));
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(told.get()).isInstanceOf(OutOfMemoryError.class);

        good.sink().write(ByteBuffer.wrap(new byte[] {2}));
        assertThat(goodRead.await(10, TimeUnit.SECONDS)).isTrue();
        assertStillRuns();
        for (Pipe p : new Pipe[] {bad, good}) {
            p.sink().close();
            p.source().close();
        }
    }
}
