// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** zenmq and libzmq over {@code ipc://} socket files (real Unix domain sockets), either side binding. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IpcInteropTest {
    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @TempDir
    Path dir;

    @Test
    void shouldCarryMessagesToALibzmqPullThatBoundTheFile() {
        String endpoint = "ipc://" + dir.resolve("lib.ipc");
        LibzmqPeer pull = interop.peer().socket("PULL");
        assertThat(pull.bind(endpoint)).isEqualTo(endpoint);
        Socket push = interop.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send(Msg.of(utf8("over"), utf8("ipc")));
        assertFrames("libzmq received", pull.recv(PATIENCE), utf8("over"), utf8("ipc"));
    }

    @Test
    void shouldAnswerALibzmqRequesterOverAFileWeBound() throws IOException {
        Path file = dir.resolve("zen.ipc");
        Files.createFile(file);   // a stale file from an earlier run is replaced, as libzmq does
        String endpoint = "ipc://" + file;
        Socket rep = interop.socket(SocketType.REP);
        assertThat(rep.bind(endpoint)).isEqualTo(endpoint);
        LibzmqPeer req = interop.peer().socket("REQ");
        req.connect(endpoint);
        for (int i = 0; i < 3; i++) {
            req.send(utf8("q" + i));
            assertFrames("zenmq received", rep.recvMsg(PATIENCE), utf8("q" + i));
            rep.send(utf8("a" + i));
            assertFrames("libzmq received", req.recv(PATIENCE), utf8("a" + i));
        }
        rep.close();
    }
}
