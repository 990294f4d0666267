// SPDX-License-Identifier: MPL-2.0
/**
 * zenmq: ZeroMQ in pure Java. The only exported package is {@code io.zenmq}.
 */
module io.zenmq {
    requires jdk.net;
    requires org.bouncycastle.provider;
    // junixsocket serves ipc://@name only; without it (or with it unresolved on the module path)
    // such endpoints fail with EPROTONOSUPPORT and everything else works
    requires static org.newsclub.net.unix;
    exports io.zenmq;
}
