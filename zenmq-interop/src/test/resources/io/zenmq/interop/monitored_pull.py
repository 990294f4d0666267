# SPDX-License-Identifier: MPL-2.0
# A libzmq PULL bound on loopback with a monitor: prints "ENDPOINT <ep>", then the name of every
# monitor event after LISTENING, one per line, until DISCONNECTED (or 10 s pass), then "END".
import sys
import zmq
from zmq.utils.monitor import recv_monitor_message

NAMES = {value: name for name, value in vars(zmq).items()
         if name.startswith("EVENT_") and isinstance(value, int) and name not in ("EVENT_ALL",)}

ctx = zmq.Context()
pull = ctx.socket(zmq.PULL)
pull.setsockopt(zmq.LINGER, 0)
if len(sys.argv) > 1:
    pull.setsockopt(zmq.HANDSHAKE_IVL, int(sys.argv[1]))
monitor = pull.get_monitor_socket()
pull.bind("tcp://127.0.0.1:*")
print("ENDPOINT " + pull.getsockopt(zmq.LAST_ENDPOINT).decode(), flush=True)
monitor.setsockopt(zmq.RCVTIMEO, 10000)
try:
    while True:
        event = recv_monitor_message(monitor)
        name = NAMES.get(event["event"], str(event["event"]))[len("EVENT_"):]
        if name == "LISTENING":
            continue
        print("EVENT " + name, flush=True)
        if name == "DISCONNECTED":
            break
except zmq.Again:
    pass
print("END", flush=True)
monitor.close(0)
pull.close(0)
ctx.term()
