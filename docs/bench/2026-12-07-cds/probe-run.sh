#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# Lab script of docs/bench/2026-12-07-cds.md; the paths are those of that day's scratch directory.
# usage: probe-run.sh JAVA LIBDIR JSA_PREFIX(or -) N SIZE ; prints one line
J=$1; LIB=$2; JSA=$3; N=$4; SIZE=${5:-16}
MP=/tmp/cds-w/probe/probe.jar:$LIB
opts() { if [ "$JSA" != - ]; then echo "-XX:SharedArchiveFile=$JSA-$1.jsa -Xlog:cds*=off"; fi; }
exec 3< <(T0=$(($(date +%s%N)/1000000)) exec $J $(opts rep) -p $MP -m cdsprobe/probe.Probe rep tcp://127.0.0.1:0 $N $SIZE)
read -r line <&3
ep=$(echo "$line" | awk '{print $2}')
r=$(T0=$(($(date +%s%N)/1000000)) $J $(opts req) -p $MP -m cdsprobe/probe.Probe req $ep $N $SIZE)
wait
echo "$line | $r"
