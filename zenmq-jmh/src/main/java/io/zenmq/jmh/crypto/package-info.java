// SPDX-License-Identifier: MPL-2.0
/** CURVE encryption and handshake cost, without sockets. */
package io.zenmq.jmh.crypto;
