# SPDX-License-Identifier: MPL-2.0
"""libzmq's own proxy for bench/proxy/run.sh: python3-zmq's zmq.proxy runs libzmq's C zmq_proxy
(without the GIL), so the only Python here is the setup.

    libzmq_proxy.py FRONT_TYPE FRONT_BIND BACK_TYPE BACK_BIND
"""
import sys

import zmq


def main():
    front_type, front_bind, back_type, back_bind = sys.argv[1:5]
    ctx = zmq.Context()
    front = ctx.socket(getattr(zmq, front_type.upper()))
    front.bind(front_bind)
    back = ctx.socket(getattr(zmq, back_type.upper()))
    back.bind(back_bind)
    try:
        zmq.proxy(front, back)
    except (KeyboardInterrupt, zmq.ContextTerminated):
        pass


if __name__ == "__main__":
    main()
