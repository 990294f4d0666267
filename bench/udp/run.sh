#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# udp RADIO -> DISH throughput and loss, zenmq and libzmq 4.3.5 (npm zeromq 6.8.0, drafts) side by
# side: each sender blasts COUNT messages of SIZE bytes to one group as fast as it can, the DISH
# counts what arrives until a second passes without any. Four pairs per round (sender -> receiver):
# zenmq->zenmq, libzmq->libzmq, zenmq->libzmq, libzmq->zenmq, over udp://127.0.0.1. Both peers
# speak the line protocol of zenmq-interop's udp-peer.js / UdpJavaPeer (the interop test drivers).
# Prints one line per run: "SENDER RECEIVER sent/s received/s loss%"; medians at the end.
# Usage: bench/udp/run.sh [ROUNDS] ; env COUNT (200000), SIZE (64)
# Needs: npm ci --prefix zenmq-interop/node, and the interop test classes (built on first use).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-3}
count=${COUNT:-200000}
size=${SIZE:-64}
export NODE_PATH="$root/zenmq-interop/node/node_modules"
script="$root/zenmq-interop/src/test/resources/io/zenmq/interop/udp-peer.js"
classes="$root/zenmq-interop/target/test-classes"
core="$root/zenmq-core/target/classes"
if [ ! -f "$classes/io/zenmq/interop/UdpJavaPeer.class" ] || [ ! -d "$core/io/zenmq" ]; then
    (cd "$root" && mvn -B -q -o test-compile -pl zenmq-interop -am >/dev/null)
fi
[ -d "$NODE_PATH/zeromq" ] || { echo "run: npm ci --prefix zenmq-interop/node" >&2; exit 2; }
# the core's runtime libraries (Bouncy Castle, junixsocket), as bin/zenmq lays them out
[ -d "$root/zenmq-cli/target/lib" ] || "$root/bin/zenmq" help >/dev/null
peer() { # IMPL ARGS...
    local impl=$1; shift
    if [ "$impl" = zenmq ]; then java -cp "$core:$classes:$root/zenmq-cli/target/lib/*" io.zenmq.interop.UdpJavaPeer "$@"
    else node "$script" "$@"; fi
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# one SENDER RECEIVER: prints "SENDER RECEIVER sent/s received/s loss%"
one() {
    local sender=$1 receiver=$2 out="$work/receiver.out" endpoint sent rcvd
    : > "$out"
    printf 'count 1000\nquit\n' | peer "$receiver" dish bind "udp://127.0.0.1:{port}" join=g > "$out" &
    local receiver_pid=$!
    until grep -q '^ready ' "$out"; do sleep 0.05; done
    endpoint=$(sed -n 's/^ready //p' "$out")
    sent=$(printf 'blast g %s %s\nquit\n' "$count" "$size" | peer "$sender" radio connect "$endpoint" | grep '^sent')
    wait "$receiver_pid"
    rcvd=$(grep '^done' "$out")
    # sent: "sent N SECONDS"; rcvd: "done COUNT SECONDS"
    awk -v s="$sent" -v r="$rcvd" -v a="$sender" -v b="$receiver" 'BEGIN {
        split(s, x, " "); split(r, y, " ");
        rate = y[3] > 0 ? y[2] / y[3] : 0;
        printf "%s %s %.0f %.0f %.1f\n", a, b, x[2] / x[3], rate, 100 * (1 - y[2] / x[2]) }'
}

results="$work/results"
echo "# load: $(cut -d ' ' -f 1-3 /proc/loadavg); count=$count size=$size; $(nproc) cores" >&2
for round in $(seq 1 "$rounds"); do
    for pair in "zenmq zenmq" "libzmq libzmq" "zenmq libzmq" "libzmq zenmq"; do
        # shellcheck disable=SC2086
        one $pair | tee -a "$results"
    done
done
echo "# medians: sender receiver sent/s received/s loss%"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for pair in "zenmq zenmq" "libzmq libzmq" "zenmq libzmq" "libzmq zenmq"; do
    rows=$(grep "^$pair " "$results")
    echo "$pair $(awk '{ print $3 }' <<< "$rows" | median) $(awk '{ print $4 }' <<< "$rows" | median)" \
        "$(awk '{ print $5 }' <<< "$rows" | median)"
done
