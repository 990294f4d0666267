#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Many peers over tcp on 127.0.0.1: one hub (a PUB, a PUSH or a ROUTER), zenmq's (Hub.java) or libzmq's
# (hub.c), against the same 1 000 raw ZMTP peers (peers.c, one epoll thread). Rounds alternate which
# hub goes first. Cells:
#   pub16, pub1k:  PUB publishing 16 B / 1 KiB for SECONDS to N SUBs; delivered messages per second
#                  (all SUBs together, first to last received), the least any SUB got, what was dropped
#   push16:        PUSH sending 16 B for SECONDS to N PULLs (a send waits while every queue is full);
#                  delivered messages per second, the least any PULL got
#   router16:      ROUTER echoing 16 B requests of N DEALERs, each keeping WINDOW in flight; replies/s
# For each run: the hub's peak RSS and thread count (sampled from /proc), for zenmq also bytes
# allocated per message, collections and heap (from the JVM). Default HWMs everywhere.
# Usage: bench/many-peers/run.sh [ROUNDS [SECONDS]]   env: PEERS (1000), WINDOW (10), CELLS, ONLY (zenmq or libzmq),
# ZENMQ_JAR (the core jar or classes to measure; default: the CLI's build), HUB_JAVA_OPTS (the zenmq hub's JVM options)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-3}
seconds=${2:-5}
n=${PEERS:-1000}
window=${WINDOW:-10}
cells=${CELLS:-pub16 pub1k push16 router16}
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge $((n + 100)) ] || { echo "ulimit -n $(ulimit -n) is below $((n + 100))" >&2; exit 1; }

