#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# CPU seconds (user + system, /usr/bin/time) of each zenmq process in one CURVE tcp PUSH->PULL run:
# on a shared machine the throughput moves with the load, the CPU a side spends much less.
# Usage: bench/curve/cpu.sh [MSG_SIZE [MSG_COUNT [RUNS]]]; ZENMQ=path/to/bin/zenmq times another build,
# ZENMQ_PERF_CURVE=0 the NULL mechanism. Prints msg/s, the receiver's and the sender's CPU seconds,
# and the one-minute load average, one line per run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
size=${1:-65536}
count=${2:-5000}
runs=${3:-1}
zenmq=${ZENMQ:-$root/bin/zenmq}
curve=${ZENMQ_PERF_CURVE:-1}
"$zenmq" help >/dev/null   # builds the CLI on first use
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for _ in $(seq "$runs"); do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    ZENMQ_PERF_CURVE=$curve /usr/bin/time -o "$work/recv" -f '%U %S' \
        "$zenmq" perf local-thr "tcp://127.0.0.1:$port" "$size" "$count" >"$work/out" &
    pid=$!
    # the receiver binds first; the sender's connect is retried by ZeroMQ's reconnect
    ZENMQ_PERF_CURVE=$curve /usr/bin/time -o "$work/send" -f '%U %S' \
        "$zenmq" perf remote-thr "tcp://127.0.0.1:$port" "$size" "$count" >/dev/null
    wait "$pid"
    echo "$(awk '/msg\/s/ {print $3}' "$work/out") msg/s, CPU s: receiver $(awk '{print $1 + $2}' "$work/recv")" \
        "sender $(awk '{print $1 + $2}' "$work/send"), load $(cut -d ' ' -f 1 /proc/loadavg)"
done
