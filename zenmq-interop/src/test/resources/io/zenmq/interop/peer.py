# SPDX-License-Identifier: MPL-2.0
"""A libzmq peer for zenmq's interop tests, driven by one line per command on stdin.

Every command gets exactly one reply line on stdout. Frames travel as lowercase hex, a
message as its frames joined by commas, so any bytes pass and an empty frame is an empty
string. The first line printed is "READY <libzmq version>". The peer exits when stdin closes.

    socket TYPE               -> OK                 (PAIR, PUSH, PULL, REQ, REP, ...)
    setsockopt NAME VALUE     -> OK                 (VALUE: int, or hex for byte options)
    getsockopt NAME           -> OK                 (the value itself is not reported)
    bind ENDPOINT             -> OK <last endpoint>
    unbind | connect | disconnect ENDPOINT -> OK
    send HEX,HEX,...          -> OK                 (one multipart message)
    recv TIMEOUT_MS           -> MSG HEX,HEX,... | TIMEOUT
    recvn N TIMEOUT_MS        -> DIGEST <count> <sha256 hex>  (count < N: timed out)
    sendn N SIZE              -> OK N               (single-frame messages numbered 0..N-1)
    echo N TIMEOUT_MS         -> OK <count>         (receive a message, send it back; N times)
    keypair                   -> OK PUBLIC SECRET   (a fresh CURVE key pair from libzmq, Z85)
    zap RULE [HEX...]         -> OK                 (serve ZAP in this context: any = 200 for all,
                                                   none = 400 for all, plain USER PASS, curve KEY)
    close                     -> OK
    quit                      -> OK, then exit
    anything that fails       -> ERR <reason>

The digest hashes, per message: frame count (uint32 BE), then per frame its length
(uint32 BE) and bytes. Numbered message i is uint32 BE i followed by bytes 0, 1, 2, ...
(mod 256), cut to SIZE bytes. LibzmqPeer's Java twins must stay in step with both.
"""
import errno
import functools
import hashlib
import struct
import sys
import threading
import time
import traceback

import zmq

BYTE_OPTIONS = {"ROUTING_ID", "IDENTITY", "SUBSCRIBE", "UNSUBSCRIBE", "CONNECT_ROUTING_ID", "PLAIN_USERNAME",
                "PLAIN_PASSWORD", "CURVE_PUBLICKEY", "CURVE_SECRETKEY", "CURVE_SERVERKEY", "ZAP_DOMAIN", "XPUB_WELCOME_MSG"}
DEFAULT_LINGER_MS = 2000
DEFAULT_SNDTIMEO_MS = 10000


def decode(text):
    return [bytes.fromhex(frame) for frame in text.split(",")]


def encode(frames):
    return ",".join(frame.hex() for frame in frames)


def numbered(index, size):
    return (struct.pack(">I", index) + filler(size - 4))[:size]


