// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import java.util.function.Consumer;

/**
 * How every example's {@code main} runs: on a fresh context that Ctrl-C (the JVM's shutdown)
 * closes, which makes the example's blocked call throw {@link ErrorCode#ETERM}: the normal end of a
 * server that runs until stopped.
 */
final class Run {
    private Run() {
    }

    static void withContext(Consumer<Context> body) {
        Context ctx = Context.create();
        Runtime.getRuntime().addShutdownHook(new Thread(ctx::close, "zenmq-example-shutdown"));
        try {
            body.accept(ctx);
        } catch (ZmqException e) {
            if (!stopped(e)) {
                throw e;
            }
        } finally {
            ctx.close();
        }
    }

    /** Tells whether the exception only says that the context was closed under a blocked call. */
    static boolean stopped(ZmqException e) {
        return e.code() == ErrorCode.ETERM;
    }
}
