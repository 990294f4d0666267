// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import io.zenmq.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the behaviour tests: a fresh {@link Context} per test in {@link #ctx}, closed after it,
 * then a check that the test left no zenmq thread or file descriptor behind. A subclass's own
 * {@code @BeforeEach} runs after this one's, its {@code @AfterEach} before this one's.
 */
public abstract class ContextTest {
    /** The test's context. */
    protected Context ctx;
    private int fds;

    @BeforeEach
    final void openContext() {
        fds = Leaks.openFds();
        ctx = Context.create();
    }

    @AfterEach
    final void closeContextAndCheckLeaks() {
        ctx.close();
        Leaks.assertNone(fds);
    }
}
