#!/usr/bin/env bash
# SPDX-License-Identifier: MPL-2.0
# Builds zenmq-jmh/target/benchmarks.jar and runs JMH benchmarks, writing the results under
# zenmq-jmh/target/results/<time>/: result.json (JMH's JSON), output.txt (the console), load.txt
# (machine load before and after) and, with --jfr, one flight recording plus a jfr-summary.txt
# summary per benchmark. See docs/performance.md ("JMH benchmarks").
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: zenmq-jmh/run.sh [options] [REGEX ...] [-- JMH_OPTIONS ...]

  REGEX            benchmarks to run (JMH include patterns), e.g. PushPull 'Codec.*decode';
                   none: all of them
  --gc             allocation per operation: -prof gc (gc.alloc.rate.norm, whole JVM) and the
                   per-side SideAllocProfiler (alloc.send.norm, alloc.recv.norm, ...)
  --jfr            flight recording of the measurement iterations, summarised per thread role:
                   allocation sites and CPU hot spots with line numbers (jfr-summary.txt)
  -p NAME=V1,V2    restrict a parameter, e.g. -p transport=tcp -p size=16 (repeatable)
  -f N             forks (default 1)
  -wi N / -i N     warm-up / measurement iterations (default: each class's own, 3-5 and 5)
  -w T / -r T      warm-up / measurement iteration time (default 1s)
  --smoke          one short iteration of everything, to check that it runs (not a measurement)
  --no-build       use the jar already built
  --no-wait        do not wait for a quiet machine first
  -h, --help       this text
Anything after "--" goes to JMH unchanged (java -jar benchmarks.jar -h lists it).

Environment: JAVA (java binary), MVN (maven binary), QUIET_PCT (25: the most CPU the rest of the
machine may use before a run starts), QUIET_WAIT (120: seconds to wait for that, then run anyway
and say so in load.txt), OUT (results folder).
USAGE
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
java_bin=${JAVA:-java}
mvn_bin=${MVN:-mvn}
quiet_pct=${QUIET_PCT:-25}
quiet_wait=${QUIET_WAIT:-120}

build=1
wait_quiet=1
jfr=0
jmh_args=()
includes=()
while (($#)); do
    case "$1" in
        --gc) jmh_args+=(-prof gc -prof io.zenmq.jmh.support.SideAllocProfiler) ;;
        --jfr) jfr=1 ;;
        --smoke) jmh_args+=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms) ;;
        --no-build) build=0 ;;
        --no-wait) wait_quiet=0 ;;
        -p|-f|-wi|-i|-w|-r)
            (($# >= 2)) || { echo "run.sh: $1 needs a value" >&2; exit 2; }
            jmh_args+=("$1" "$2"); shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; jmh_args+=("$@"); break ;;
        -*) echo "run.sh: unknown option $1 (JMH options go after --)" >&2; usage >&2; exit 2 ;;
        *) includes+=("$1") ;;
    esac
    shift
done

# Percentage of CPU time the whole machine spent busy over one second (from /proc/stat).
cpu_busy_pct() {
    local a b
    read -r -a a < <(head -n1 /proc/stat)
    sleep 1
    read -r -a b < <(head -n1 /proc/stat)
    local total=0 idle i
    for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
    idle=$((b[4] - a[4] + b[5] - a[5]))
    ((total > 0)) || { echo 0; return; }
    echo $(((100 * (total - idle)) / total))
}

if ((build)); then
    echo "run.sh: building zenmq-jmh/target/benchmarks.jar" >&2
    "$mvn_bin" -B -q -f "$root/pom.xml" package -pl zenmq-jmh -am -DskipTests
fi
jar="$here/target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "run.sh: $jar is missing (drop --no-build)" >&2; exit 1; }

out=${OUT:-"$here/target/results/$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$out"
if ((jfr)); then
    jmh_args+=(-prof "jfr:dir=$out/jfr;postProcessor=io.zenmq.jmh.support.JfrSummary")
fi

{
    echo "host: $(nproc) CPUs, $(uname -sr), $("$java_bin" -version 2>&1 | head -n1)"
    echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "before: $(uptime)"
} > "$out/load.txt"
if ((wait_quiet)); then
    waited=0
    while busy=$(cpu_busy_pct); ((busy >= quiet_pct)); do
        if ((waited >= quiet_wait)); then
            echo "run.sh: machine still ${busy}% busy after ${waited}s; running anyway" >&2
            break
        fi
        waited=$((waited + 1))
    done
    echo "quiet gate: ${busy}% busy at start (limit ${quiet_pct}%, waited ${waited}s)" >> "$out/load.txt"
fi

echo "run.sh: results in $out" >&2
status=0
"$java_bin" -jar "$jar" "${includes[@]}" "${jmh_args[@]}" -rf json -rff "$out/result.json" \
    2>&1 | tee "$out/output.txt" || status=$?
echo "after: $(uptime)" >> "$out/load.txt"
cat "$out/load.txt" >&2
if ((jfr)) && [[ -d "$out/jfr" ]]; then
    find "$out/jfr" -name jfr-summary.txt -exec cat {} + > "$out/jfr-summary.txt"
    echo "run.sh: allocation sites and CPU hot spots in $out/jfr-summary.txt" >&2
fi
exit "$status"
