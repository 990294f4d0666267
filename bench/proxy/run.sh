#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# zenmq's proxy (bin/zenmq proxy) against libzmq's (zmq_proxy through python3-zmq), the same
# zenmq peers driving both over tcp on 127.0.0.1 (see README.md):
#   queue:  REQ clients -> ROUTER/DEALER proxy -> REP workers   (round trips per second)
#   stream: PUSH -> PULL/PUSH proxy -> PULL                       (messages per second)
# Rounds alternate which proxy goes first; each line is one run; medians at the end.
# Usage: bench/proxy/run.sh [ROUNDS] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-3}
seconds=${2:-5}
clients=${CLIENTS:-8}
workers=${WORKERS:-2}
size=${SIZE:-64}
count=${COUNT:-1000000}
python=${PYTHON:-/usr/bin/python3}   # the interpreter that has python3-zmq

"$root/bin/zenmq" help >/dev/null          # builds the CLI (and the core jar) on first use
core_jar=$(ls "$root"/zenmq-cli/target/lib/zenmq-core-*.jar | head -1)
peers() { java -cp "$core_jar" "$here/ProxyPeers.java" "$@"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_proxy IMPL FRONT_TYPE FRONT_PORT BACK_TYPE BACK_PORT: starts it in the background, sets proxy_pid
start_proxy() {
    local impl=$1 ft=$2 fp=$3 bt=$4 bp=$5
    if [ "$impl" = zenmq ]; then
        "$root/bin/zenmq" proxy "$ft" "@tcp://127.0.0.1:$fp" "$bt" "@tcp://127.0.0.1:$bp" &
    else
        "$python" "$here/libzmq_proxy.py" "$ft" "tcp://127.0.0.1:$fp" "$bt" "tcp://127.0.0.1:$bp" &
    fi
    proxy_pid=$!
}

stop_proxy() {
    kill -TERM "$proxy_pid" 2>/dev/null || true
    wait "$proxy_pid" 2>/dev/null || true
}

# one SHAPE IMPL: prints "SHAPE IMPL VALUE"
one() {
    local shape=$1 impl=$2 fp bp value
    fp=$(free_port)
    bp=$(free_port)
    if [ "$shape" = queue ]; then
        start_proxy "$impl" router "$fp" dealer "$bp"
        value=$(peers queue "tcp://127.0.0.1:$fp" "tcp://127.0.0.1:$bp" "$clients" "$workers" "$seconds" "$size")
    else
        start_proxy "$impl" pull "$fp" push "$bp"
        value=$(peers stream "tcp://127.0.0.1:$fp" "tcp://127.0.0.1:$bp" "$count" "$size")
    fi
    stop_proxy
    echo "$shape $impl ${value#* }"
}

results=$(mktemp)
echo "# load: $(cut -d ' ' -f 1-3 /proc/loadavg); clients=$clients workers=$workers size=$size count=$count" >&2
for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="zenmq libzmq"; else order="libzmq zenmq"; fi
    for shape in queue stream; do
        for impl in $order; do
            one "$shape" "$impl" | tee -a "$results" >&2
        done
    done
done
echo "| shape | zenmq (median) | libzmq (median) | zenmq / libzmq |"
echo "|---|---:|---:|---:|"
for shape in queue stream; do
    z=$(awk -v s="$shape" '$1 == s && $2 == "zenmq" {print $3}' "$results" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    l=$(awk -v s="$shape" '$1 == s && $2 == "libzmq" {print $3}' "$results" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    awk -v s="$shape" -v z="$z" -v l="$l" 'BEGIN {printf "| %s | %d | %d | %.2f |\n", s, z, l, z / l}'
done
rm -f "$results"
