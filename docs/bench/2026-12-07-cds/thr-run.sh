#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# Lab script of docs/bench/2026-12-07-cds.md; the paths are those of that day's scratch directory.
# thr-run.sh VARIANT -> local-thr 16 B x 10M over tcp, both ends the same variant
J=/usr/lib/jvm/java-17-openjdk-amd64/bin/java
CLI=/tmp/cds-w/cli.jar
AM=--add-modules=org.newsclub.net.unix,com.kohlschutter.junixsocket.nativecommon
case $1 in A) L=/tmp/cds-w/lib-s; X=;; B) L=/tmp/cds-w/lib-s; X="-XX:SharedArchiveFile=/tmp/cds-w/cli-s.jsa -Xlog:cds*=off";;
  C) L=/tmp/cds-w/lib-u; X=;; D) L=/tmp/cds-w/lib-u; X="-XX:SharedArchiveFile=/tmp/cds-w/cli-u.jsa -Xlog:cds*=off";; esac
G="-XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=40"
port=$((20000 + RANDOM % 20000))
s=$(date +%s%N)
( perf stat -x, -e task-clock -o /tmp/cds-w/pt.lt $J $G $X $AM -p $CLI:$L -m io.zenmq.cli/io.zenmq.cli.Main perf local-thr tcp://127.0.0.1:$port 16 10000000 > /tmp/cds-w/lt.out ) &
while ! ss -ltnH "sport = :$port" | grep -q .; do sleep 0.005; done
listen=$(( ($(date +%s%N) - s) / 1000000 ))
perf stat -x, -e task-clock -o /tmp/cds-w/pt.rt $J $G $X $AM -p $CLI:$L -m io.zenmq.cli/io.zenmq.cli.Main perf remote-thr tcp://127.0.0.1:$port 16 10000000
wait
echo "$1 load=$(cut -d' ' -f1 /proc/loadavg) listen_ms=$listen thr=$(awk '/msg\/s/{print $3}' /tmp/cds-w/lt.out) lt_cpu=$(awk -F, '/task-clock/{printf "%.0f", $1}' /tmp/cds-w/pt.lt) rt_cpu=$(awk -F, '/task-clock/{printf "%.0f", $1}' /tmp/cds-w/pt.rt)"
