// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;

import io.zenmq.Socket;
import io.zenmq.SocketType;
import io.zenmq.testing.Transport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connecting side comes first: it retries until the other side binds, and messages sent in
 * the meantime are queued and delivered once the connection is up.
 *
 * <p>To know the port before anything listens on it, the test binds a plain server socket to
 * port 0, reads the port back and closes it again (a synchronous close, unlike a ZeroMQ unbind).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectBeforeBindInteropTest {
    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @Test
    void shouldDeliverQueuedMessagesWhenLibzmqBindsAfterZenmqConnected() throws IOException {
        String endpoint = Transport.TCP.unbound();
        Socket push = interop.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send(utf8("sent before the bind"));
        push.send(utf8("and another"));

        LibzmqPeer pull = interop.peer().socket("PULL");
        pull.bind(endpoint);

        assertFrames("first message", pull.recv(PATIENCE), utf8("sent before the bind"));
        assertFrames("second message", pull.recv(PATIENCE), utf8("and another"));
    }

    @Test
    void shouldDeliverQueuedMessagesWhenZenmqBindsAfterLibzmqConnected() throws IOException {
        String endpoint = Transport.TCP.unbound();
        LibzmqPeer push = interop.peer().socket("PUSH");
        push.connect(endpoint);
        push.send(utf8("sent before the bind"));
        push.send(utf8("and another"));

        Socket pull = interop.socket(SocketType.PULL);
        pull.bind(endpoint);

        assertFrames("first message", pull.recvMsg(PATIENCE), utf8("sent before the bind"));
        assertFrames("second message", pull.recvMsg(PATIENCE), utf8("and another"));
    }

    @Test
    void shouldReachLibzmqPairThatBindsAfterZenmqConnected() throws IOException {
        String endpoint = Transport.TCP.unbound();
        Socket zenmq = interop.socket(SocketType.PAIR);
        zenmq.connect(endpoint);

        LibzmqPeer libzmq = interop.peer().socket("PAIR");
        libzmq.bind(endpoint);
        libzmq.send(utf8("hello from the late binder"));

        assertFrames("zenmq received", zenmq.recvMsg(PATIENCE), utf8("hello from the late binder"));
        zenmq.send(utf8("hello back"));
        assertFrames("libzmq received", libzmq.recv(PATIENCE), utf8("hello back"));
    }
}
