#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# CURVE vs NULL throughput over tcp, PUSH->PULL, for every pairing of libzmq and zenmq:
# libzmq's side is curve_thr.c (built here), zenmq's is bin/zenmq perf with ZENMQ_PERF_CURVE=1.
# Usage: bench/curve/run.sh [MSG_SIZE [MSG_COUNT [RUNS]]]; prints one line per cell, the median of
# RUNS runs with min and max. ZENMQ=path/to/bin/zenmq times another build of zenmq (e.g. a checkout
# of the previous commit, for before/after); MODES="curve" skips the NULL cells.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
size=${1:-16}
count=${2:-1000000}
runs=${3:-3}
tool=$(mktemp -d)/curve_thr
trap 'rm -rf "$(dirname "$tool")"' EXIT
cc -O2 -Wall -Wextra -o "$tool" "$here/curve_thr.c" -lzmq
zenmq=${ZENMQ:-$root/bin/zenmq}
"$zenmq" help >/dev/null   # builds the CLI on first use

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# one run: LOCAL REMOTE MODE (curve|null) -> msg/s
one() {
    local local_side=$1 remote_side=$2 mode=$3 port out
    port=$(free_port)
    out=$(mktemp)
    local flag=0
    [ "$mode" = curve ] && flag=1
    if [ "$local_side" = libzmq ]; then
        PERF_CURVE=$flag "$tool" local "tcp://127.0.0.1:$port" "$size" "$count" >"$out" &
    else
        ZENMQ_PERF_CURVE=$flag "$zenmq" perf local-thr "tcp://127.0.0.1:$port" "$size" "$count" >"$out" &
    fi
    local pid=$!
    # the receiver binds first; retry the sender's connect implicitly (ZeroMQ reconnects)
    if [ "$remote_side" = libzmq ]; then
        PERF_CURVE=$flag "$tool" remote "tcp://127.0.0.1:$port" "$size" "$count"
    else
        ZENMQ_PERF_CURVE=$flag "$zenmq" perf remote-thr "tcp://127.0.0.1:$port" "$size" "$count"
    fi
    wait "$pid"
    awk '/msg\/s/ {print $3}' "$out"
    rm -f "$out"
}

echo "tcp PUSH->PULL, $size B x $count, median of $runs [min-max] msg/s; load: $(cut -d ' ' -f 1-3 /proc/loadavg)"
for mode in ${MODES:-null curve}; do
    for pair in "libzmq libzmq" "zenmq zenmq" "libzmq zenmq" "zenmq libzmq"; do
        set -- $pair
        results=()
        for _ in $(seq "$runs"); do
            results+=("$(one "$2" "$1" "$mode")")
        done
        sorted=$(printf '%s\n' "${results[@]}" | sort -n)
        median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
        echo "$mode sender=$1 receiver=$2: $median [$(echo "$sorted" | head -1)-$(echo "$sorted" | tail -1)]"
    done
done
