// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import java.util.Arrays;

/**
 * Reads what subscribers send a publisher (PUB, XPUB) and sorts it into subscriptions and other
 * upstream messages (spec zmtp.md section 7, patterns.md section 4).
 *
 * <p>A subscription arrives in one of two forms: a frame flagged {@link FrameQueue#FLAG_SUBSCRIBE}
 * or {@link FrameQueue#FLAG_CANCEL} whose body is the topic (what a SUB/XSUB writes, and what the
 * connection makes of a wire SUBSCRIBE/CANCEL), or a data message whose first byte is 1 or 0 (what
 * XSUB users and ZMTP 3.0/2.0/1.0 peers send; libzmq's XPUB reads those as subscriptions too).
 * Only the first frame of a message is examined; when it is a subscription, the later frames of
 * that message count as subscriptions too if they start with 1 or 0, and are dropped otherwise. A pipe is always read
 * until it is empty, which re-arms its read wake-up; its end marker is reported to the host.
 * Stateless; socket thread only.
 */
final class SubscriptionReader {
    /** Told what came from a subscriber, in arrival order. */
    interface Upstream {
        /**
         * A subscribe or cancel.
         *
         * @param pipe where it came from
         * @param subscribe true for subscribe, false for cancel
         * @param topic the prefix, owned by the callee
         */
        void subscription(Pipe pipe, boolean subscribe, byte[] topic);

        /**
         * One frame of another message.
         *
         * @param pipe where it came from
         * @param frame the bytes, owned by the callee
         * @param more whether more frames of the message follow
         */
        void message(Pipe pipe, byte[] frame, boolean more);
    }

    private static final byte SUBSCRIBE = 1;
    private static final byte CANCEL = 0;

    private SubscriptionReader() {
    }

    /** Reads everything queued on the pipe; reports its end to the host once it is read. */
    static void drain(Pipe pipe, PatternHost host, Upstream upstream) {
        byte[] frame;
        boolean first = true;
        boolean inSubscription = false;
        while ((frame = pipe.read()) != null) {
            int flags = pipe.lastFlags();
            boolean more = (flags & FrameQueue.FLAG_MORE) != 0;
            if ((flags & FrameQueue.FLAGS_SUBSCRIPTION) != 0) {
                upstream.subscription(pipe, (flags & FrameQueue.FLAG_SUBSCRIBE) != 0, frame);
            } else if (first || inSubscription) {
                inSubscription = isLegacySubscription(frame);
                if (inSubscription) {
                    upstream.subscription(pipe, frame[0] == SUBSCRIBE, Arrays.copyOfRange(frame, 1, frame.length));
                } else if (first) {
                    upstream.message(pipe, frame, more);
                }
            } else {
                upstream.message(pipe, frame, more);
            }
            first = !more;
            if (first) {
                inSubscription = false;
            }
        }
        if (pipe.isInEnded()) {
            host.pipeEnded(pipe);
        }
    }

    private static boolean isLegacySubscription(byte[] frame) {
        return frame.length > 0 && (frame[0] == SUBSCRIBE || frame[0] == CANCEL);
    }
}
