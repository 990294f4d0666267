// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** STREAM against plain JDK TCP peers: raw bytes, routing ids, notifications, closing. */
class StreamTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int SO_TIMEOUT_MS = 10_000;



    private Socket stream() {
        Socket socket = ctx.socket(SocketType.STREAM);
        socket.set(SocketOptions.LINGER, Duration.ZERO);
        return socket;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Receives the [id][""] notice of a connection and returns its id. */
    private static byte[] awaitNotice(Socket stream) {
        Msg notice = stream.recvMsg(WAIT);
        assertThat(notice).as("notice").isNotNull();
        assertThat(notice.size()).isEqualTo(2);
        assertThat(notice.frame(1)).as("notice data").isEmpty();
        return notice.frame(0);
    }

    /** Receives chunks from one connection until {@code length} bytes arrived. */
    private static byte[] recvBytes(Socket stream, byte[] id, int length) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < length) {
            Msg chunk = stream.recvMsg(WAIT);
            assertThat(chunk).as("chunk after %d of %d bytes", data.size(), length).isNotNull();
            assertThat(chunk.size()).isEqualTo(2);
            assertThat(chunk.frame(0)).isEqualTo(id);
            assertThat(chunk.frame(1)).as("chunk after %d bytes", data.size()).isNotEmpty();
            data.writeBytes(chunk.frame(1));
        }
        return data.toByteArray();
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] data = in.readNBytes(length);
        assertThat(data).hasSize(length);
        return data;
    }

    private static ServerSocket jdkServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        server.setSoTimeout(SO_TIMEOUT_MS);
        return server;
    }

    /** A JDK server that accepts one connection and echoes each line back in upper case. */
    private static CompletableFuture<Void> upperCaseEchoServer(ServerSocket server) {
        return CompletableFuture.runAsync(() -> {
            try (java.net.Socket peer = server.accept()) {
                peer.setSoTimeout(SO_TIMEOUT_MS);
                java.io.BufferedReader in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = peer.getOutputStream();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(bytes(line.toUpperCase(java.util.Locale.ROOT) + "\n"));
                    out.flush();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void shouldTalkToPlainTcpServer() throws Exception {
        try (ServerSocket server = jdkServer()) {
            CompletableFuture<Void> echo = upperCaseEchoServer(server);
            Socket stream = stream();
            stream.connect("tcp://127.0.0.1:" + server.getLocalPort());
            byte[] id = awaitNotice(stream);
            assertThat(id).hasSize(5);
            assertThat(id[0]).isZero();

            stream.send(Msg.of(id, bytes("hello\nworld\n")));
            assertThat(new String(recvBytes(stream, id, 12), StandardCharsets.UTF_8)).isEqualTo("HELLO\nWORLD\n");

            // closing our side ends the server's loop; it then closes its side
            stream.send(Msg.of(id, new byte[0]));
            echo.get(SO_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThatThrownBy(() -> stream.send(Msg.of(id, bytes("late"))))
                    .isInstanceOfSatisfying(ZmqException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH));
        }
    }

    @Test
    void shouldAnnounceServerClosingAndReconnectWithSameId() throws Exception {
        try (ServerSocket server = jdkServer()) {
            Socket stream = stream();
            stream.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(10));
            stream.connect("tcp://127.0.0.1:" + server.getLocalPort());
            server.accept().close();
            byte[] id = awaitNotice(stream);
            assertThat(awaitNotice(stream)).as("disconnect notice").isEqualTo(id);
            try (java.net.Socket again = server.accept()) {
                assertThat(awaitNotice(stream)).as("reconnect notice").isEqualTo(id);
                stream.send(Msg.of(id, bytes("still here")));
                again.setSoTimeout(SO_TIMEOUT_MS);
                assertThat(readFully(again.getInputStream(), 10)).isEqualTo(bytes("still here"));
            }
        }
    }

    @Test
    void shouldServeJdkClientWithConnectAndDisconnectNotices() throws Exception {
        Socket stream = stream();
        String endpoint = stream.bind("tcp://127.0.0.1:*");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        byte[] id;
        try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(SO_TIMEOUT_MS);
            id = awaitNotice(stream);
            client.getOutputStream().write(bytes("ping"));
            assertThat(recvBytes(stream, id, 4)).isEqualTo(bytes("ping"));

            stream.sendMore(id);
            stream.send(bytes("pong"));
            assertThat(readFully(client.getInputStream(), 4)).isEqualTo(bytes("pong"));
        }
        Msg gone = stream.recvMsg(WAIT);
        assertThat(gone.frame(0)).isEqualTo(id);
        assertThat(gone.frame(1)).isEmpty();
        assertThat(stream.hasMore()).isFalse();
    }

    @Test
    void shouldGiveEachConnectionItsOwnIncrementingId() throws Exception {
        Socket stream = stream();
        String endpoint = stream.bind("tcp://127.0.0.1:*");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (java.net.Socket first = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(first.isConnected()).isTrue();
            byte[] firstId = awaitNotice(stream);
            try (java.net.Socket second = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                second.setSoTimeout(SO_TIMEOUT_MS);
                byte[] secondId = awaitNotice(stream);
                int a = java.nio.ByteBuffer.wrap(firstId, 1, 4).getInt();
                int b = java.nio.ByteBuffer.wrap(secondId, 1, 4).getInt();
                assertThat(b).isEqualTo(a + 1);

                stream.send(Msg.of(secondId, bytes("to second")));
                assertThat(readFully(second.getInputStream(), 9)).isEqualTo(bytes("to second"));
            }
        }
    }

    @Test
    void shouldRefuseUnknownRoutingId() {
        Socket stream = stream();
        stream.bind("tcp://127.0.0.1:*");
        byte[] unknown = {0, 1, 2, 3, 4};
        assertThatThrownBy(() -> stream.sendMore(unknown))
                .isInstanceOfSatisfying(ZmqException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH));
        assertThatThrownBy(() -> stream.send(Msg.of(unknown, bytes("data"))))
                .isInstanceOfSatisfying(ZmqException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH));
    }

    @Test
    void shouldCloseConnectionAfterQueuedDataOnEmptyFrame() throws Exception {
        Socket stream = stream();
        String endpoint = stream.bind("tcp://127.0.0.1:*");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(SO_TIMEOUT_MS);
            byte[] id = awaitNotice(stream);
            stream.send(Msg.of(id, bytes("bye")));
            stream.send(Msg.of(id, new byte[0]));
            InputStream in = client.getInputStream();
            assertThat(readFully(in, 3)).isEqualTo(bytes("bye"));
            assertThat(in.read()).as("end of stream").isEqualTo(-1);
            assertThatThrownBy(() -> stream.send(Msg.of(id, bytes("again"))))
                    .isInstanceOfSatisfying(ZmqException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH));
        }
        // a connection closed by the socket is not announced as gone
        assertThat(stream.recv(Duration.ofMillis(200))).isNull();
    }

    @Test
    void shouldStaySilentAboutConnectionsWithoutStreamNotify() throws Exception {
        Socket stream = stream();
        stream.set(SocketOptions.STREAM_NOTIFY, false);
        String endpoint = stream.bind("tcp://127.0.0.1:*");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write(bytes("x"));
            Msg first = stream.recvMsg(WAIT);
            assertThat(first.frame(1)).isEqualTo(bytes("x"));
        }
        assertThat(stream.recv(Duration.ofMillis(200))).isNull();
    }

    @Test
    void shouldUseConnectRoutingIdForConnectedPeer() throws Exception {
        try (ServerSocket server = jdkServer()) {
            CompletableFuture<Void> echo = upperCaseEchoServer(server);
            Socket stream = stream();
            stream.set(SocketOptions.CONNECT_ROUTING_ID, bytes("server"));
            stream.connect("tcp://127.0.0.1:" + server.getLocalPort());
            assertThat(awaitNotice(stream)).isEqualTo(bytes("server"));
            stream.send(Msg.of(bytes("server"), bytes("abc\n")));
            assertThat(recvBytes(stream, bytes("server"), 4)).isEqualTo(bytes("ABC\n"));
            stream.send(Msg.of(bytes("server"), new byte[0]));
            echo.get(SO_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void shouldCarryMegabytesBothWaysInOrderWithSmallQueues() throws Exception {
        Socket stream = stream();
        stream.set(SocketOptions.RCVHWM, 2).set(SocketOptions.SNDHWM, 2);
        String endpoint = stream.bind("tcp://127.0.0.1:*");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        byte[] payload = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(payload);
        try (java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(SO_TIMEOUT_MS);
            byte[] id = awaitNotice(stream);
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                try {
                    client.getOutputStream().write(payload);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(Arrays.equals(recvBytes(stream, id, payload.length), payload)).as("upload intact").isTrue();
            upload.get(SO_TIMEOUT_MS, TimeUnit.MILLISECONDS);

            CompletableFuture<byte[]> download = CompletableFuture.supplyAsync(() -> {
                try {
                    return readFully(client.getInputStream(), payload.length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            for (int offset = 0; offset < payload.length; offset += 100_000) {
                int end = Math.min(payload.length, offset + 100_000);
                stream.send(Msg.of(id, Arrays.copyOfRange(payload, offset, end)));
            }
            assertThat(Arrays.equals(download.get(SO_TIMEOUT_MS, TimeUnit.MILLISECONDS), payload))
                    .as("download intact").isTrue();
        }
    }

    @Test
    void shouldConnectTwoStreamSockets() {
        Socket server = stream();
        Socket client = stream();
        client.connect(server.bind("tcp://127.0.0.1:*"));
        byte[] serverSideId = awaitNotice(server);
        byte[] clientSideId = awaitNotice(client);
        client.send(Msg.of(clientSideId, bytes("GET /")));
        assertThat(recvBytes(server, serverSideId, 5)).isEqualTo(bytes("GET /"));
        server.send(Msg.of(serverSideId, bytes("200")));
        assertThat(recvBytes(client, clientSideId, 3)).isEqualTo(bytes("200"));
    }
}
