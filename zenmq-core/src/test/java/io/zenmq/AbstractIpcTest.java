// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Leaks;
import io.zenmq.testing.Transport;
import io.zenmq.testing.WithoutJunixsocket;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What is particular to {@code ipc://@name} (the Linux abstract namespace); the patterns run over
 * it in every test parameterized by {@link Transport}.
 */
class AbstractIpcTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);



    private static ErrorCode codeOf(Runnable call) {
        try {
            call.run();
        } catch (ZmqException e) {
            return e.code();
        }
        throw new AssertionError("no ZmqException");
    }

    /** Waits for the socket's listeners to be closed by its I/O thread (the name is free then). */
    private static void awaitClosed(SocketMonitor monitor) {
        SocketEvent event = monitor.next(WAIT);
        assertThat(event).as("CLOSED event").isNotNull();
        assertThat(event.type()).isEqualTo(EventType.CLOSED);
    }

    @Test
    void shouldReportTheNameAsLastEndpointAndCreateNoFile() {
        String endpoint = Transport.IPC_ABSTRACT.bindable();
        String name = endpoint.substring("ipc://".length());
        Socket pull = ctx.socket(SocketType.PULL);

        assertThat(pull.bind(endpoint)).isEqualTo(endpoint);
        assertThat(pull.get(SocketOptions.LAST_ENDPOINT)).isEqualTo(endpoint);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send("through the abstract namespace");
        assertThat(pull.recvString(WAIT)).isEqualTo("through the abstract namespace");

        // libzmq turns the '@' into a NUL byte: nothing appears in the file system
        assertThat(Files.exists(Path.of(name))).isFalse();
        pull.close();
        assertThat(Files.exists(Path.of(name))).isFalse();
    }

    @Test
    void shouldRefuseANameInUseInThisOrAnotherContext() {
        String endpoint = Transport.IPC_ABSTRACT.bindable();
        ctx.socket(SocketType.PULL).bind(endpoint);

        assertThat(codeOf(() -> ctx.socket(SocketType.PULL).bind(endpoint))).isEqualTo(ErrorCode.EADDRINUSE);
        try (Context other = Context.create()) {
            assertThat(codeOf(() -> other.socket(SocketType.PULL).bind(endpoint))).isEqualTo(ErrorCode.EADDRINUSE);
        }
    }

    @Test
    void shouldLimitTheNameAsLibzmqDoes() {
        // libzmq counts the '@' too: "@" + 106 bytes fills sun_path (108) with the terminator
        String fresh = Transport.IPC_ABSTRACT.bindable();
        String longest = fresh + "x".repeat(107 - (fresh.length() - "ipc://".length()));
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(longest);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(longest);
        push.send("longest name");
        assertThat(pull.recvString(WAIT)).isEqualTo("longest name");

        String tooLong = longest + "x";
        assertThat(codeOf(() -> ctx.socket(SocketType.PULL).bind(tooLong))).isEqualTo(ErrorCode.ENAMETOOLONG);
        assertThat(codeOf(() -> ctx.socket(SocketType.PUSH).connect(tooLong))).isEqualTo(ErrorCode.ENAMETOOLONG);
        assertThat(codeOf(() -> ctx.socket(SocketType.PULL).bind("ipc://@"))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> ctx.socket(SocketType.PUSH).connect("ipc://@"))).isEqualTo(ErrorCode.EINVAL);
    }

    @Test
    void shouldFreeTheNameOnUnbindAndOnClose() {
        String endpoint = Transport.IPC_ABSTRACT.bindable();
        Socket first = ctx.socket(SocketType.PULL);
        SocketMonitor firstEvents = first.monitor(EnumSet.of(EventType.CLOSED));
        first.bind(endpoint);
        first.unbind(endpoint);
        awaitClosed(firstEvents);
        assertThatThrownBy(() -> first.unbind(endpoint)).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOENT));

        Socket second = ctx.socket(SocketType.PULL);
        SocketMonitor secondEvents = second.monitor(EnumSet.of(EventType.CLOSED));
        second.bind(endpoint);
        second.close();
        awaitClosed(secondEvents);

        Socket third = ctx.socket(SocketType.PULL);
        third.bind(endpoint);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send("to the third");
        assertThat(third.recvString(WAIT)).isEqualTo("to the third");
    }

    @Test
    void shouldReconnectWhenTheNameIsBoundAgain() {
        String endpoint = Transport.IPC_ABSTRACT.bindable();
        Socket first = ctx.socket(SocketType.PULL);
        SocketMonitor firstEvents = first.monitor(EnumSet.of(EventType.CLOSED));
        first.bind(endpoint);
        Socket push = ctx.socket(SocketType.PUSH);
        SocketMonitor pushEvents = push.monitor(EnumSet.of(EventType.DISCONNECTED));
        push.connect(endpoint);
        push.send("before");
        assertThat(first.recvString(WAIT)).isEqualTo("before");

        first.close();
        awaitClosed(firstEvents);
        // the connecting side must see the hang-up, or what it sends next goes to a dead socket
        SocketEvent gone = pushEvents.next(WAIT);
        assertThat(gone).isNotNull();
        assertThat(gone.type()).isEqualTo(EventType.DISCONNECTED);
        push.send("while away");

        Socket second = ctx.socket(SocketType.PULL);
        second.bind(endpoint);
        assertThat(second.recvString(WAIT)).isEqualTo("while away");
    }

    @Test
    void shouldServeOneSocketOverTcpAndAnAbstractNameTogether() {
        Socket pull = ctx.socket(SocketType.PULL);
        String tcp = pull.bind("tcp://127.0.0.1:*");
        String abstractName = pull.bind(Transport.IPC_ABSTRACT.bindable());
        Socket overTcp = ctx.socket(SocketType.PUSH);
        overTcp.connect(tcp);
        Socket overIpc = ctx.socket(SocketType.PUSH);
        overIpc.connect(abstractName);

        for (int i = 0; i < 100; i++) {
            overTcp.send("tcp " + i);
            overIpc.send("ipc " + i);
        }
        int tcpSeen = 0;
        int ipcSeen = 0;
        for (int i = 0; i < 200; i++) {
            String message = pull.recvString(WAIT);
            assertThat(message).isNotNull();
            if (message.startsWith("tcp ")) {
                assertThat(message).isEqualTo("tcp " + tcpSeen++);
            } else {
                assertThat(message).isEqualTo("ipc " + ipcSeen++);
            }
        }
    }

    @Test
    void shouldStartItsIoThreadOnFirstUseOnly() {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind("tcp://127.0.0.1:*");
        pull.bind(Transport.IPC.bindable());
        assertThat(Leaks.zenmqThreads()).noneMatch(name -> name.endsWith("-abstract-ipc"));

        pull.bind(Transport.IPC_ABSTRACT.bindable());
        pull.bind(Transport.IPC_ABSTRACT.bindable());
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(Transport.IPC_ABSTRACT.bindable());

        assertThat(Leaks.zenmqThreads()).filteredOn(name -> name.endsWith("-abstract-ipc")).hasSize(1);
        // joined by Context.close(), which the leak check after each test verifies
    }

    @Test
    void shouldRefuseAbstractNamesWithoutJunixsocketAndServeTheRest() throws IOException, InterruptedException {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("junixsocket"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", classPath, WithoutJunixsocket.class.getName(),
                Transport.IPC_ABSTRACT.bindable(), Transport.IPC.bindable())
                .redirectErrorStream(true).start();
        child.getOutputStream().close();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
        List<String> lines = List.of(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .split("\\R"));

        assertThat(child.exitValue()).as("exit status; output %s", lines).isZero();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("EPROTONOSUPPORT ").contains("junixsocket");
        assertThat(lines.get(1)).startsWith("over tcp://");
        assertThat(lines.get(2)).startsWith("over ipc://");
    }
}
