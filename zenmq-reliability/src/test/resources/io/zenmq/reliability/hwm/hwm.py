# SPDX-License-Identifier: MPL-2.0
# The HWM scenarios of HwmTest, run against libzmq through pyzmq; prints "name result" per line.
# Each scenario here has a twin in HwmTest.java: same sockets, same options, same steps.
import os
import socket
import sys
import zmq

CAP = 100000
ctx = zmq.Context()
names = iter(range(1000000))


def inproc():
    return "inproc://hwm-%d" % next(names)


def close(*socks):
    for s in socks:
        s.close(linger=0)


def fill(s, frame=b"x"):
    n = 0
    while n < CAP:
        try:
            s.send(frame, zmq.NOBLOCK)
        except zmq.Again:
            break
        n += 1
    return n


def drain(s):
    n = 0
    while True:
        try:
            s.recv(zmq.NOBLOCK)
        except zmq.Again:
            return n
        n += 1


def push_pull(bind_first, snd, rcv):
    push, pull = ctx.socket(zmq.PUSH), ctx.socket(zmq.PULL)
    push.setsockopt(zmq.SNDHWM, snd)
    pull.setsockopt(zmq.RCVHWM, rcv)
    ep = inproc()
    if bind_first:
        pull.bind(ep)
        push.connect(ep)
    else:
        push.connect(ep)
        pull.bind(ep)
    n = fill(push)
    close(push, pull)
    return n


def pub_sub(snd, rcv):
    pub, sub = ctx.socket(zmq.PUB), ctx.socket(zmq.SUB)
    pub.setsockopt(zmq.SNDHWM, snd)
    sub.setsockopt(zmq.RCVHWM, rcv)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    ep = inproc()
    pub.bind(ep)
    sub.connect(ep)
    # the subscription must reach the PUB first: send probes until one arrives
    while True:
        pub.send(b"probe")
        if sub.poll(10):
            break
    drain(sub)
    for _ in range(10000):
        pub.send(b"x", zmq.NOBLOCK)
    n = drain(sub)
    close(pub, sub)
    return n


def xpub_nodrop():
    xpub, sub = ctx.socket(zmq.XPUB), ctx.socket(zmq.SUB)
    xpub.setsockopt(zmq.SNDHWM, 2000)
    xpub.setsockopt(zmq.XPUB_NODROP, 1)
    sub.setsockopt(zmq.RCVHWM, 2000)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    ep = inproc()
    xpub.bind(ep)
    sub.connect(ep)
    xpub.recv()  # the subscription
    sent = received = eagain = 0
    while sent < 6000:
        try:
            xpub.send(b"x", zmq.NOBLOCK)
            sent += 1
        except zmq.Again:
            eagain += 1
            received += drain(sub)
    received += drain(sub)
    close(xpub, sub)
    return "%d eagain=%s" % (received, "yes" if eagain else "no")


def outcomes(sender, extra=None, frames=10):
    out = []
    for _ in range(frames):
        try:
            if extra is not None:
                sender.send(extra, zmq.NOBLOCK | zmq.SNDMORE)
            sender.send(b"x", zmq.NOBLOCK)
            out.append("ok")
        except zmq.Again:
            out.append("EAGAIN")
        except zmq.ZMQError as e:
            out.append("EHOSTUNREACH" if e.errno == zmq.EHOSTUNREACH else "E%d" % e.errno)
    return ",".join(out)


def action(kind):
    a_type, b_type = {"push": (zmq.PUSH, zmq.PULL), "dealer": (zmq.DEALER, zmq.ROUTER), "pair": (zmq.PAIR, zmq.PAIR),
                      "pub": (zmq.PUB, zmq.SUB), "xpub": (zmq.XPUB, zmq.SUB), "router": (zmq.ROUTER, zmq.DEALER),
                      "router_mandatory": (zmq.ROUTER, zmq.DEALER),
                      "router_unknown": (zmq.ROUTER, zmq.DEALER)}[kind]
    a, b = ctx.socket(a_type), ctx.socket(b_type)
    a.setsockopt(zmq.SNDHWM, 1)
    b.setsockopt(zmq.RCVHWM, 1)
    if b_type == zmq.SUB:
        b.setsockopt(zmq.SUBSCRIBE, b"")
    if kind.startswith("router"):
        b.setsockopt(zmq.ROUTING_ID, b"peer")
    if kind in ("router_mandatory", "router_unknown"):
        a.setsockopt(zmq.ROUTER_MANDATORY, 1)
    ep = inproc()
    a.bind(ep)
    b.connect(ep)
    if kind == "xpub":
        a.recv()
    if kind == "pub":
        while True:
            a.send(b"probe")
            if b.poll(10):
                break
        drain(b)
    if kind.startswith("router"):
        b.send(b"hello")  # the ROUTER learns the peer (inproc attaches at once)
        a.recv_multipart()
    extra = b"nobody" if kind == "router_unknown" else b"peer" if kind.startswith("router") else None
    r = outcomes(a, extra)
    close(a, b)
    return r


