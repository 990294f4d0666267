// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/guide/poller.md}, kept compiling and working: the method
 * {@link #work} is copied into the guide as it stands.
 */
class PollerGuideTest extends ContextTest {

    // --- from docs/guide/poller.md: poll two sockets with a timeout
    /** Receives tasks until the control socket says STOP; reports idle seconds. */
    static List<String> work(Socket tasks, Socket control) {
        List<String> done = new ArrayList<>();
        try (Poller poller = new Poller()) {
            poller.register(tasks, Poller.IN);
            poller.register(control, Poller.IN);
            while (true) {
                if (poller.poll(Duration.ofSeconds(1)) == 0) {
                    done.add("(idle)");
                    continue;
                }
                if (poller.isReadable(tasks)) {
                    done.add(tasks.recvString());
                }
                if (poller.isReadable(control) && control.recvString().equals("STOP")) {
                    return done;
                }
            }
        }
    }
    // --- end of the example

    @Test
    void shouldRunTheGuidesExample() {
        Socket tasks = ctx.socket(SocketType.PULL);
        Socket control = ctx.socket(SocketType.PULL);
        Socket sender = ctx.socket(SocketType.PUSH);
        Socket boss = ctx.socket(SocketType.PUSH);
        sender.connect(tasks.bind("tcp://127.0.0.1:*"));
        control.connect(boss.bind("inproc://control"));
        sender.send("task 1");
        sender.send("task 2");
        boss.send("STOP");
        List<String> done = work(tasks, control);
        assertThat(done).doesNotContain("STOP");
        done.removeIf(s -> s.equals("(idle)"));
        while (done.size() < 2) {
            done.add(tasks.recvString());
        }
        assertThat(done).containsExactly("task 1", "task 2");
    }
}
