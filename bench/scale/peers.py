# SPDX-License-Identifier: MPL-2.0
# Opens N ZMTP 3.0 NULL connections as PUSH peers to HOST:PORT, completes the handshake, then idles.
import socket, struct, sys, time
host, port, n, hold = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
greeting = b'\xff' + b'\x00' * 8 + b'\x7f' + b'\x03\x00' + b'NULL'.ljust(20, b'\x00') + b'\x00' + b'\x00' * 31
prop = b'\x0bSocket-Type' + struct.pack('>I', 4) + b'PUSH'
body = b'\x05READY' + prop
ready = bytes([0x04, len(body)]) + body
socks = []
t0 = time.time()
for i in range(n):
    s = socket.create_connection((host, port))
    s.sendall(greeting + ready)
    socks.append(s)
for s in socks:  # their greeting (64) and READY
    got = b''
    while len(got) < 64 + 2:
        chunk = s.recv(4096)
        if not chunk:
            raise SystemExit('closed by peer')
        got += chunk
print(f'{n} connections handshaken in {time.time() - t0:.1f} s', flush=True)
time.sleep(hold)
