#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# The issue-7 memory target: a 1 GiB message through tcp with each side's heap capped at 2200 MiB.
# bin/zenmq perf local-thr/remote-thr send COUNT messages of SIZE bytes (default 2 x 1 GiB) over
# loopback tcp, both JVMs with -Xmx2200m (an OutOfMemoryError fails the run) and GC logging.
# Prints each side's exit status, the largest heap use the GC log shows and the peak RSS.
# Usage: bench/memory/run.sh [SIZE [COUNT [XMX]]]   (ZENMQ_HOME picks another checkout)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${ZENMQ_HOME:-$(cd "$here/../.." && pwd)}
size=${1:-1073741824}
count=${2:-2}
xmx=${3:-2200m}
zenmq=$root/bin/zenmq
"$zenmq" help >/dev/null   # builds the CLI on first use
out=$(mktemp -d "${TMPDIR:-/tmp}/zenmq-memory.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
side() {
    local name=$1; shift
    ZENMQ_JAVA_OPTS="-Xmx$xmx -Xlog:gc:file=$out/$name.gc.log" \
        /usr/bin/time -f "%M" -o "$out/$name.rss" "$zenmq" perf "$@" >"$out/$name.out" 2>"$out/$name.err"
}
side recv local-thr "tcp://127.0.0.1:$port" "$size" "$count" &
recv=$!
for _ in $(seq 200); do
    ss -ltnH "sport = :$port" | grep -q . && break
    sleep 0.05
done
send_rc=0
side send remote-thr "tcp://127.0.0.1:$port" "$size" "$count" || send_rc=$?
recv_rc=0
wait "$recv" || recv_rc=$?
for name in send recv; do
    rc=$([ "$name" = send ] && echo "$send_rc" || echo "$recv_rc")
    # "1548M->1548M(2200M)": the heap before a collection is the most it held
    peak=$(grep -o '[0-9]*M->[0-9]*M' "$out/$name.gc.log" | cut -dM -f1 | sort -n | tail -1)
    echo "$name: exit $rc, heap peak ${peak:-<no collection>} MiB of $xmx, peak RSS $(( $(cat "$out/$name.rss" | tail -1) / 1024 )) MiB"
done
grep -h "throughput" "$out/recv.out" || true
echo "logs: $out"
[ "$send_rc" = 0 ] && [ "$recv_rc" = 0 ]
