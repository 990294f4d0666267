// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.Mechanism;

/** How every mechanism turns a ZAP refusal into wire traffic, as libzmq 4.3 does. */
final class Refusal {
    private Refusal() {
    }

    /**
     * Refuses the peer: 300 (temporary failure) sends nothing, 400 and 500 send ERROR with the
     * status as reason; then the engine closes.
     *
     * @param status the ZAP status
     * @param out the mechanism's output
     */
    static void refuse(int status, Mechanism.Output out) {
        if (status != 300) {
            out.send(Commands.errorBody(Integer.toString(status)));
        }
        out.refused(status);
    }
}