def immediate(on):
    push = ctx.socket(zmq.PUSH)
    push.setsockopt(zmq.IMMEDIATE, 1 if on else 0)
    push.connect("ipc://" + sys.argv[1] + "/nobody-%d.ipc" % next(names))
    r = outcomes(push, frames=2)
    close(push)
    return r


FULL_AFTER_MS = 200


def send_frames(s, frames, timeout_ms):
    """Sends one message; timeout_ms 0: never waits. False when it was not taken (EAGAIN)."""
    s.setsockopt(zmq.SNDTIMEO, timeout_ms)
    try:
        for f in frames[:-1]:
            s.send(f, zmq.SNDMORE | (zmq.NOBLOCK if timeout_ms == 0 else 0))
        s.send(frames[-1], zmq.NOBLOCK if timeout_ms == 0 else 0)
        return True
    except zmq.Again:
        return False


def fill_tcp(s, frames, cap):
    # as HwmTest.fillTcp: take while it takes, then a send that may wait; full when that times out
    sent = 0
    while sent < cap:
        if send_frames(s, frames, 0) or send_frames(s, frames, FULL_AFTER_MS):
            sent += 1
        else:
            return sent
    return -1


def read_exactly(raw, n):
    got = 0
    while got < n:
        d = raw.recv(min(1 << 20, n - got))
        if not d:
            break
        got += len(d)
    return got


def stream_full_peer():
    payload = b"\0" * 16384
    stream = ctx.socket(zmq.STREAM)
    stream.setsockopt(zmq.SNDHWM, 1)
    stream.bind("tcp://127.0.0.1:*")
    port = int(stream.getsockopt(zmq.LAST_ENDPOINT).decode().rsplit(":", 1)[1])
    raw = socket.create_connection(("127.0.0.1", port))
    raw.settimeout(10)
    stream.setsockopt(zmq.RCVTIMEO, 10000)
    rid = stream.recv_multipart()[0]  # the connect notification
    first = "ok" if send_frames(stream, [rid, payload], 0) else "EAGAIN"
    more = fill_tcp(stream, [rid, payload], 10000)
    try:
        unknown = "ok" if send_frames(stream, [b"nobody", b"x"], 0) else "EAGAIN"
    except zmq.ZMQError as e:
        unknown = "EHOSTUNREACH" if e.errno == zmq.EHOSTUNREACH else "E%d" % e.errno
    want = ((1 if first == "ok" else 0) + max(0, more)) * len(payload)
    arrived = "all" if read_exactly(raw, want) == want else "short"
    after = "ok" if send_frames(stream, [rid, payload], 10000) and read_exactly(raw, len(payload)) == len(payload) \
        else "lost"
    raw.close()
    close(stream)
    return "first=%s,full=%s,unknown=%s,arrived=%s,after=%s" % (first, "never" if more < 0 else "EAGAIN", unknown,
                                                                  arrived, after)


def push_pull_tcp_full_peer():
    push, pull = ctx.socket(zmq.PUSH), ctx.socket(zmq.PULL)
    push.setsockopt(zmq.SNDHWM, 1000)
    pull.setsockopt(zmq.RCVHWM, 1000)
    pull.setsockopt(zmq.RCVTIMEO, 10000)
    pull.bind("tcp://127.0.0.1:*")
    push.connect(pull.getsockopt(zmq.LAST_ENDPOINT).decode())
    sent = fill_tcp(push, [b"\0" * 1024], 100000)
    received = 0
    try:
        while received < sent:
            pull.recv()
            received += 1
    except zmq.Again:
        pass
    try:
        after = "ok" if send_frames(push, [b"x"], 10000) and pull.recv() else "lost"
    except zmq.Again:
        after = "lost"
    close(push, pull)
    return "full=%s,atLeastBothHwms=%s,arrived=%s,after=%s" % ("never" if sent < 0 else "EAGAIN",
                                                               "yes" if sent >= 2000 else "no",
                                                               "all" if received == sent else "short", after)


SCENARIOS = {
    "push_pull_bind_first_1000_1000": lambda: push_pull(True, 1000, 1000),
    "push_pull_connect_first_1000_1000": lambda: push_pull(False, 1000, 1000),
    "pub_sub_1000_1000": lambda: pub_sub(1000, 1000),
    "pub_sub_100_100": lambda: pub_sub(100, 100),
    "xpub_nodrop_6000": xpub_nodrop,
    "immediate_on": lambda: immediate(True),
    "immediate_off": lambda: immediate(False),
}
for k in ("push", "dealer", "pair", "pub", "xpub", "router", "router_mandatory", "router_unknown"):
    SCENARIOS["action_" + k] = (lambda kind: lambda: action(kind))(k)
SCENARIOS["stream_tcp_full_peer"] = stream_full_peer
SCENARIOS["push_pull_tcp_full_peer"] = push_pull_tcp_full_peer

for name in sys.argv[2:]:
    print(name, SCENARIOS[name](), flush=True)
ctx.term()
