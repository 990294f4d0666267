// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.zmtp.Mechanism.Output;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;

/**
 * One role of the CURVE handshake (spec/security.md section 3.9), behind {@link CurveMechanism}.
 * Owned by the connection's I/O thread.
 */
sealed interface CurveHandshake permits CurveClientHandshake, CurveServerHandshake {
    /** See {@link io.zenmq.internal.zmtp.Mechanism#start}. */
    void start(Output out) throws ProtocolException;

    /** See {@link io.zenmq.internal.zmtp.Mechanism#onCommand}. */
    void onCommand(byte[] body, Output out) throws ProtocolException;

    /** See {@link io.zenmq.internal.zmtp.Mechanism#onZapReply}. */
    void onZapReply(ZapReply reply, Output out) throws ProtocolException;

    /**
     * Returns the MESSAGE codec, set just before {@link Output#ready} is called.
     *
     * @return the codec, or null while the handshake is not complete
     */
    CurveMessageCodec codec();
}
