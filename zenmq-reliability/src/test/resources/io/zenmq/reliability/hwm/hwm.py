# SPDX-License-Identifier: MPL-2.0
# The HWM scenarios of HwmTest, run against libzmq through pyzmq; prints "name result" per line.
# Each scenario here has a twin in HwmTest.java: same sockets, same options, same steps.
import os
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

for name in sys.argv[2:]:
    print(name, SCENARIOS[name](), flush=True)
ctx.term()
