// SPDX-License-Identifier: MPL-2.0
/**
 * Stream connections at work: a {@link io.zenmq.internal.engine.Listener} accepts them, each
 * {@link io.zenmq.internal.engine.Session} links one socket pipe to at most one live connection at
 * a time (connecting, reconnecting, closing), and an engine moves that connection's bytes: {@link io.zenmq.internal.engine.StreamEngine}
 * is the one readiness/read/write/close loop over a non-blocking channel with pooled direct
 * buffers, {@link io.zenmq.internal.engine.ZmtpEngine} glues it to a pure
 * {@link io.zenmq.internal.zmtp.ZmtpConnection} (pipe, session, ZAP client, one timer) and
 * {@link io.zenmq.internal.engine.RawEngine} carries STREAM sockets' raw bytes. Owner: every
 * object here belongs to the I/O thread its session was assigned to; nothing is shared with
 * socket threads except through pipes and posted tasks. Not pure: this is where channels, the
 * clock and logging meet the protocol.
 */
package io.zenmq.internal.engine;
