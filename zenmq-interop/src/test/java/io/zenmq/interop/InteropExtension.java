// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.ZmqException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Gives each test a zenmq {@link Context} and a fresh {@link LibzmqPeer}, closes both afterwards,
 * and attaches the peer's commands and stderr to any failure. Register it on a non-private field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final InteropExtension interop = new InteropExtension();
 * }</pre>
 *
 * <p>Without libzmq the test is skipped, or fails when {@code CI=true} (see {@link Libzmq}).
 */
final class InteropExtension implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
    /** Loopback with an ephemeral port; the bound endpoint is read back, never guessed. */
    static final String ANY_TCP = "tcp://127.0.0.1:*";
    /** How long any single zenmq or libzmq send or receive may take in these tests. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private Context context;
    private LibzmqPeer peer;

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
        Libzmq.assumeAvailable();
        context = Context.builder().maxLinger(Duration.ofSeconds(1)).build();
        peer = LibzmqPeer.start();
    }

    @Override
    public void afterEach(ExtensionContext extensionContext) {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
            context = null;
            peer = null;
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext extensionContext, Throwable throwable)
            throws Throwable {
        if (peer != null && !(throwable instanceof TestAbortedException) && !alreadyDescribesPeer(throwable)) {
            throwable.addSuppressed(new PeerDiagnostics(peer.diagnostics()));
        }
        throw throwable;
    }

    private static boolean alreadyDescribesPeer(Throwable throwable) {
        return String.valueOf(throwable.getMessage()).contains(LibzmqPeer.DIAGNOSTICS_HEADER);
    }

    /** Returns this test's libzmq peer, which has no socket until {@link LibzmqPeer#socket}. */
    LibzmqPeer peer() {
        return peer;
    }

    /** Creates a zenmq socket whose blocking sends and receives give up after {@link #PATIENCE}. */
    Socket socket(SocketType type) {
        Socket socket = context.socket(type);
        socket.set(SocketOptions.SNDTIMEO, PATIENCE);
        socket.set(SocketOptions.RCVTIMEO, PATIENCE);
        return socket;
    }

    /**
     * Serves ZAP in the zenmq context until it closes: admits PLAIN with exactly this user and
     * password (User-Id = the user), refuses everything else with 400.
     */
    void serveZap(String user, String password) {
        Socket handler = context.socket(SocketType.ROUTER);
        handler.bind("inproc://zeromq.zap.01");
        byte[][] expected = {user.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8)};
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Msg request = handler.recvMsg();
                    boolean admitted = request.size() == 10 && request.string(7).equals("PLAIN")
                            && Arrays.equals(request.frame(8), expected[0]) && Arrays.equals(request.frame(9), expected[1]);
                    handler.send(Msg.of(request.frame(0), new byte[0], request.frame(2), request.frame(3),
                            (admitted ? "200" : "400").getBytes(StandardCharsets.US_ASCII), new byte[0],
                            admitted ? expected[0] : new byte[0], new byte[0]));
                }
            } catch (ZmqException e) {
                handler.close();
            }
        }, "interop-zap");
        thread.setDaemon(true);
        thread.start();
    }

    /** The libzmq peer's side of the story, attached to a failed test. */
    static final class PeerDiagnostics extends Exception {
        private static final long serialVersionUID = 1L;

        PeerDiagnostics(String diagnostics) {
            super(diagnostics, null, false, false);
        }
    }
}
