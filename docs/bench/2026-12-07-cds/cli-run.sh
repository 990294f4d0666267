#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# Lab script of docs/bench/2026-12-07-cds.md; the paths are those of that day's scratch directory.
# cli-run.sh VARIANT(A|B|C|D) -> one line: version cpu, lat: listen ms, remote-lat cpu/wall, local-lat cpu; thr
J=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
T=/tmp/cds-w; CLI=/tmp/cds-w/cli.jar
AM=--add-modules=org.newsclub.net.unix,com.kohlschutter.junixsocket.nativecommon
case $1 in A) L=/tmp/cds-w/lib-s; X=;; B) L=/tmp/cds-w/lib-s; X="-XX:SharedArchiveFile=/tmp/cds-w/cli-s.jsa -Xlog:cds*=off";;
  C) L=/tmp/cds-w/lib-u; X=;; D) L=/tmp/cds-w/lib-u; X="-XX:SharedArchiveFile=/tmp/cds-w/cli-u.jsa -Xlog:cds*=off";; esac
G="-XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=40"
z() { $J $X "$@"; }
tc() { perf stat -x, -e task-clock -o /tmp/cds-w/ps.$1 "${@:2}"; awk -F, '/task-clock/{printf "%.0f", $1}' /tmp/cds-w/ps.$1; }
perf stat -x, -e task-clock -o /tmp/cds-w/ps.v $J -XX:TieredStopAtLevel=1 -XX:+UseSerialGC $X $AM -p $CLI:$L -m io.zenmq.cli/io.zenmq.cli.Main --version >/dev/null
v=$(awk -F, '/task-clock/{printf "%.0f", $1}' /tmp/cds-w/ps.v)
port=$((20000 + RANDOM % 20000))
s=$(date +%s%N)
( tc ll $J $G $X $AM -p $CLI:$L -m io.zenmq.cli/io.zenmq.cli.Main perf local-lat tcp://127.0.0.1:$port 16 10000 > /tmp/cds-w/llcpu ) &
while ! ss -ltnH "sport = :$port" | grep -q .; do sleep 0.005; done
listen=$(( ($(date +%s%N) - s) / 1000000 ))
s=$(date +%s%N)
rl=$(tc rl $J $G $X $AM -p $CLI:$L -m io.zenmq.cli/io.zenmq.cli.Main perf remote-lat tcp://127.0.0.1:$port 16 10000 | awk '/average/{print $3}')
rlwall=$(( ($(date +%s%N) - s) / 1000000 ))
wait
rlcpu=$(awk -F, '/task-clock/{printf "%.0f", $1}' /tmp/cds-w/ps.rl)
echo "$1 load=$(cut -d' ' -f1 /proc/loadavg) version_cpu=$v listen_ms=$listen rl_wall_ms=$rlwall rl_cpu=$rlcpu ll_cpu=$(cat /tmp/cds-w/llcpu) lat_us=$rl"
