#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# The reliability soak: a PUSH->PULL stream through two network namespaces while a seeded nemesis
# applies one fault after another (delay+loss+reordering, loss, cut, silence, reset, slow link,
# sender SIGKILLed, receiver SIGSTOPped). Prints one row per fault: messages moved, loss in the
# fault, the oracle's verdict, one-way latency percentiles, both peers' fds/threads/heap.
#
#   reliability/soak.sh [--minutes N] [--seed S] [--rate MSGS_PER_S]
#
# Needs root (namespaces, iptables), gcc and libnetfilter-queue-dev (see docs/reliability.md).
# Stops by itself after the duration (plus at most a few minutes of shutdown); the report is
# written to zenmq-reliability/target/soak/. Run it niced on a shared machine:
#   nice -n 19 reliability/soak.sh --minutes 10
set -euo pipefail

minutes=10
seed=""
rate=5000
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    *) sed -n '3,14p' "$0"; exit 2 ;;
  esac
done
[[ $minutes =~ ^[0-9]+$ ]] || { echo "soak: --minutes must be a whole number" >&2; exit 2; }
[[ $rate =~ ^[0-9]+$ ]] || { echo "soak: --rate must be a whole number" >&2; exit 2; }
[ -z "$seed" ] || [[ $seed =~ ^[0-9]+$ ]] || { echo "soak: --seed must be a whole number" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "soak: needs root (network namespaces, iptables)" >&2; exit 2; }

cd "$(dirname "${BASH_SOURCE[0]}")/.."
args=(-B -pl zenmq-reliability -am test -Dtest=SoakTest -Dsurefire.failIfNoSpecifiedTests=false
      -Dgroups=soak -Dzenmq.excludedGroups=none)
# the test JVM is a fork: argLine carries the soak's settings to it
argline="-Dzenmq.soak.minutes=$minutes -Dzenmq.soak.rate=$rate"
[ -z "$seed" ] || argline+=" -Dzenmq.soak.seed=$seed"
# a hard stop well after the soak's own end, so that nothing outlives a broken run
timeout --kill-after=60 $(( minutes * 60 + 900 )) mvn "${args[@]}" -DargLine="$argline"
