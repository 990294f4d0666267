// SPDX-License-Identifier: MPL-2.0
/**
 * The proxy behind {@code io.zenmq.Proxy}: a loop moving whole messages between two sockets in
 * both directions, with libzmq's capture and control sockets. Everything here is owned by the
 * proxy's thread, which owns the proxied sockets while it runs; only {@link
 * io.zenmq.internal.proxy.ProxyLoop#stop()} is called from other threads.
 */
package io.zenmq.internal.proxy;
