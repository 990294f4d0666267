// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.SendOnlyPeers;

/**
 * DGRAM (spec patterns.md section 7.6): raw UDP through its one udp pipe. Every message is two
 * frames both ways, {@code [address "ip:port"][body]}: the address says where a datagram goes,
 * or where it came from. Anything else is refused with {@code EINVAL}, as libzmq does. A second
 * pipe (a second bind or connect) is ended at once, like PAIR. Socket thread only.
 */
final class Dgram implements Pattern {
    private final PatternHost host;
    private Pipe pipe;
    private boolean sendingBody;
    private boolean more;

    Dgram(PatternHost host) {
        this.host = host;
    }

    @Override
    public void attach(Pipe added) {
        if (pipe != null) {
            added.terminate();
            SendOnlyPeers.drain(added, host);
            return;
        }
        pipe = added;
    }

    @Override
    public void terminated(Pipe gone) {
        if (gone == pipe) {
            pipe = null;
            more = false;
            sendingBody = false;
        }
    }

    @Override
    public void pipeReadable(Pipe readable) {
        if (readable != pipe) {
            SendOnlyPeers.drain(readable, host);
        }
    }

    @Override
    public void pipeWritable(Pipe writable) {
        // xsend re-checks the room on every message
    }

    @Override
    public boolean xsend(byte[] frame, boolean hasMore) {
        if (!sendingBody) {
            if (!hasMore) {
                throw new ZmqException(ErrorCode.EINVAL, "a DGRAM message is [address][body]: the address needs MORE");
            }
            if (pipe == null || !pipe.checkWritable()) {
                return false;
            }
        } else if (hasMore) {
            // the address already queued goes too: the next message starts afresh
            if (pipe != null) {
                pipe.rollback();
            }
            sendingBody = false;
            throw new ZmqException(ErrorCode.EINVAL, "a DGRAM message is [address][body]: two frames only");
        }
        if (pipe == null) {
            // the pipe went away between the address and the body: the message is lost
            sendingBody = hasMore;
            return true;
        }
        pipe.write(frame, hasMore);
        if (!hasMore) {
            pipe.flush();
        }
        sendingBody = hasMore;
        return true;
    }

    @Override
    public byte[] xrecv() {
        if (pipe == null) {
            return null;
        }
        Pipe from = pipe;
        byte[] frame = from.read();
        if (frame == null) {
            if (from.isInEnded()) {
                host.pipeEnded(from);
            }
            return null;
        }
        more = from.lastMore();
        return frame;
    }

    @Override
    public Pipe lastIn() {
        return pipe;
    }

    @Override
    public boolean xrecvMore() {
        return more;
    }

    @Override
    public boolean hasOut() {
        return sendingBody || (pipe != null && pipe.checkWritable());
    }

    @Override
    public boolean hasIn() {
        return pipe != null && pipe.checkReadable();
    }
}
