// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.Payloads.numbered;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * zenmq's SERVER, CLIENT, SCATTER and GATHER against libzmq 4.3.5 built with the draft API (the
 * node peer), in both directions, over tcp and ipc with either side binding.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DraftInteropTest {
    private static final int MANY = 5_000;
    private static final int MANY_SIZE = 16;
    private static final Duration MANY_PATIENCE = Duration.ofSeconds(20);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    final InteropExtension interop = InteropExtension.node();

    /** The transport and which side binds; the other connects to what the binder reports. */
    enum Wiring {
        TCP_ZENMQ_BINDS, TCP_LIBZMQ_BINDS, IPC_ZENMQ_BINDS, IPC_LIBZMQ_BINDS;

        void wire(Socket zenmq, LibzmqPeer libzmq) {
            String endpoint = name().startsWith("TCP") ? InteropExtension.ANY_TCP : "ipc://" + Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "zenmq-draft-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet() + ".ipc");
            if (name().endsWith("ZENMQ_BINDS")) {
                libzmq.connect(zenmq.bind(endpoint));
            } else {
                zenmq.connect(libzmq.bind(endpoint));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void zenmqServerShouldAnswerLibzmqClientsByRoutingId(Wiring wiring) {
        LibzmqPeer client = interop.peer().socket("CLIENT");
        Socket server = interop.socket(SocketType.SERVER);
        wiring.wire(server, client);

        client.send(utf8("request"));
        Msg request = server.recvMsg(PATIENCE);
        assertFrames("request", request, utf8("request"));
        assertThat(request.routingId()).isNotZero();
        server.send(Msg.of(utf8("reply")).routingId(request.routingId()));

        assertFrames("reply", client.recv(PATIENCE), utf8("reply"));
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void libzmqServerShouldAnswerZenmqClientByRoutingId(Wiring wiring) {
        LibzmqPeer server = interop.peer().socket("SERVER");
        Socket client = interop.socket(SocketType.CLIENT);
        wiring.wire(client, server);

        client.send(utf8("request"));
        LibzmqPeer.Received request = server.recvWithMetadata(PATIENCE);
        assertThat(request).as("request").isNotNull();
        assertFrames("request", request.frames(), utf8("request"));
        server.sendTo(request.routingId(), utf8("reply"));

        assertFrames("reply", client.recvMsg(PATIENCE), utf8("reply"));
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void libzmqServerShouldEchoManyMessagesToZenmqClient(Wiring wiring) {
        LibzmqPeer server = interop.peer().socket("SERVER");
        // The node peer sends with ZMQ_DONTWAIT and cannot wait for room: a libzmq SERVER always
        // reports POLLOUT, and a send to a pipe at its SNDHWM fails with EAGAIN, which ends the
        // echo. libzmq's writer learns of its I/O thread's reads only every 500 messages, so the
        // pipe looks full whenever that thread is 500 to 1000 messages behind the echo loop (as
        // on a loaded machine, even while the CLIENT reads every echo at once). With room for
        // every echo, what still pushes back is zenmq's side: the CLIENT's RCVHWM, then TCP.
        server.setsockopt("SNDHWM", MANY);
        Socket client = interop.socket(SocketType.CLIENT);
        wiring.wire(client, server);
        LibzmqPeer.Pending echoed = server.beginEcho(MANY, MANY_PATIENCE);

        Thread sender = new Thread(() -> {
            for (int i = 0; i < MANY; i++) {
                client.send(numbered(i, MANY_SIZE));
            }
        });
        sender.start();
        for (int i = 0; i < MANY; i++) {
            assertThat(client.recv(MANY_PATIENCE)).as("echo %d", i).isEqualTo(numbered(i, MANY_SIZE));
        }
        assertThat(echoed.ok()).isEqualTo(Integer.toString(MANY));
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void zenmqScatterShouldFeedLibzmqGather(Wiring wiring) {
        LibzmqPeer gather = interop.peer().socket("GATHER");
        Socket scatter = interop.socket(SocketType.SCATTER);
        wiring.wire(scatter, gather);
        LibzmqPeer.Pending received = gather.beginRecvn(MANY, MANY_PATIENCE);

        Digest.Accumulator sent = new Digest.Accumulator();
        for (int i = 0; i < MANY; i++) {
            byte[] body = numbered(i, MANY_SIZE);
            scatter.send(body);
            sent.add(body);
        }

        assertThat(Digest.parse(received.reply())).isEqualTo(sent.finish());
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void libzmqScatterShouldFeedZenmqGather(Wiring wiring) {
        LibzmqPeer scatter = interop.peer().socket("SCATTER");
        Socket gather = interop.socket(SocketType.GATHER);
        wiring.wire(gather, scatter);
        LibzmqPeer.Pending sent = scatter.beginSendn(MANY, MANY_SIZE, MANY_PATIENCE);

        for (int i = 0; i < MANY; i++) {
            assertThat(gather.recv(MANY_PATIENCE)).as("message %d", i).isEqualTo(numbered(i, MANY_SIZE));
        }
        assertThat(sent.ok()).isEqualTo(Integer.toString(MANY));
    }

    @ParameterizedTest
    @EnumSource(Wiring.class)
    void libzmqShouldRefuseToPairDraftTypesWithClassicOnes(Wiring wiring) {
        // SCATTER only talks to GATHER: a PULL is refused at the handshake, so nothing arrives
        LibzmqPeer pull = interop.peer().socket("PULL");
        Socket scatter = interop.socket(SocketType.SCATTER);
        wiring.wire(scatter, pull);
        // queued on a connecting zenmq (its pipe exists before the handshake), refused on a binding one
        scatter.trySend(utf8("lost"));
        assertThat(pull.recv(Duration.ofMillis(300))).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Wiring.class, names = {"TCP_ZENMQ_BINDS", "IPC_ZENMQ_BINDS"})
    void helloAndDisconnectMessagesShouldMatchLibzmqsOnAZenmqServer(Wiring wiring) {
        LibzmqPeer client = interop.peer().socket("CLIENT");
        client.setsockopt("HELLO_MSG", utf8("hello from libzmq"));
        Socket server = interop.socket(SocketType.SERVER)
                .set(SocketOptions.HELLO_MSG, utf8("hello from zenmq"))
                .set(SocketOptions.DISCONNECT_MSG, utf8("libzmq left"));
        wiring.wire(server, client);

        Msg hello = server.recvMsg(PATIENCE);
        assertFrames("libzmq's hello", hello, utf8("hello from libzmq"));
        assertFrames("zenmq's hello", client.recv(PATIENCE), utf8("hello from zenmq"));
        client.closeSocket();
        Msg gone = server.recvMsg(PATIENCE);
        assertFrames("disconnect message", gone, utf8("libzmq left"));
        assertThat(gone.routingId()).isEqualTo(hello.routingId());
    }

    @ParameterizedTest
    @EnumSource(value = Wiring.class, names = {"TCP_LIBZMQ_BINDS", "IPC_LIBZMQ_BINDS"})
    void helloAndDisconnectMessagesShouldMatchLibzmqsOnALibzmqServer(Wiring wiring) {
        LibzmqPeer server = interop.peer().socket("SERVER");
        server.setsockopt("HELLO_MSG", utf8("hello from libzmq"));
        server.setsockopt("DISCONNECT_MSG", utf8("zenmq left"));
        Socket client = interop.socket(SocketType.CLIENT).set(SocketOptions.HELLO_MSG, utf8("hello from zenmq"));
        wiring.wire(client, server);

        LibzmqPeer.Received hello = server.recvWithMetadata(PATIENCE);
        assertThat(hello).as("zenmq's hello").isNotNull();
        assertFrames("zenmq's hello", hello.frames(), utf8("hello from zenmq"));
        assertFrames("libzmq's hello", client.recvMsg(PATIENCE), utf8("hello from libzmq"));
        client.close();
        LibzmqPeer.Received gone = server.recvWithMetadata(PATIENCE);
        assertThat(gone).as("disconnect message").isNotNull();
        assertFrames("disconnect message", gone.frames(), utf8("zenmq left"));
        assertThat(gone.routingId()).isEqualTo(hello.routingId());
    }
}
