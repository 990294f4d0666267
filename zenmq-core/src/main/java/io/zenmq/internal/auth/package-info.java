// SPDX-License-Identifier: MPL-2.0
/**
 * The rules behind {@link io.zenmq.Authenticator}, modelled on CZMQ's {@code zauth}: IP address
 * allow and deny lists, PLAIN users (in code or in a password file) and CURVE client keys (in code
 * or in a directory of certificates).
 *
 * <p>Threading: the rule sets are immutable; the Authenticator swaps whole sets when it is
 * configured. The file-backed sources re-read their files when they change and are safe to use
 * from any thread. Nothing here is on an I/O thread: files are read on the caller's thread or on
 * the {@code zenmq-zap} thread.
 */
package io.zenmq.internal.auth;
