// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.zap.ZapLayout;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection's line to the context's ZAP handler: an inproc pipe to the socket bound at
 * {@code inproc://zeromq.zap.01}, as libzmq's sessions have. The handler sees it as a DEALER peer.
 *
 * <p>Owner: the engine's I/O thread. Wake-ups come from the handler's thread and are posted.
 */
final class ZapClient implements PipeListener {
    /** Receives the outcome on the I/O thread. */
    interface Answer {
        void replied(ZapReply reply);

        void broken(ProtocolException error);
    }

    private final IoThread io;
    private final Answer answer;
    private final Runnable readTask = this::readReply;
    private final List<byte[]> frames = new ArrayList<>(8);
    private Pipe pipe;
    private boolean answered;

    private ZapClient(IoThread io, Answer answer) {
        this.io = io;
        this.answer = answer;
    }

    /**
     * Sends a request to the context's ZAP handler.
     *
     * @param socket the socket whose context is asked
     * @param io the engine's I/O thread
     * @param request the request frames
     * @param answer gets the reply, on the I/O thread
     * @return the client (close it with the connection), or null if no handler is bound
     */
    static ZapClient ask(SocketLink socket, IoThread io, List<byte[]> request, Answer answer) {
        ZapClient client = new ZapClient(io, answer);
        client.pipe = socket.connectZap(client);
        if (client.pipe == null) {
            return null;
        }
        for (int i = 0; i < request.size(); i++) {
            client.pipe.write(request.get(i), i < request.size() - 1);
        }
        client.pipe.flush();
        // an empty read arms the wake-up for the reply
        client.readReply();
        return client;
    }

    /** Ends the pipe; a late reply is ignored. */
    void close() {
        answered = true;
        if (!pipe.isTerminated()) {
            pipe.terminate();
        }
    }

    @Override
    public void pipeReadable(Pipe ignored) {
        io.post(readTask);
    }

    @Override
    public void pipeWritable(Pipe ignored) {
        // the pipe has no high-water mark
    }

    private void readReply() {
        if (answered) {
            return;
        }
        byte[] frame;
        while ((frame = pipe.read()) != null) {
            frames.add(frame);
            if (!pipe.lastMore()) {
                answered = true;
                try {
                    answer.replied(ZapLayout.parseReply(frames));
                } catch (ProtocolException e) {
                    answer.broken(e);
                }
                return;
            }
        }
        if (pipe.isInEnded()) {
            answered = true;
            answer.broken(new ProtocolException(ProtocolErrors.ZAP_UNSPECIFIED, "the ZAP handler went away"));
        }
    }
}
