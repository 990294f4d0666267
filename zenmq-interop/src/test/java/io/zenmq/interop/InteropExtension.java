// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import io.zenmq.Context;
import io.zenmq.ZapHandler;
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
 * {@link #node()} makes the peer a node one instead (libzmq 4.3.5 with the draft types, see
 * {@link Node}).
 */
final class InteropExtension implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
    /** Loopback with an ephemeral port; the bound endpoint is read back, never guessed. */
    static final String ANY_TCP = "tcp://127.0.0.1:*";
    /** How long any single zenmq or libzmq send or receive may take in these tests. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final boolean node;
    private Context context;
    private LibzmqPeer peer;

    /** An extension whose peer is python's libzmq 4.3.4. */
    InteropExtension() {
        this(false);
    }

    private InteropExtension(boolean node) {
        this.node = node;
    }

    /**
     * Returns an extension whose peer is node's libzmq 4.3.5 with the draft API.
     *
     * @return the extension, to register on a field
     */
    static InteropExtension node() {
        return new InteropExtension(true);
    }

    @Override
    public void beforeEach(ExtensionContext extensionContext) {
        if (node) {
            Node.assumeAvailable();
        } else {
            Libzmq.assumeAvailable();
        }
        context = Context.builder().maxLinger(Duration.ofSeconds(1)).build();
        peer = node ? LibzmqPeer.startNode() : LibzmqPeer.start();
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

    /** Serves ZAP in the zenmq context with this handler until the context closes. */
    void serveZap(ZapHandler handler) {
        context.zapHandler(handler);
    }

    /** The libzmq peer's side of the story, attached to a failed test. */
    static final class PeerDiagnostics extends Exception {
        private static final long serialVersionUID = 1L;

        PeerDiagnostics(String diagnostics) {
            super(diagnostics, null, false, false);
        }
    }
}