work=$(mktemp -d)
cleanup() {
    for p in ${hub_pid:-} ${peers_pid:-}; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
gcc -O2 -o "$work/peers" "$here/peers.c"
gcc -O2 -o "$work/hub" "$here/hub.c" -lzmq
if [ -z "${ZENMQ_JAR:-}" ]; then
    "$root/bin/zenmq" help >/dev/null          # builds the CLI (and the core jar) on first use
    ZENMQ_JAR=$(ls "$root"/zenmq-cli/target/lib/zenmq-core-*.jar | head -1)
fi
javac -d "$work" -cp "$ZENMQ_JAR" "$here/Hub.java"
cp=$ZENMQ_JAR:$work:$(ls "$root"/zenmq-cli/target/lib/*.jar | tr '\n' ':')

wait_for() { # FILE PATTERN PID
    until grep -q "$2" "$1" 2>/dev/null; do
        kill -0 "$3" 2>/dev/null || { echo "process $3 ended before '$2':" >&2; cat "$1" >&2; exit 1; }
        sleep 0.05
    done
}
cpu_ticks() { # PID: user and system CPU of the process so far, in clock ticks
    awk '{sub(/^.*\) /, ""); print $12, $13}' "/proc/$1/stat"
}
sample() { # PID: records the peak RSS (kB) and the thread count in $work/peak until PID ends
    local rss threads peak=0 peak_threads=0
    while [ -r "/proc/$1/status" ]; do
        rss=$(awk '/VmRSS/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0)
        threads=$(awk '/Threads/{print $2}' "/proc/$1/status" 2>/dev/null || echo 0)
        [ "${rss:-0}" -gt "$peak" ] && peak=$rss
        [ "${threads:-0}" -gt "$peak_threads" ] && peak_threads=$threads
        echo "$peak $peak_threads" > "$work/peak"
        sleep 0.2
    done
}

# one CELL IMPL: prints one result line
one() {
    local cell=$1 impl=$2 kind size ep host port
    case $cell in
        pub16) kind=pub; size=16 ;;
        pub1k) kind=pub; size=1024 ;;
        push16) kind=push; size=16 ;;
        router16) kind=router; size=16 ;;
    esac
    rm -f "$work/in" "$work/hub.out" "$work/peers.out" "$work/peak"
    mkfifo "$work/in"
    if [ "$impl" = zenmq ]; then
        java ${HUB_JAVA_OPTS-} -cp "$cp" Hub $kind $size "$seconds" < "$work/in" > "$work/hub.out" &
    else
        "$work/hub" $kind $size "$seconds" < "$work/in" > "$work/hub.out" &
    fi
    hub_pid=$!
    exec 3> "$work/in"
    wait_for "$work/hub.out" endpoint "$hub_pid"
    ep=$(awk '/endpoint/{print $2}' "$work/hub.out")
    host=${ep#tcp://}; port=${host##*:}; host=${host%:*}
    if [ $kind = pub ]; then
        "$work/peers" sub "$host" "$port" "$n" > "$work/peers.out" &
    elif [ $kind = push ]; then
        "$work/peers" pull "$host" "$port" "$n" > "$work/peers.out" &
    else
        "$work/peers" dealer "$host" "$port" "$n" "$window" "$seconds" > "$work/peers.out" &
    fi
    peers_pid=$!
    wait_for "$work/peers.out" ready "$peers_pid"
    sample "$hub_pid" &
    local sampler=$!
    [ $kind = pub ] && sleep 1   # the subscriptions reach the PUB (they follow each READY at once)
    local cpu_start cpu_end=""
    cpu_start=$(cpu_ticks "$hub_pid")
    echo go >&3
    wait "$peers_pid"
    [ $kind = router ] && cpu_end=$(cpu_ticks "$hub_pid")
    if [ $kind != router ]; then
        exec 3>&-
        wait "$hub_pid"
    else
        echo stats >&3
        wait_for "$work/hub.out" "^jvm\|^endpoint" "$hub_pid"
        [ "$impl" = zenmq ] && { until [ "$(grep -c '^jvm' "$work/hub.out")" -ge 2 ]; do sleep 0.05; done; }
        exec 3>&-
        kill "$hub_pid"; wait "$hub_pid" 2>/dev/null || true
    fi
    wait "$sampler" 2>/dev/null || true
    local line sent="" jvm=""
    line=$(grep -E '^(sub|pull|dealer)' "$work/peers.out")
    if [ $kind = pub ]; then
        sent=$(awk '/^sent/{print $2}' "$work/hub.out")
        sent=" sent=$sent dropped=$((sent * n - $(sed 's/.*total=\([0-9]*\).*/\1/' <<< "$line")))"
    elif [ $kind = push ]; then
        sent=$(awk '/^sent/{print $2}' "$work/hub.out")
        sent=" sent=$sent undelivered=$((sent - $(sed 's/.*total=\([0-9]*\).*/\1/' <<< "$line")))"
    fi
    [ "$impl" = zenmq ] && jvm=" $(grep '^jvm' "$work/hub.out" | tail -1 | cut -d ' ' -f 2-)"
    local cpu=""
    if [ -n "$cpu_end" ]; then
        cpu=$(awk -v start="$cpu_start" -v end="$cpu_end" -v hz="$(getconf CLK_TCK)" \
            -v n="$(sed 's/.*total=\([0-9]*\).*/\1/' <<< "$line")" 'BEGIN {
                split(start, a, " "); split(end, b, " "); f = 1e6 / hz / n
                printf " hub_cpu_us_per_msg=%.2f hub_sys_us_per_msg=%.2f", (b[1] - a[1] + b[2] - a[2]) * f, (b[2] - a[2]) * f }')
    fi
    echo "$cell $impl ${line#* }$sent$cpu rss_kb=$(cut -d ' ' -f 1 "$work/peak") threads=$(cut -d ' ' -f 2 "$work/peak")$jvm"
}

results=$work/results
echo "# $(date -u +%FT%TZ) load: $(cut -d ' ' -f 1-3 /proc/loadavg) cores: $(nproc) peers=$n window=$window seconds=$seconds"
for round in $(seq 1 "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then order="zenmq libzmq"; else order="libzmq zenmq"; fi
    [ -n "${ONLY:-}" ] && order=$ONLY
    for cell in $cells; do
        for impl in $order; do
            one "$cell" "$impl" | tee -a "$results"
        done
    done
    echo "# after round $round load: $(cut -d ' ' -f 1-3 /proc/loadavg)"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed "s/.* $1=\([0-9.]*\).*/\1/"; }
echo "| cell | zenmq msg/s (median) | libzmq msg/s (median) | zenmq / libzmq | zenmq min/peer | libzmq min/peer | zenmq RSS MB | libzmq RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for cell in $cells; do
    z=$(grep "^$cell zenmq" "$results" | field rate | median)
    l=$(grep "^$cell libzmq" "$results" | field rate | median)
    zm=$(grep "^$cell zenmq" "$results" | field min | median)
    lm=$(grep "^$cell libzmq" "$results" | field min | median)
    zr=$(grep "^$cell zenmq" "$results" | field rss_kb | median)
    lr=$(grep "^$cell libzmq" "$results" | field rss_kb | median)
    awk -v c="$cell" -v z="$z" -v l="$l" -v zm="$zm" -v lm="$lm" -v zr="$zr" -v lr="$lr" \
        'BEGIN {printf "| %s | %d | %d | %.2f | %d | %d | %d | %d |\n", c, z, l, z / l, zm, lm, zr / 1024, lr / 1024}'
done
