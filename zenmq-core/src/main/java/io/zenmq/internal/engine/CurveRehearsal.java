// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.crypto.SecretBox;
import io.zenmq.internal.mechanism.SecurityConfig;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once per JVM, when the first CURVE socket binds or connects: a daemon thread seals and opens a
 * few thousand boxes of several sizes under a throwaway key, so that the JIT compiles the
 * {@link SecretBox} kernels (XSalsa20, Poly1305) on their own before the first MESSAGE. Without it
 * the kernels first become hot inside the framing methods that call them, and C2 compiles each
 * framing method with the whole cipher inlined into it: a compile several times larger, in the
 * first second of traffic, on the same cores as the traffic. A kernel already compiled to a large
 * body is called rather than inlined, so the framing methods compile small and the kernels once.
 *
 * <p>Invisible to the application: nothing goes on the wire, the key and boxes are the thread's
 * own (all zeros, never a secret) and die with it, it ends by itself after a bounded amount of work
 * (about 0.1 to 0.2 s of CPU in a fresh JVM) and a failure is only logged at DEBUG. The boxes follow
 * the CURVE codec's pattern (a one-byte flags piece, then the frame) and cover the short, whole-block
 * and many-block paths, so the profile the kernels are compiled with holds for real traffic.
 *
 * <p>Owner: its own thread; it shares nothing but the once-only flag.
 */
final class CurveRehearsal {
    private static final System.Logger LOG = System.getLogger(CurveRehearsal.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Not "zenmq-": it belongs to no context, so the per-context thread accounting ignores it. */
    static final String THREAD_NAME = "curve-rehearsal";
    /**
     * Short boxes sealed and opened: enough for C2 to take the kernels (about 5 000 calls each).
     * Their sizes take turns: short frames most often, as in messaging, and a few of the
     * whole-block path.
     */
    static final int SHORT_BOXES = 12_000;
    private static final int[] SHORT_SIZES = {16, 16, 16, 16, 16, 16, 100, 16, 16, 16, 16, 16, 16, 300};
    /**
     * Long boxes, sealed and opened first: the many-block cipher and MAC loops are then compiled on
     * their own before the short boxes make the method that calls them hot (which would otherwise
     * inline them all: one compile of many kilobytes).
     */
    static final int LONG_BOXES = 48;
    private static final int LONG_SIZE = 64 * 1024;

    private CurveRehearsal() {
    }

    /**
     * Starts the rehearsal if the socket uses CURVE and no socket of this JVM has yet.
     *
     * @param security the socket's security settings
     * @return the started thread, or null if none was started
     */
    static Thread startFor(SecurityConfig security) {
        if (!ZmtpLayout.MECHANISM_CURVE.equals(security.mechanism()) || STARTED.get()
                || !STARTED.compareAndSet(false, true)) {
            return null;
        }
        try {
            Thread thread = new Thread(CurveRehearsal::runQuietly, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
            return thread;
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(System.Logger.Level.DEBUG, "CURVE rehearsal not started", e);
            return null;
        }
    }

    /**
     * Tells whether a socket of this JVM has started the rehearsal.
     *
     * @return true once started, for the rest of the JVM's life
     */
    static boolean started() {
        return STARTED.get();
    }

    private static void runQuietly() {
        try {
            if (!rehearse(LONG_BOXES, SHORT_BOXES)) {
                LOG.log(System.Logger.Level.DEBUG, "CURVE rehearsal: a box did not open");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "CURVE rehearsal failed", e);
        }
    }

    /**
     * Seals and opens the long boxes, then the short ones.
     *
     * @param longBoxes how many long boxes
     * @param shortBoxes how many short boxes
     * @return true if every box opened to its plaintext's length (the plaintexts are zeros)
     */
    static boolean rehearse(int longBoxes, int shortBoxes) {
        SecretBox sender = new SecretBox(new byte[SecretBox.KEY_BYTES]);
        SecretBox receiver = sender.copy();
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        byte[] flags = new byte[1];
        byte[] frame = new byte[LONG_SIZE];
        byte[] box = new byte[SecretBox.MAC_BYTES + 1 + LONG_SIZE];
        boolean opened = true;
        for (int i = 0; i < longBoxes + shortBoxes; i++) {
            int size = i < longBoxes ? LONG_SIZE : SHORT_SIZES[i % SHORT_SIZES.length];
            nonce[SecretBox.NONCE_BYTES - 1] = (byte) i;
            nonce[SecretBox.NONCE_BYTES - 2] = (byte) (i >>> 8);
            opened &= sealAndOpen(sender, receiver, nonce, flags, frame, size, box);
        }
        return opened;
    }

    private static boolean sealAndOpen(SecretBox sender, SecretBox receiver, byte[] nonce, byte[] flags,
                                       byte[] frame, int size, byte[] box) {
        sender.startSeal(nonce);
        sender.encrypt(flags, 0, 1, box, SecretBox.MAC_BYTES);
        sender.encrypt(frame, 0, size, box, SecretBox.MAC_BYTES + 1);
        sender.finishSeal(box, 0);
        if (!receiver.verify(nonce, box, 0, SecretBox.MAC_BYTES + 1 + size)) {
            return false;
        }
        receiver.decrypt(box, SecretBox.MAC_BYTES, 1, flags, 0);
        receiver.decrypt(box, SecretBox.MAC_BYTES + 1, size, frame, 0);
        return flags[0] == 0;
    }
}
