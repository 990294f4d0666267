#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Many connections to one socket: a zenmq PULL (bin/zenmq sock, one context, so one I/O thread) binds,
# peers.py opens N ZMTP 3.0 NULL connections as PUSH peers and completes their handshakes, then
# both idle. Prints the PULL process's open fds, threads, resident memory and the CPU it used
# while idle. N defaults to 10000; the process needs N + ~100 fds (ulimit -n).
# Usage: bench/scale/run.sh [N [IDLE_SECONDS]]   (ZENMQ_HOME picks another checkout to measure)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${ZENMQ_HOME:-$(cd "$here/../.." && pwd)}
n=${1:-10000}
idle=${2:-10}
zenmq=$root/bin/zenmq
"$zenmq" help >/dev/null   # builds the CLI on first use
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$zenmq" sock pull "@tcp://127.0.0.1:$port" -q </dev/null >/dev/null &
pull_pipeline=$!
peers=
cleanup() {
    [ -n "$peers" ] && kill "$peers" 2>/dev/null || true
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true
    kill "$pull_pipeline" 2>/dev/null || true
}
trap cleanup EXIT
pid=
for _ in $(seq 200); do
    pid=$(pgrep -f "sock pull @tcp://127.0.0.1:$port" | head -1 || true)
    [ -n "$pid" ] && ss -ltnH "sport = :$port" | grep -q . && break
    sleep 0.05
done
fds_before=$(ls "/proc/$pid/fd" | wc -l)
python3 "$here/peers.py" 127.0.0.1 "$port" "$n" $((idle + 5)) > "${TMPDIR:-/tmp}/zenmq-scale-peers.$$" &
peers=$!
until grep -q handshaken "${TMPDIR:-/tmp}/zenmq-scale-peers.$$" 2>/dev/null; do
    kill -0 "$peers" || { echo "peers failed" >&2; exit 1; }
    sleep 0.2
done
cat "${TMPDIR:-/tmp}/zenmq-scale-peers.$$"; rm -f "${TMPDIR:-/tmp}/zenmq-scale-peers.$$"
sleep 1
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
c0=$(cpu)
sleep "$idle"
c1=$(cpu)
hz=$(getconf CLK_TCK)
echo "connections $n: fds $fds_before -> $(ls "/proc/$pid/fd" | wc -l), threads $(ls "/proc/$pid/task" | wc -l)," \
    "rss $(awk '/VmRSS/{print $2, $3}' "/proc/$pid/status"), idle cpu $(awk -v a="$c0" -v b="$c1" -v h="$hz" -v s="$idle" \
    'BEGIN {printf "%.2f %%", (b - a) / h / s * 100}') over ${idle} s"