@functools.lru_cache(maxsize=4)
def filler(length):
    length = max(0, length)
    return (bytes(range(256)) * (length // 256 + 1))[:length]


def absorb(digest, frames):
    digest.update(struct.pack(">I", len(frames)))
    for frame in frames:
        digest.update(struct.pack(">I", len(frame)))
        digest.update(frame)


def errno_name(number):
    try:
        return zmq.Errno(number).name
    except ValueError:
        return errno.errorcode.get(number, str(number))


def serve_zap(handler, rule, credentials):
    """Answers ZAP requests (RFC 27) until the context terminates; user id "user" on success."""
    try:
        while True:
            request = handler.recv_multipart()
            version, request_id, mechanism = request[0], request[1], request[5]
            if rule == "any":
                admitted = True
            elif rule in ("plain", "curve"):
                admitted = mechanism == rule.upper().encode() and request[6:] == credentials
            else:
                admitted = False
            handler.send_multipart([version, request_id, b"200" if admitted else b"400",
                                    b"OK" if admitted else b"denied", b"user" if admitted else b"", b""])
    except zmq.ContextTerminated:
        handler.close(0)


class Peer:
    def __init__(self):
        self.context = zmq.Context()
        self.sock = None
        self.zap_thread = None

    def cmd_keypair(self):
        public, secret = zmq.curve_keypair()
        return "OK %s %s" % (public.decode("ascii"), secret.decode("ascii"))

    def cmd_zap(self, rule, *credentials):
        handler = self.context.socket(zmq.REP)
        handler.bind("inproc://zeromq.zap.01")
        self.zap_thread = threading.Thread(
            target=serve_zap, args=(handler, rule, [bytes.fromhex(c) for c in credentials]), daemon=True)
        self.zap_thread.start()
        return "OK"

    def shutdown(self):
        if self.zap_thread is None:
            self.context.destroy(linger=0)
            return
        # the handler thread owns its socket: it closes it when term() interrupts it
        if self.sock is not None:
            self.sock.close(0)
        self.context.term()

    def cmd_socket(self, kind):
        if self.sock is not None:
            self.sock.close(0)
        self.sock = self.context.socket(getattr(zmq, kind.upper()))
        self.sock.setsockopt(zmq.LINGER, DEFAULT_LINGER_MS)
        self.sock.setsockopt(zmq.SNDTIMEO, DEFAULT_SNDTIMEO_MS)
        return "OK"

    def cmd_setsockopt(self, name, value=""):
        option = getattr(zmq, name.upper())
        self.sock.setsockopt(option, bytes.fromhex(value) if name.upper() in BYTE_OPTIONS else int(value))
        return "OK"

    def cmd_getsockopt(self, name):
        self.sock.getsockopt(getattr(zmq, name.upper()))
        return "OK"

    def cmd_bind(self, endpoint):
        self.sock.bind(endpoint)
        return "OK " + self.sock.getsockopt_string(zmq.LAST_ENDPOINT)

    def cmd_unbind(self, endpoint):
        self.sock.unbind(endpoint)
        return "OK"

    def cmd_connect(self, endpoint):
        self.sock.connect(endpoint)
        return "OK"

    def cmd_disconnect(self, endpoint):
        self.sock.disconnect(endpoint)
        return "OK"

    def cmd_send(self, frames=""):
        self.sock.send_multipart(decode(frames))
        return "OK"

    def cmd_recv(self, timeout_ms):
        frames = self.recv_before(deadline_after(timeout_ms))
        return "TIMEOUT" if frames is None else "MSG " + encode(frames)

    def cmd_recvn(self, count, timeout_ms):
        deadline = deadline_after(timeout_ms)
        digest = hashlib.sha256()
        received = 0
        while received < int(count):
            frames = self.recv_before(deadline)
            if frames is None:
                break
            absorb(digest, frames)
            received += 1
        return "DIGEST %d %s" % (received, digest.hexdigest())

    def cmd_sendn(self, count, size):
        for index in range(int(count)):
            self.sock.send(numbered(index, int(size)))
        return "OK %d" % int(count)

    def cmd_echo(self, count, timeout_ms):
        deadline = deadline_after(timeout_ms)
        echoed = 0
        while echoed < int(count):
            frames = self.recv_before(deadline)
            if frames is None:
                break
            self.sock.send_multipart(frames)
            echoed += 1
        return "OK %d" % echoed

    def cmd_close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        return "OK"

    def recv_before(self, deadline):
        """Receives one whole message, or returns None once the monotonic deadline passes."""
        while True:
            try:
                return self.sock.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                left_ms = int((deadline - time.monotonic()) * 1000)
                if left_ms <= 0:
                    return None
                self.sock.poll(left_ms, zmq.POLLIN)


def deadline_after(timeout_ms):
    return time.monotonic() + int(timeout_ms) / 1000.0


def answer(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main():
    peer = Peer()
    answer("READY " + zmq.zmq_version())
    for line in sys.stdin:
        words = line.rstrip("\r\n").split(" ")
        if words[0] == "quit":
            answer("OK")
            break
        handler = getattr(peer, "cmd_" + words[0], None)
        try:
            if handler is None:
                raise ValueError("unknown command " + repr(words[0]))
            answer(handler(*words[1:]))
        except zmq.ZMQError as error:
            answer("ERR %s %s" % (errno_name(error.errno), error.strerror))
        except Exception as error:  # a bad command must not kill the peer
            traceback.print_exc(file=sys.stderr)
            answer("ERR %s %s" % (type(error).__name__, " ".join(str(error).split())))
    peer.shutdown()


if __name__ == "__main__":
    main()
