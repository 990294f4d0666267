// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

/**
 * The protocol a peer speaks, as its greeting shows it (spec/zmtp.md section 3.1, libzmq 4.3's
 * decision table). Decides the framing, whether there is a security handshake, and how subscriptions
 * travel.
 */
public enum ZmtpVersion {
    /** ZMTP/1.0 without greeting: the peer's first bytes were its identity frame. */
    ZMTP_1_0,
    /** A 12-byte greeting with revision 0, then ZMTP/1.0 framing (libzmq accepts it). */
    ZMTP_1_0_VERSIONED,
    /** ZMTP/2.0 (RFC 15): a 12-byte greeting with revision 1, 2.0 framing, no commands. */
    ZMTP_2_0,
    /** ZMTP/3.0 (minor version 0): subscriptions go as 01/00 messages. */
    ZMTP_3_0,
    /** ZMTP/3.1 (minor version 1 or more): subscriptions go as SUBSCRIBE/CANCEL commands. */
    ZMTP_3_1;

    /**
     * Returns whether the peer predates ZMTP 3: no mechanism, metadata, commands or heartbeats, and an
     * identity frame first each way.
     *
     * @return true for 1.0 and 2.0
     */
    public boolean isLegacy() {
        return this == ZMTP_1_0 || this == ZMTP_1_0_VERSIONED || this == ZMTP_2_0;
    }

    /**
     * Returns whether frames use the ZMTP/1.0 layout (length counting the flags byte, then flags).
     *
     * @return true for both 1.0 forms
     */
    public boolean usesZmtp10Framing() {
        return this == ZMTP_1_0 || this == ZMTP_1_0_VERSIONED;
    }

    /**
     * Returns whether subscriptions go to this peer as SUBSCRIBE/CANCEL commands rather than as
     * {@code 01}/{@code 00}-prefixed messages (spec/zmtp.md section 7.2).
     *
     * @return true for ZMTP 3.1
     */
    public boolean takesSubscriptionCommands() {
        return this == ZMTP_3_1;
    }
}
