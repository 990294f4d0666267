// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.ZmqException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One example program running on a thread of its own with a context of its own, as if it were a
 * separate process: {@link #kill()} closes that context (what Ctrl-C does to the real program),
 * which ends the program with ETERM, and waits for the thread. A failure of the program other
 * than that ETERM is rethrown by {@link #result()} and {@link #kill()}.
 *
 * @param <T> what the program returns
 */
final class Background<T> implements AutoCloseable {
    private static final Duration JOIN = Duration.ofSeconds(60);
    /** The program's own context, or null when it shares its caller's ({@link #onThread}). */
    private final Context ctx;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;

    private Background(String name, Context own, Function<Context, T> program) {
        ctx = own;
        thread = new Thread(() -> {
            try {
                result.complete(program.apply(own));
            } catch (ZmqException e) {
                if (Run.stopped(e)) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(e);
                }
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    static <T> Background<T> start(String name, Function<Context, T> program) {
        return new Background<>(name, Context.create(), program);
    }

    static Background<Void> run(String name, Consumer<Context> program) {
        return start(name, ctx -> {
            program.accept(ctx);
            return null;
        });
    }

    /**
     * Runs a program on a thread of its own with the caller's context (for inproc, which only
     * works within one context); it ends when that context is closed.
     */
    static <T> Background<T> onThread(String name, Supplier<T> program) {
        return new Background<>(name, null, ignored -> program.get());
    }

    static Background<Void> onThread(String name, Runnable program) {
        return onThread(name, () -> {
            program.run();
            return null;
        });
    }

    /** Waits for the program to end by itself and returns its result. */
    T result() {
        try {
            return result.get(JOIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("the example failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the example did not end within " + JOIN, e);
        }
    }

    boolean isDone() {
        return result.isDone();
    }

    /** Closes the program's context, as killing its process would, and waits for it to end. */
    void kill() {
        if (ctx == null) {
            throw new IllegalStateException("a program on a shared context ends with that context");
        }
        ctx.close();
        result();
        try {
            thread.join(JOIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(thread.isAlive()).as("%s ended", thread.getName()).isFalse();
    }

    @Override
    public void close() {
        kill();
    }
}
