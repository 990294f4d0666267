#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# One thread hand-off, C against Java, on this machine: builds handoff.c and runs every C
# primitive, then zenmq-jmh's HandoffBenchmark (park, selector, tcp-selector, tcp-blocking).
# Both print one-way microseconds (round trip / 2). See README.md.
# Usage: bench/handoff/run.sh [ROUNDTRIPS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-200000}
bin=$(mktemp -d "${TMPDIR:-/tmp}/zenmq-handoff.XXXXXX")/handoff
gcc -O2 -Wall -Wextra -o "$bin" "$here/handoff.c" -lpthread
for primitive in cond eventfd epoll tcp-epoll tcp-block; do
    "$bin" "$primitive" "$rounds"
done
"$root/zenmq-jmh/run.sh" --no-wait HandoffBenchmark
