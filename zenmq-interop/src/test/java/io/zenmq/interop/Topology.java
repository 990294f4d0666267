// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import io.zenmq.Socket;

/** Which side of a zenmq-libzmq pair binds a TCP loopback port; the other side connects. */
enum Topology {
    ZENMQ_BINDS {
        @Override
        void wire(Socket zenmq, LibzmqPeer libzmq) {
            libzmq.connect(zenmq.bind(InteropExtension.ANY_TCP));
        }
    },
    LIBZMQ_BINDS {
        @Override
        void wire(Socket zenmq, LibzmqPeer libzmq) {
            zenmq.connect(libzmq.bind(InteropExtension.ANY_TCP));
        }
    };

    /** Binds one side to an ephemeral port and connects the other to the endpoint it reports. */
    abstract void wire(Socket zenmq, LibzmqPeer libzmq);
}
