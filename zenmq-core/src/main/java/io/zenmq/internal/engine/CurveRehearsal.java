// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.crypto.SecretBox;
import io.zenmq.internal.mechanism.SecurityConfig;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once per JVM, when the first CURVE socket binds or connects: a daemon thread seals and opens
 * fifty thousand boxes, most of them short, under a throwaway key, so that the JIT compiles the
 * {@link SecretBox} kernels (XSalsa20, Poly1305) on their own before the first MESSAGE. Without it
 * the kernels first become hot inside the framing methods that call them, and C2 compiles each
 * framing method with the whole cipher inlined into it: a compile several times larger, in the
 * first second of traffic, on the same cores as the traffic. A kernel already compiled to a large
 * body is called rather than inlined, so the framing methods compile small and the kernels once.
 *
 * <p>Invisible to the application: nothing goes on the wire, the key and boxes are the thread's
 * own (all zeros, never a secret) and die with it, it ends by itself after a bounded amount of work
 * (about 0.15 s of CPU in a fresh JVM, 0.2 to 0.4 s of wall time) and a failure is only logged at
 * DEBUG. The boxes follow the CURVE codec's pattern (a one-byte flags piece, then the frame) and
 * cover the short, whole-block and many-block paths, so the profile the kernels are compiled with
 * holds for real traffic.
 *
 * <p>Owner: its own thread; it shares nothing but the once-only flag.
 */
final class CurveRehearsal {
    private static final System.Logger LOG = System.getLogger(CurveRehearsal.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Not "zenmq-": it belongs to no context, so the per-context thread accounting ignores it. */
    static final String THREAD_NAME = "curve-rehearsal";
    /** Boxes sealed and opened: enough for C2 to take the kernels (about 5 000 calls each). */
    static final int BOXES = 50_000;
    /**
     * Frame sizes in turn: short frames most often, as in messaging, and some of the whole-block
     * path (100 and 300 bytes).
     */
    private static final int[] SIZES = {16, 16, 16, 16, 16, 16, 100, 16, 16, 16, 16, 16, 16, 300};
    /**
     * Every this many boxes, one of {@link #MULTI_BLOCK_SIZE} bytes: its many-block branch is then
     * known to be taken (no recompile when a long frame comes), but so rarely (about 50 calls, fewer
     * than C2's 100 for a frequent call) that the many-block cipher is called, not inlined: a long
     * frame's traffic compiles it on its own, and short frames never pay for it.
     */
    private static final int MULTI_BLOCK_EVERY = 2048;
    private static final int MULTI_BLOCK_SIZE = 2048;

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
            if (!rehearse(BOXES)) {
                LOG.log(System.Logger.Level.DEBUG, "CURVE rehearsal: a box did not open");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "CURVE rehearsal failed", e);
        }
    }

    /**
     * Seals and opens {@code boxes} boxes.
     *
     * @param boxes how many
     * @return true if every box opened to its plaintext (the plaintexts are zeros)
     */
    static boolean rehearse(int boxes) {
        SecretBox sender = new SecretBox(new byte[SecretBox.KEY_BYTES]);
        SecretBox receiver = sender.copy();
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        byte[] flags = new byte[1];
        byte[] frame = new byte[MULTI_BLOCK_SIZE];
        byte[] box = new byte[SecretBox.MAC_BYTES + 1 + MULTI_BLOCK_SIZE];
        boolean opened = true;
        for (int i = 0; i < boxes; i++) {
            int size = i % MULTI_BLOCK_EVERY == MULTI_BLOCK_EVERY - 1 ? MULTI_BLOCK_SIZE : SIZES[i % SIZES.length];
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
