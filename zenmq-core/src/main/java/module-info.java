// SPDX-License-Identifier: MPL-2.0
/**
 * zenmq: ZeroMQ in pure Java. The only exported package is {@code io.zenmq}.
 */
module io.zenmq {
    requires jdk.net;
    requires org.bouncycastle.provider;
    exports io.zenmq;
}
