// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.InteropExtension.ANY_TCP;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * zenmq STREAM with libzmq STREAM over TCP, each side binding once: raw bytes both ways, the
 * connect notices, and a connection closed by an empty frame announced to the other side (and a
 * connect()ed zenmq STREAM reconnecting then, as libzmq's does).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamInteropTest {
    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @Test
    void shouldExchangeBytesWithLibzmqStreamServer() {
        LibzmqPeer libzmq = interop.peer().socket("STREAM");
        Socket zenmq = interop.socket(SocketType.STREAM);
        zenmq.connect(libzmq.bind(ANY_TCP));

        byte[] zenmqSideId = zenmqNotice(zenmq);
        byte[] libzmqSideId = libzmqNotice(libzmq);

        zenmq.send(Msg.of(zenmqSideId, utf8("hello from zenmq")));
        assertThat(libzmqBytes(libzmq, libzmqSideId, 16)).isEqualTo(utf8("hello from zenmq"));
        libzmq.send(libzmqSideId, utf8("hello from libzmq"));
        assertThat(zenmqBytes(zenmq, zenmqSideId, 17)).isEqualTo(utf8("hello from libzmq"));

        // libzmq closes the connection: zenmq hears of it and reconnects, keeping its id. libzmq
        // finishes closing only while its socket processes commands: here, waiting for that
        libzmq.send(libzmqSideId, new byte[0]);
        assertThat(libzmqNotice(libzmq)).as("libzmq's id for the new connection").isNotEqualTo(libzmqSideId);
        assertThat(zenmqNotice(zenmq)).as("disconnect notice").isEqualTo(zenmqSideId);
        assertThat(zenmqNotice(zenmq)).as("reconnect notice").isEqualTo(zenmqSideId);
    }

    @Test
    void shouldExchangeBytesWithLibzmqStreamClient() {
        LibzmqPeer libzmq = interop.peer().socket("STREAM");
        Socket zenmq = interop.socket(SocketType.STREAM);
        libzmq.connect(zenmq.bind(ANY_TCP));

        byte[] zenmqSideId = zenmqNotice(zenmq);
        byte[] libzmqSideId = libzmqNotice(libzmq);

        libzmq.send(libzmqSideId, utf8("GET / HTTP/1.0\r\n\r\n"));
        assertThat(zenmqBytes(zenmq, zenmqSideId, 18)).isEqualTo(utf8("GET / HTTP/1.0\r\n\r\n"));
        zenmq.send(Msg.of(zenmqSideId, utf8("HTTP/1.0 200 OK\r\n\r\n")));
        assertThat(libzmqBytes(libzmq, libzmqSideId, 19)).isEqualTo(utf8("HTTP/1.0 200 OK\r\n\r\n"));

        // zenmq closes the connection: libzmq hears of it
        zenmq.send(Msg.of(zenmqSideId, new byte[0]));
        List<byte[]> gone = libzmq.recv(PATIENCE);
        assertThat(gone).as("libzmq's disconnect notice").isNotNull().hasSize(2);
        assertThat(gone.get(0)).isEqualTo(libzmqSideId);
        assertThat(gone.get(1)).isEmpty();
    }

    private static byte[] zenmqNotice(Socket zenmq) {
        Msg notice = zenmq.recvMsg(PATIENCE);
        assertThat(notice).as("zenmq notice").isNotNull();
        assertThat(notice.size()).isEqualTo(2);
        assertThat(notice.frame(1)).as("zenmq notice data").isEmpty();
        return notice.frame(0);
    }

    private static byte[] libzmqNotice(LibzmqPeer libzmq) {
        List<byte[]> notice = libzmq.recv(PATIENCE);
        assertThat(notice).as("libzmq notice").isNotNull().hasSize(2);
        assertThat(notice.get(1)).as("libzmq notice data").isEmpty();
        return notice.get(0);
    }

    /** Collects chunks until {@code length} bytes came; chunk boundaries are arbitrary. */
    private static byte[] zenmqBytes(Socket zenmq, byte[] id, int length) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < length) {
            Msg chunk = zenmq.recvMsg(PATIENCE);
            assertThat(chunk).as("zenmq chunk after %d bytes", data.size()).isNotNull();
            assertThat(chunk.frame(0)).isEqualTo(id);
            data.writeBytes(chunk.frame(1));
        }
        return data.toByteArray();
    }

    private static byte[] libzmqBytes(LibzmqPeer libzmq, byte[] id, int length) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < length) {
            List<byte[]> chunk = libzmq.recv(PATIENCE);
            assertThat(chunk).as("libzmq chunk after %d bytes", data.size()).isNotNull().hasSize(2);
            assertThat(chunk.get(0)).isEqualTo(id);
            data.writeBytes(chunk.get(1));
        }
        return data.toByteArray();
    }
}
