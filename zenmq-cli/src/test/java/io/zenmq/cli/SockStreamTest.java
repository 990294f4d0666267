// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sock stream} against a plain TCP peer (cli.md, "Per type"): {@code [id, data]} lines,
 * connection notices printed {@code id<TAB>} and never counted or echoed, {@code id<TAB>} closing.
 */
@Timeout(20)
class SockStreamTest {
    private static final int READ_TIMEOUT_MS = 10_000;

    @Test
    void shouldPrintNoticesAndDataButCountOnlyData() throws IOException {
        try (ServerSocket server = listen()) {
            LiveCli cli = LiveCli.start("sock", "stream", endpoint(server), "-n", "1");
            try (Socket peer = accept(server)) {
                String id = noticeId(cli.nextLine());
                peer.getOutputStream().write(b("hello\tworld\n"));
                peer.getOutputStream().flush();
                String line = cli.nextLine();
                assertThat(line).startsWith(id + "\t");
                assertThat(readData(line.substring(id.length() + 1))).isEqualTo("hello\tworld\n");
                cli.finish().assertOk();
            }
        }
    }

    @Test
    void shouldWriteRawBytesAndCloseOnEmptyData() throws IOException {
        try (ServerSocket server = listen()) {
            LiveCli cli = LiveCli.start("sock", "stream", endpoint(server));
            try (Socket peer = accept(server)) {
                String id = noticeId(cli.nextLine());
                cli.write("unknown-id-line-without-data");
                cli.write(id + "\traw\tbytes 0x41");
                cli.write(id + "\t0x0a00");
                assertThat(read(peer.getInputStream(), 16)).isEqualTo(b("raw\tbytes 0x41\n\0"));
                cli.write(id + "\t");
                assertThat(peer.getInputStream().read()).isEqualTo(-1);
                cli.closeStdin();
                CliRun result = cli.finish();
                result.assertOk();
            }
        }
    }

    @Test
    void shouldAnnounceClosedConnection() throws IOException {
        try (ServerSocket server = listen()) {
            LiveCli cli = LiveCli.start("sock", "stream", endpoint(server));
            Socket peer = accept(server);
            String id = noticeId(cli.nextLine());
            peer.close();
            assertThat(cli.nextLine()).isEqualTo(id + "\t");
            cli.closeStdin();
            cli.finish().assertOk();
        }
    }

    @Test
    void shouldEchoDataButNotNotices() throws IOException {
        try (ServerSocket server = listen()) {
            LiveCli cli = LiveCli.start("sock", "stream", endpoint(server), "--echo", "-n", "2");
            try (Socket peer = accept(server)) {
                String id = noticeId(cli.nextLine());
                peer.getOutputStream().write(b("ping"));
                peer.getOutputStream().flush();
                assertThat(read(peer.getInputStream(), 4)).isEqualTo(b("ping"));
                assertThat(cli.nextLine()).isEqualTo(id + "\tping");
                peer.getOutputStream().write(b("pong"));
                peer.getOutputStream().flush();
                assertThat(read(peer.getInputStream(), 4)).isEqualTo(b("pong"));
                CliRun result = cli.finish();
                result.assertOk();
                assertThat(result.out()).isEqualTo(id + "\tpong\n");
            }
        }
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        server.setSoTimeout(READ_TIMEOUT_MS);
        return server;
    }

    private static String endpoint(ServerSocket server) {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private static Socket accept(ServerSocket server) throws IOException {
        Socket peer = server.accept();
        peer.setSoTimeout(READ_TIMEOUT_MS);
        return peer;
    }

    /** The routing id of a connection notice line ({@code id<TAB>}). */
    private static String noticeId(String line) {
        assertThat(line).endsWith("\t").hasSizeGreaterThan(1);
        String id = line.substring(0, line.length() - 1);
        assertThat(id).doesNotContain("\t");
        return id;
    }

    /** Decodes a printed data frame: text, or {@code 0x} hex for bytes that do not print as text. */
    private static String readData(String printed) {
        byte[] raw = b(printed);
        return new String(TextFormat.standard().parseFrame(raw, 0, raw.length), StandardCharsets.UTF_8);
    }

    private static byte[] read(InputStream in, int length) throws IOException {
        return in.readNBytes(length);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
